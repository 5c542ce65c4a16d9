package dev.mlsys.monitor.stats;

import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of a two-sample drift test or distance: the statistic and, for tests that have
 * one, the p-value.
 *
 * <p>Thread-safety: immutable.
 *
 * @param test the test's name, as {@link NumericDriftTest#name()} gives it
 * @param statistic the test statistic or distance; never NaN
 * @param pValue the p-value in [0, 1], or NaN for a distance that has no p-value
 */
public record TestResult(String test, double statistic, double pValue) {

  /**
   * @throws NullPointerException if {@code test} is null
   * @throws IllegalArgumentException if the statistic is NaN or the p-value is outside [0, 1]
   */
  public TestResult {
    Objects.requireNonNull(test, "test");
    if (Double.isNaN(statistic)) {
      throw new IllegalArgumentException("test '" + test + "': statistic must not be NaN");
    }
    if (!Double.isNaN(pValue) && !(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "test '%s': p-value must be in [0, 1] or NaN but was: %s", test, pValue));
    }
  }

  /** @return whether this result carries a p-value (false for pure distances) */
  public boolean hasPValue() {
    return !Double.isNaN(pValue);
  }
}
