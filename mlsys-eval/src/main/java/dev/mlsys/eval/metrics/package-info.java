/**
 * Model metrics with their uncertainty, equal to scikit-learn's and scipy's on golden cases.
 *
 * <p>Entry points: {@link dev.mlsys.eval.metrics.BinaryMetrics} (ROC AUC, average precision, log
 * loss, Brier score), {@link dev.mlsys.eval.metrics.ClassificationMetrics} and
 * {@link dev.mlsys.eval.metrics.ConfusionMatrix} (accuracy, balanced accuracy, precision /
 * recall / F1, Matthews correlation, one-vs-rest AUC),
 * {@link dev.mlsys.eval.metrics.RegressionMetrics} (MAE, RMSE, R squared, MAPE),
 * {@link dev.mlsys.eval.metrics.Bootstrap} (seeded percentile intervals for any metric),
 * {@link dev.mlsys.eval.metrics.SignificanceTests} (DeLong, McNemar, Welch),
 * {@link dev.mlsys.eval.metrics.MultipleComparisons} (Benjamini-Hochberg, Holm) and
 * {@link dev.mlsys.eval.metrics.Proportions} (Wilson intervals).
 */
package dev.mlsys.eval.metrics;
