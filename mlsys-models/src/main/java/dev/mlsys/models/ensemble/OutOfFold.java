package dev.mlsys.models.ensemble;

import dev.mlsys.models.LabeledData;
import dev.mlsys.models.selection.Folds;

/**
 * The meta-model's training set of a stacking ensemble: for every example, the base models'
 * outputs from models trained on the other folds only.
 *
 * @param data the stacked features (base outputs, then the original features when passing
 *     through) with the original labels
 * @param folds the fold of every example; row {@code i} was predicted by models that never saw
 *     fold {@code folds.foldOf(i)}
 */
public record OutOfFold(LabeledData data, Folds folds) {}
