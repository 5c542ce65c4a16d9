package dev.mlsys.eval.metrics;

/**
 * Welch's unequal-variance t-test of two independent samples.
 *
 * <p>Immutable value.
 *
 * @param statistic t = (mean A - mean B) / sqrt(var A / nA + var B / nB)
 * @param degreesOfFreedom the Welch-Satterthwaite degrees of freedom
 * @param pValue two-sided p-value
 */
public record WelchResult(double statistic, double degreesOfFreedom, double pValue) {}
