package dev.mlsys.eval.metrics;

/**
 * A metric of scores against 0/1 labels, such as {@code BinaryMetrics::rocAuc}; the unit
 * {@link Bootstrap} resamples. Implementations must not modify their arguments and, to be used
 * from several threads, must be stateless.
 */
@FunctionalInterface
public interface BinaryMetric {
  /**
   * @param scores scores or probabilities of the positive class
   * @param labels 0 or 1, same length
   * @return the metric; NaN or an {@link IllegalArgumentException} when it is undefined for
   *     this sample (for example one class only)
   */
  double compute(double[] scores, int[] labels);
}
