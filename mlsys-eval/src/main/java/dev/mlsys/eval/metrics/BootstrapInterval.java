package dev.mlsys.eval.metrics;

import java.util.Locale;

/**
 * The result of a percentile bootstrap: the estimate on the full data and the interval from the
 * resampled distribution.
 *
 * <p>Immutable value.
 *
 * @param estimate the statistic on the data itself
 * @param interval the percentile interval
 * @param resamples resamples drawn
 * @param undefined resamples on which the statistic was undefined (NaN or refused, for example
 *     one class only); they are counted here and left out of the percentiles
 * @param seed the seed that reproduces the resamples
 */
public record BootstrapInterval(double estimate, Interval interval, int resamples, int undefined, long seed) {

  /** @throws IllegalArgumentException if counts are negative or undefined exceeds resamples */
  public BootstrapInterval {
    java.util.Objects.requireNonNull(interval, "interval");
    if (resamples < 1 || undefined < 0 || undefined >= resamples) {
      throw new IllegalArgumentException("need resamples >= 1 and 0 <= undefined < resamples but were "
          + resamples + " and " + undefined);
    }
  }

  /** @return the lower bound */
  public double lower() {
    return interval.lower();
  }

  /** @return the upper bound */
  public double upper() {
    return interval.upper();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.6g %s, %d resamples (%d undefined), seed %d",
        estimate, interval, resamples, undefined, seed);
  }
}
