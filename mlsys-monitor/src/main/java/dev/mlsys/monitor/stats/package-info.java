/**
 * Two-sample drift tests and distances that agree with scipy: Kolmogorov-Smirnov, chi-squared,
 * Cramér-von Mises, Anderson-Darling, Wasserstein, Jensen-Shannon, Hellinger, L-infinity, PSI;
 * and for points in several dimensions, the kernel MMD test and the domain-classifier test (a
 * logistic regression's held-out AUC at telling current from reference points).
 *
 * <p>Start at {@link dev.mlsys.monitor.stats.DriftTests}.
 */
package dev.mlsys.monitor.stats;
