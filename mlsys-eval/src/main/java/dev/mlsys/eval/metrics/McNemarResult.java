package dev.mlsys.eval.metrics;

/**
 * McNemar's test of two classifiers on the same rows: do they err on different rows more often
 * one way than the other?
 *
 * <p>Immutable value.
 *
 * @param onlyACorrect b: rows the first classifier gets right and the second wrong
 * @param onlyBCorrect c: rows the second classifier gets right and the first wrong
 * @param statistic min(b, c) for the exact test, the chi-squared statistic otherwise
 * @param pValue two-sided p-value; 1 when there are no discordant rows
 * @param method how the p-value was computed
 */
public record McNemarResult(long onlyACorrect, long onlyBCorrect, double statistic, double pValue,
    McNemarMethod method) {}
