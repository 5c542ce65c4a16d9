package dev.mlsys.eval.slices;

import dev.mlsys.eval.metrics.Bootstrap;
import dev.mlsys.eval.metrics.BootstrapInterval;
import dev.mlsys.eval.metrics.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * A metric computed on a slice of examples, with its confidence interval. Ready-made ones are in
 * {@link SliceMetrics}; implement this interface for your own.
 *
 * <p>Implementations must be stateless and thread-safe.
 */
public interface SliceMetric {

  /** @return the metric's name, for reports ("accuracy") */
  String name();

  /** @return whether larger values are better (accuracy) or worse (log loss) */
  boolean higherIsBetter();

  /**
   * @param examples a slice, not empty
   * @return the metric, or NaN where it is undefined on this slice (one class for AUC)
   */
  double value(List<Example> examples);

  /**
   * A confidence interval of the metric on the slice; by default a seeded percentile bootstrap
   * with 1,000 resamples.
   *
   * @param examples a slice, not empty
   * @param confidence the confidence level
   * @param seed the bootstrap seed
   * @return the interval, or null where the metric is undefined on the slice
   */
  default Interval interval(List<Example> examples, double confidence, long seed) {
    if (Double.isNaN(value(examples))) {
      return null;
    }
    try {
      BootstrapInterval b = Bootstrap.percentile().resamples(1000).confidence(confidence).seed(seed)
          .interval(examples.size(), rows -> {
            List<Example> sample = new ArrayList<>(rows.length);
            for (int i : rows) {
              sample.add(examples.get(i));
            }
            return value(sample);
          });
      return b.interval();
    } catch (IllegalStateException everyResampleUndefined) {
      return null;
    }
  }

  /**
   * @return whether the metric is the mean of a per-row loss ({@link #rowLoss(Example)}), which
   *     automatic slice discovery needs
   */
  default boolean hasRowLoss() {
    return false;
  }

  /**
   * @param example one example
   * @return its loss (larger is worse), whose mean over a slice orders slices as the metric does
   * @throws UnsupportedOperationException if the metric is not a mean of per-row losses
   */
  default double rowLoss(Example example) {
    throw new UnsupportedOperationException(name() + " is not a mean of per-row losses");
  }
}
