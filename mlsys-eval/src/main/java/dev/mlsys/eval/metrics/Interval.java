package dev.mlsys.eval.metrics;

import java.util.Locale;

/**
 * A two-sided confidence interval [lower, upper] at a stated confidence level.
 *
 * <p>Immutable value.
 *
 * @param lower the lower bound
 * @param upper the upper bound, &gt;= lower
 * @param confidence the confidence level, in (0, 1)
 */
public record Interval(double lower, double upper, double confidence) {

  /** @throws IllegalArgumentException if a bound is NaN, lower &gt; upper, or confidence is outside (0, 1) */
  public Interval {
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException("interval bounds must satisfy lower <= upper but were [" + lower + ", " + upper + "]");
    }
    Inputs.confidence(confidence);
  }

  /** @return upper - lower */
  public double width() {
    return upper - lower;
  }

  /** @param value a value @return whether lower &lt;= value &lt;= upper */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "[%.4g, %.4g] (%.4g%%)", lower, upper, confidence * 100);
  }
}
