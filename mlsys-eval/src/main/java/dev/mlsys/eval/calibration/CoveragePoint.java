package dev.mlsys.eval.calibration;

/**
 * One point of a {@link ConfidenceCurve}: answering only rows whose confidence is at least the
 * threshold covers this share of rows with this accuracy.
 *
 * <p>Immutable value.
 *
 * @param threshold answer rows with confidence &gt;= threshold, abstain on the rest
 * @param covered the number of rows answered
 * @param correct the number of answered rows that are correct
 * @param coverage covered / n
 * @param accuracy the share of answered rows that are correct
 */
public record CoveragePoint(double threshold, long covered, long correct, double coverage, double accuracy) {}
