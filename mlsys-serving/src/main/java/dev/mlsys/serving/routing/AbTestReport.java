package dev.mlsys.serving.routing;

import java.util.Locale;
import java.util.Objects;

/**
 * The statistics of an A/B test on binary outcomes, computed as scipy and statsmodels do:
 * <ul>
 *   <li>each arm's rate with a Wilson score interval (Wilson 1927; scipy
 *       {@code binomtest(k, n).proportion_ci(method="wilson")});
 *   <li>the difference treatment minus control with Newcombe's hybrid score interval built from
 *       the two Wilson intervals (Newcombe 1998, method 10);
 *   <li>the pooled two-proportion z-test, two-sided (equal to the chi-squared test of the 2x2
 *       table without continuity correction, scipy {@code chi2_contingency(correction=False)}).
 * </ul>
 * When both arms have only successes or only failures the pooled variance is zero; the test
 * then finds no evidence of a difference (z = 0, p = 1). Without trials in an arm, z and p are
 * NaN.
 *
 * <p>Immutable.
 *
 * @param control the control arm (A)
 * @param treatment the treatment arm (B)
 * @param difference treatment rate minus control rate
 * @param differenceLow lower end of the difference's confidence interval
 * @param differenceHigh upper end of the difference's confidence interval
 * @param z the pooled z statistic, positive when the treatment does better
 * @param pValue the two-sided p-value of the z-test
 * @param confidence the confidence level of the intervals
 */
public record AbTestReport(ArmSummary control, ArmSummary treatment, double difference, double differenceLow,
    double differenceHigh, double z, double pValue, double confidence) {

  /** @throws NullPointerException if an arm is null */
  public AbTestReport {
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(treatment, "treatment");
  }

  /**
   * Computes a report from counts.
   *
   * @param control the control version
   * @param controlTrials outcomes recorded for the control
   * @param controlSuccesses successes among them
   * @param treatment the treatment version
   * @param treatmentTrials outcomes recorded for the treatment
   * @param treatmentSuccesses successes among them
   * @param confidence confidence level of the intervals, in (0, 1)
   * @return the report
   * @throws IllegalArgumentException if counts are inconsistent or the confidence is outside (0, 1)
   */
  public static AbTestReport of(String control, long controlTrials, long controlSuccesses, String treatment,
      long treatmentTrials, long treatmentSuccesses, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1) but was: " + confidence);
    }
    double zc = Normal.quantile(0.5 + 0.5 * confidence);
    ArmSummary a = wilson(control, controlTrials, controlSuccesses, zc);
    ArmSummary b = wilson(treatment, treatmentTrials, treatmentSuccesses, zc);
    double diff = b.rate() - a.rate();
    double lo = diff - Math.sqrt(sq(b.rate() - b.low()) + sq(a.high() - a.rate()));
    double hi = diff + Math.sqrt(sq(b.high() - b.rate()) + sq(a.rate() - a.low()));
    double z;
    double p;
    if (controlTrials == 0 || treatmentTrials == 0) {
      z = Double.NaN;
      p = Double.NaN;
    } else {
      double n1 = controlTrials;
      double n2 = treatmentTrials;
      double pooled = (controlSuccesses + (double) treatmentSuccesses) / (n1 + n2);
      double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
      if (variance == 0) {
        z = 0;
        p = 1;
      } else {
        z = diff / Math.sqrt(variance);
        p = Normal.twoSidedP(z);
      }
    }
    return new AbTestReport(a, b, diff, lo, hi, z, p, confidence);
  }

  /**
   * @param alpha the significance level, in (0, 1)
   * @return whether the two-sided test rejects equal rates at that level
   * @throws IllegalArgumentException if alpha is outside (0, 1)
   */
  public boolean significant(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1) but was: " + alpha);
    }
    return pValue < alpha;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "AbTestReport[%s vs %s; difference %.4f [%.4f, %.4f] at %.0f%%, z=%.4f, p=%.4g]",
        control, treatment, difference, differenceLow, differenceHigh, confidence * 100, z, pValue);
  }

  /** The Wilson score interval, written as scipy's {@code _binom_wilson_conf_int}. */
  static ArmSummary wilson(String version, long trials, long successes, double z) {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("successes must be in [0, trials] but were: " + successes
          + " of " + trials + " trials for version '" + version + "'");
    }
    if (trials == 0) {
      return new ArmSummary(version, 0, 0, Double.NaN, 0, 1);
    }
    double n = trials;
    double p = successes / n;
    double q = 1 - p;
    double denom = 2 * (n + z * z);
    double center = (2 * n * p + z * z) / denom;
    double delta = z / denom * Math.sqrt(4 * n * p * q + z * z);
    double lo = successes == 0 ? 0 : center - delta;
    double hi = successes == trials ? 1 : center + delta;
    return new ArmSummary(version, trials, successes, p, lo, hi);
  }

  private static double sq(double x) {
    return x * x;
  }
}
