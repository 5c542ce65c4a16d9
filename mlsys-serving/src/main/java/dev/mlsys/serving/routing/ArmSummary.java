package dev.mlsys.serving.routing;

import java.util.Locale;

/**
 * One arm of an A/B test: its outcome counts and success rate with a Wilson score interval.
 *
 * @param version the model version of the arm
 * @param trials the number of recorded outcomes
 * @param successes the number of successful outcomes
 * @param rate successes / trials, NaN when there are no trials
 * @param low the lower end of the rate's confidence interval (0 when there are no trials)
 * @param high the upper end of the rate's confidence interval (1 when there are no trials)
 */
public record ArmSummary(String version, long trials, long successes, double rate, double low, double high) {

  /** @throws IllegalArgumentException if the counts are negative or successes exceed trials */
  public ArmSummary {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("successes must be in [0, trials] but were: " + successes
          + " of " + trials + " trials");
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: %d/%d = %.4f [%.4f, %.4f]", version, successes, trials, rate, low, high);
  }
}
