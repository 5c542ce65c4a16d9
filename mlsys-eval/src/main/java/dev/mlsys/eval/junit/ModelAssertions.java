package dev.mlsys.eval.junit;

import dev.mlsys.api.Predictor;
import dev.mlsys.eval.behavior.BehavioralTestResult;
import dev.mlsys.eval.behavior.SuiteResult;
import java.util.Objects;

/**
 * Fluent JUnit 5 assertions about a model's behavior. A failure is an
 * {@code org.opentest4j.AssertionFailedError} whose message shows the failure rate with its
 * Wilson interval, the seed that reproduces the run, and the worst failing rows with what changed.
 *
 * <pre>{@code
 * import static dev.mlsys.eval.junit.ModelAssertions.assertThat;
 *
 * assertThat(model).isInvariantTo(Perturbations.typo("message")).withinProbability(0.1).on(messages);
 * assertThat(model).increases("spam").when(Perturbations.shift("charDollar", 0.5)).on(rows);
 * assertThat(model).predicts("spam").on(obviousSpam);
 * }</pre>
 *
 * <p>Needs junit-jupiter-api on the class path (an optional dependency of mlsys-eval). Assertion
 * objects are immutable: every option returns a copy.
 */
public final class ModelAssertions {
  private ModelAssertions() {}

  /**
   * @param model the model under test
   * @return assertions about it
   */
  public static ModelAssert assertThat(Predictor model) {
    return new ModelAssert(Objects.requireNonNull(model, "model"));
  }

  /**
   * @param result a behavioral test result (for example from precomputed predictions)
   * @return the result, if it passed
   * @throws org.opentest4j.AssertionFailedError with the result's report if it failed
   */
  public static BehavioralTestResult assertPassed(BehavioralTestResult result) {
    return Failures.check(Objects.requireNonNull(result, "result"));
  }

  /**
   * @param result a suite result
   * @return the result, if every test passed
   * @throws org.opentest4j.AssertionFailedError with the suite's report if a test failed
   */
  public static SuiteResult assertPassed(SuiteResult result) {
    return Failures.check(Objects.requireNonNull(result, "result"));
  }
}
