/**
 * Two-sample drift tests and distances that agree with scipy: Kolmogorov-Smirnov, chi-squared,
 * Cramér-von Mises, Anderson-Darling, Wasserstein, Jensen-Shannon, Hellinger, L-infinity, PSI and
 * the kernel MMD test.
 *
 * <p>Start at {@link dev.mlsys.monitor.stats.DriftTests}.
 */
package dev.mlsys.monitor.stats;
