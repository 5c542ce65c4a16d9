package dev.mlsys.models.selection;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one cross-validation run.
 *
 * @param trainer the trainer's description
 * @param folds the folds used
 * @param perFold the metrics of each fold, in fold order
 * @param mean the mean of each metric over folds
 * @param std the sample standard deviation of each metric over folds
 * @param outOfFoldClass each example's predicted class index from the model that did not see it
 *     (classification; empty for regression)
 * @param outOfFoldValue each example's out-of-fold predicted value (regression; empty otherwise)
 * @param truth each example's class index (classification; empty otherwise)
 * @param target each example's target (regression; empty otherwise)
 */
public record CvResult(String trainer, Folds folds, List<Map<Metric, Double>> perFold, Map<Metric, Double> mean,
    Map<Metric, Double> std, int[] outOfFoldClass, double[] outOfFoldValue, int[] truth, double[] target) {

  /** Copies the metric collections. */
  public CvResult {
    perFold = List.copyOf(perFold);
    mean = Map.copyOf(mean);
    std = Map.copyOf(std);
  }

  /**
   * @param metric a metric computed for this task
   * @return its mean over folds
   */
  public double mean(Metric metric) {
    Double v = mean.get(metric);
    if (v == null) {
      throw new IllegalArgumentException(metric.key() + " was not computed; computed: " + mean.keySet());
    }
    return v;
  }

  /**
   * @param metric a metric computed for this task
   * @return its value in each fold
   */
  public double[] foldValues(Metric metric) {
    double[] out = new double[perFold.size()];
    for (int f = 0; f < out.length; f++) {
      out[f] = perFold.get(f).get(metric);
    }
    return out;
  }
}
