package dev.mlsys.eval.metrics;

/**
 * Confidence intervals for a binomial proportion, such as a failure rate or a slice's accuracy.
 *
 * <p>Pure functions: thread-safe.
 */
public final class Proportions {
  private Proportions() {}

  /**
   * The Wilson score interval (Wilson 1927), which keeps its coverage for small counts and
   * proportions near 0 or 1 where the Wald interval fails; statsmodels'
   * {@code proportion_confint(method="wilson")}. With no trials it is [0, 1].
   *
   * @param successes the count of successes (or failures: whatever is counted), 0..trials
   * @param trials the number of trials, &gt;= 0
   * @param confidence the confidence level, in (0, 1), e.g. 0.95
   * @return the interval, within [0, 1]
   * @throws IllegalArgumentException if counts are negative, successes exceed trials, or the
   *     confidence is outside (0, 1)
   */
  public static Interval wilson(long successes, long trials, double confidence) {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("successes must be in [0, trials] with trials >= 0 but were successes="
          + successes + ", trials=" + trials);
    }
    Inputs.confidence(confidence);
    if (trials == 0) {
      return new Interval(0, 1, confidence);
    }
    double z = -SpecialFunctions.normalQuantile((1 - confidence) / 2);
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double lower = successes == 0 ? 0 : Math.max(0, centre - half);
    double upper = successes == trials ? 1 : Math.min(1, centre + half);
    return new Interval(lower, upper, confidence);
  }

  /**
   * @param confidence a two-sided confidence level in (0, 1)
   * @return the standard normal quantile z with P(|Z| &lt;= z) = confidence (1.959964 for 0.95)
   * @throws IllegalArgumentException if the confidence is outside (0, 1)
   */
  public static double normalCriticalValue(double confidence) {
    Inputs.confidence(confidence);
    return -SpecialFunctions.normalQuantile((1 - confidence) / 2);
  }
}
