package dev.mlsys.data.imbalance;

import dev.mlsys.api.Row;
import dev.mlsys.data.split.TrainingMatrix;
import dev.mlsys.data.split.TrainingSet;

/**
 * Changes the class balance of training data. Resamplers accept only the training side of a split
 * ({@link TrainingSet}, {@link TrainingMatrix}), never a plain list or array, so a validation or
 * test set cannot be resampled by mistake: evaluation must see the real class balance.
 *
 * <p>Kept rows come first in their original order, then added rows (copies or synthetic rows),
 * class by class. Every result records a provenance line: the method, its parameters, and the class
 * counts before and after.
 *
 * <p>Rows are labelled by their schema's label field; matrix rows by their integer label.
 * Implementations are immutable and thread-safe.
 */
public sealed interface Resampler permits RandomOverSampler, RandomUnderSampler, Smote, SmoteNc, TomekLinks {

  /**
   * @param training training rows, each with a label
   * @return the resampled training rows
   * @throws IllegalArgumentException if a row has no label, or the data does not suit the method
   *     (see each method)
   */
  TrainingSet<Row> resample(TrainingSet<Row> training);

  /**
   * @param training a training matrix
   * @return the resampled training matrix
   * @throws IllegalArgumentException if the data does not suit the method
   */
  TrainingMatrix resample(TrainingMatrix training);
}
