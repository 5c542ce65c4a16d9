package dev.mlsys.eval.metrics;

/**
 * A metric of predicted against actual values, such as {@code RegressionMetrics::meanAbsoluteError}.
 * Implementations must not modify their arguments.
 */
@FunctionalInterface
public interface RegressionMetric {
  /**
   * @param actual true values
   * @param predicted predicted values, same length
   * @return the metric; NaN or an {@link IllegalArgumentException} when undefined for this sample
   */
  double compute(double[] actual, double[] predicted);
}
