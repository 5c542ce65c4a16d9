package dev.mlsys.eval.junit;

import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.eval.behavior.BehavioralTestResult;
import dev.mlsys.eval.behavior.BehavioralTests;
import dev.mlsys.eval.behavior.Direction;
import dev.mlsys.eval.behavior.DirectionalExpectationTest;
import dev.mlsys.eval.behavior.Perturbation;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code assertThat(model).increases("spam").when(perturbation)[.options].on(rows)}; the options are
 * those of {@link DirectionalExpectationTest}. Immutable: every option returns a copy.
 */
public final class DirectionalAssert {
  private final Predictor model;
  private final Direction direction;
  private final String cls;
  private final DirectionalExpectationTest test;

  DirectionalAssert(Predictor model, Direction direction, String cls) {
    this(model, direction, cls, null);
  }

  private DirectionalAssert(Predictor model, Direction direction, String cls, DirectionalExpectationTest test) {
    this.model = model;
    this.direction = direction;
    this.cls = cls;
    this.test = test;
  }

  /**
   * @param perturbation the change expected to move P(class)
   * @return a copy with the perturbation
   */
  public DirectionalAssert when(Perturbation perturbation) {
    Objects.requireNonNull(perturbation, "perturbation");
    DirectionalExpectationTest t = BehavioralTests.directional(
        (direction == Direction.UP ? "rise" : "fall") + " of P(" + cls + ") under " + perturbation.description(),
        perturbation);
    return new DirectionalAssert(model, direction, cls, direction == Direction.UP ? t.expectIncrease(cls) : t.expectDecrease(cls));
  }

  /** @param change the least move in the expected direction (negative: a tolerance) @return a copy */
  public DirectionalAssert byAtLeast(double change) {
    return new DirectionalAssert(model, direction, cls, test().byAtLeast(change));
  }

  /** @param distance the saturation margin @return a copy */
  public DirectionalAssert saturationMargin(double distance) {
    return new DirectionalAssert(model, direction, cls, test().saturationMargin(distance));
  }

  /** @param seed the seed of the perturbations @return a copy */
  public DirectionalAssert seed(long seed) {
    return new DirectionalAssert(model, direction, cls, test().seed(seed));
  }

  /** @param count perturbed copies per row @return a copy */
  public DirectionalAssert samplesPerRow(int count) {
    return new DirectionalAssert(model, direction, cls, test().samplesPerRow(count));
  }

  /** @param rate the failure rate tolerated @return a copy */
  public DirectionalAssert allowingFailureRate(double rate) {
    return new DirectionalAssert(model, direction, cls, test().allowingFailureRate(rate));
  }

  /**
   * Runs the test.
   *
   * @param rows the rows to perturb
   * @return the result, if it passed
   * @throws IllegalStateException if no perturbation was given with {@link #when}
   * @throws org.opentest4j.AssertionFailedError with the report if it failed
   */
  public BehavioralTestResult on(List<Row> rows) {
    return Failures.check(test().on(rows).run(model));
  }

  /** @param rows the rows to perturb @return the result, if it passed */
  public BehavioralTestResult on(Row... rows) {
    return on(Arrays.asList(rows));
  }

  private DirectionalExpectationTest test() {
    if (test == null) {
      throw new IllegalStateException("give the perturbation first: assertThat(model)."
          + (direction == Direction.UP ? "increases" : "decreases") + "(\"" + cls + "\").when(perturbation)");
    }
    return test;
  }
}
