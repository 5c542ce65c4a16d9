package dev.mlsys.eval.junit;

import dev.mlsys.api.Predictor;
import dev.mlsys.eval.behavior.BehavioralSuite;
import dev.mlsys.eval.behavior.BehavioralTest;
import dev.mlsys.eval.behavior.BehavioralTestResult;
import dev.mlsys.eval.behavior.BehavioralTests;
import dev.mlsys.eval.behavior.Direction;
import dev.mlsys.eval.behavior.Perturbation;
import dev.mlsys.eval.behavior.SuiteResult;
import java.util.Objects;

/**
 * Assertions about one model, from {@link ModelAssertions#assertThat(Predictor)}.
 *
 * <p>Immutable.
 */
public final class ModelAssert {
  private final Predictor model;

  ModelAssert(Predictor model) {
    this.model = model;
  }

  /**
   * @param perturbation a change the model must ignore
   * @return an invariance assertion; finish it with {@code on(rows)}
   */
  public InvarianceAssert isInvariantTo(Perturbation perturbation) {
    Objects.requireNonNull(perturbation, "perturbation");
    return new InvarianceAssert(model,
        BehavioralTests.invariance("invariance to " + perturbation.description(), perturbation));
  }

  /**
   * @param cls a class whose probability must rise
   * @return a directional assertion; give the perturbation with {@code when} and the rows with {@code on}
   */
  public DirectionalAssert increases(String cls) {
    return new DirectionalAssert(model, Direction.UP, Objects.requireNonNull(cls, "cls"));
  }

  /**
   * @param cls a class whose probability must fall
   * @return a directional assertion; give the perturbation with {@code when} and the rows with {@code on}
   */
  public DirectionalAssert decreases(String cls) {
    return new DirectionalAssert(model, Direction.DOWN, Objects.requireNonNull(cls, "cls"));
  }

  /**
   * @param label the label every row must get
   * @return a minimum-functionality assertion; finish it with {@code on(rows)}
   */
  public PredictionAssert predicts(String label) {
    return new PredictionAssert(model, Objects.requireNonNull(label, "label"), 0);
  }

  /** @return a minimum-functionality assertion that each row gets its own label; finish it with {@code on(rows)} */
  public PredictionAssert predictsRowLabels() {
    return new PredictionAssert(model, null, 0);
  }

  /**
   * @param test any behavioral test
   * @return its result, if it passed
   * @throws org.opentest4j.AssertionFailedError with the test's report if it failed
   */
  public BehavioralTestResult passes(BehavioralTest test) {
    return Failures.check(test.run(model));
  }

  /**
   * @param suite a suite of behavioral tests
   * @return its result, if every test passed
   * @throws org.opentest4j.AssertionFailedError with the suite's report if a test failed
   */
  public SuiteResult passes(BehavioralSuite suite) {
    return Failures.check(suite.run(model));
  }
}
