package dev.mlsys.eval.junit;

import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.eval.behavior.BehavioralTestResult;
import dev.mlsys.eval.behavior.BehavioralTests;
import dev.mlsys.eval.behavior.MinimumFunctionalityTest;
import java.util.Arrays;
import java.util.List;

/**
 * {@code assertThat(model).predicts("spam").on(rows)} or
 * {@code assertThat(model).predictsRowLabels().on(labelledRows)}: a minimum-functionality check.
 * Immutable: every option returns a copy.
 */
public final class PredictionAssert {
  private final Predictor model;
  private final String label;
  private final double maxFailureRate;

  PredictionAssert(Predictor model, String label, double maxFailureRate) {
    this.model = model;
    this.label = label;
    this.maxFailureRate = maxFailureRate;
  }

  /** @param rate the failure rate tolerated, in [0, 1] @return a copy */
  public PredictionAssert allowingFailureRate(double rate) {
    return new PredictionAssert(model, label, rate);
  }

  /**
   * @param rows the cases
   * @return the result, if it passed
   * @throws org.opentest4j.AssertionFailedError with the report if it failed
   */
  public BehavioralTestResult on(List<Row> rows) {
    MinimumFunctionalityTest test = BehavioralTests.minimumFunctionality(
        label == null ? "each row gets its label" : "predicts " + label);
    test = label == null ? test.expectRowLabels(rows) : test.expect(label, rows);
    return Failures.check(test.allowingFailureRate(maxFailureRate).run(model));
  }

  /** @param rows the cases @return the result, if it passed */
  public BehavioralTestResult on(Row... rows) {
    return on(Arrays.asList(rows));
  }
}
