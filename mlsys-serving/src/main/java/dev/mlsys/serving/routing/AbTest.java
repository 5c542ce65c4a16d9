package dev.mlsys.serving.routing;

/**
 * An A/B test between a control and a treatment version: entities are split by a deterministic
 * hash of their key (the same entity always sees the same arm), outcomes are recorded per arm,
 * and {@link #report()} gives each arm's success rate with a confidence interval and a
 * two-proportion z-test of the difference.
 *
 * <pre>{@code
 * AbTest test = Routers.abTest("v1", "v2", 0.5);
 * service.route(test);
 * Prediction p = service.predict(values, userId);
 * // ... later, when the outcome is known:
 * service.recordOutcome(p, converted);
 * AbTestReport report = test.report();
 * if (report.significant(0.05)) { ... }
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use; counts are kept in atomic adders.
 */
public interface AbTest extends Router {

  /** @return the control version (arm A) */
  String control();

  /** @return the treatment version (arm B) */
  String treatment();

  /** @return the share of entities sent to the treatment, in [0, 1] */
  double treatmentShare();

  /**
   * Records one binary outcome.
   *
   * @param version the arm that served the prediction
   * @param success whether the outcome was a success
   * @throws IllegalArgumentException if the version is neither arm
   */
  void record(String version, boolean success);

  /**
   * Records one outcome; an A/B test counts binary outcomes only.
   *
   * @throws IllegalArgumentException if the reward is not exactly 0 or 1, or the version is
   *     neither arm
   */
  @Override
  void recordOutcome(String version, double reward);

  /** @return the report at 95% confidence */
  default AbTestReport report() {
    return report(0.95);
  }

  /**
   * @param confidence the confidence level of the intervals, in (0, 1)
   * @return the arms' rates, intervals and the two-proportion test, from the counts so far
   * @throws IllegalArgumentException if the confidence is outside (0, 1)
   */
  AbTestReport report(double confidence);
}
