/**
 * Model selection: {@link dev.mlsys.models.selection.Evaluation} (metrics and the gain over a
 * baseline), {@link dev.mlsys.models.selection.CrossValidation} and
 * {@link dev.mlsys.models.selection.Folds}, grid and random
 * {@link dev.mlsys.models.selection.Search}, and paired significance tests in
 * {@link dev.mlsys.models.selection.Comparison}. The metrics and McNemar's test are mlsys-eval's
 * ({@code dev.mlsys.eval.metrics}); the corrected resampled t-test over folds is this package's own.
 */
package dev.mlsys.models.selection;
