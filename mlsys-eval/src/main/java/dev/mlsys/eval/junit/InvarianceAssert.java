package dev.mlsys.eval.junit;

import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.eval.behavior.BehavioralTestResult;
import dev.mlsys.eval.behavior.InvarianceTest;
import java.util.Arrays;
import java.util.List;

/**
 * {@code assertThat(model).isInvariantTo(perturbation)[.options].on(rows)}; the options are those
 * of {@link InvarianceTest}. Immutable: every option returns a copy.
 */
public final class InvarianceAssert {
  private final Predictor model;
  private final InvarianceTest test;

  InvarianceAssert(Predictor model, InvarianceTest test) {
    this.model = model;
    this.test = test;
  }

  /** @param tolerance the largest allowed move of the original label's probability @return a copy */
  public InvarianceAssert withinProbability(double tolerance) {
    return new InvarianceAssert(model, test.withinProbability(tolerance));
  }

  /** @param tolerance the largest allowed change of a regression value @return a copy */
  public InvarianceAssert withinValue(double tolerance) {
    return new InvarianceAssert(model, test.withinValue(tolerance));
  }

  /** @param seed the seed of the perturbations @return a copy */
  public InvarianceAssert seed(long seed) {
    return new InvarianceAssert(model, test.seed(seed));
  }

  /** @param count perturbed copies per row @return a copy */
  public InvarianceAssert samplesPerRow(int count) {
    return new InvarianceAssert(model, test.samplesPerRow(count));
  }

  /** @param rate the failure rate tolerated @return a copy */
  public InvarianceAssert allowingFailureRate(double rate) {
    return new InvarianceAssert(model, test.allowingFailureRate(rate));
  }

  /** @param k failing cases shown in the message @return a copy */
  public InvarianceAssert showingWorst(int k) {
    return new InvarianceAssert(model, test.worstExamples(k));
  }

  /**
   * Runs the test.
   *
   * @param rows the rows to perturb
   * @return the result, if it passed
   * @throws org.opentest4j.AssertionFailedError with the report (worst cases, seed) if it failed
   */
  public BehavioralTestResult on(List<Row> rows) {
    return Failures.check(test.on(rows).run(model));
  }

  /** @param rows the rows to perturb @return the result, if it passed */
  public BehavioralTestResult on(Row... rows) {
    return on(Arrays.asList(rows));
  }
}
