/**
 * Labels for training and evaluation: natural labels joined from later outcomes
 * ({@link dev.mlsys.data.labeling.LabelJoin}, the feedback loop) and weak supervision with
 * labeling functions ({@link dev.mlsys.data.labeling.WeakLabeler},
 * {@link dev.mlsys.data.labeling.LabelMatrix}).
 *
 * <p>Start at {@link dev.mlsys.data.labeling.LabelJoin#of} or
 * {@link dev.mlsys.data.labeling.WeakLabeler#builder(String...)}.
 */
package dev.mlsys.data.labeling;
