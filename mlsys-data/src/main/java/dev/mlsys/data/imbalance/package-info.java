/**
 * Class imbalance: random over- and under-sampling, SMOTE, SMOTE-NC, Tomek-link removal, and
 * balanced class weights. Resamplers accept only training data
 * ({@link dev.mlsys.data.split.TrainingSet}, {@link dev.mlsys.data.split.TrainingMatrix}), so a
 * test set cannot be resampled by mistake.
 *
 * <p>Start at {@link dev.mlsys.data.imbalance.Resamplers} or
 * {@link dev.mlsys.data.imbalance.ClassWeights}.
 */
package dev.mlsys.data.imbalance;
