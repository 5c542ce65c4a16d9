/**
 * Splits that avoid leakage: random, stratified, time-based and group-aware hold-out splits,
 * k-fold and stratified k-fold, and walk-forward group time-series folds with a gap and embargo;
 * all seeded, exact and recording their provenance. A {@link dev.mlsys.data.split.LeakageCheck}
 * reports rows, records, groups or time ranges shared across parts.
 *
 * <p>Start at {@link dev.mlsys.data.split.Splits}. The training part of a split comes as a
 * {@link dev.mlsys.data.split.TrainingSet} or {@link dev.mlsys.data.split.TrainingMatrix}, the
 * only types resampling accepts.
 */
package dev.mlsys.data.split;
