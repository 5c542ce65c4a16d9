package dev.mlsys.eval.examples;

import static dev.mlsys.eval.junit.ModelAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Row;
import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.behavior.BehavioralSuite;
import dev.mlsys.eval.behavior.BehavioralTestResult;
import dev.mlsys.eval.behavior.BehavioralTests;
import dev.mlsys.eval.behavior.Perturbations;
import dev.mlsys.eval.behavior.SuiteResult;
import dev.mlsys.eval.testing.IncomeModels;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Behavioral suite for an income model on income.csv (categorical features, missing values):
 * the model must ignore SEX and ETHNIC.CLASS and must not lower P(high income) when education
 * rises. A model with an alphabetically sorted education encoder and SEX among its features
 * fails.
 */
class IncomeBehaviorExamplesTest {
  private static final List<Row> ROWS = ExampleData.incomeRows();

  static BehavioralSuite suite() {
    return BehavioralSuite.named("income model")
        .add(BehavioralTests.invariance("sex does not matter", Perturbations.swapCategory("SEX")).on(ROWS))
        .add(BehavioralTests.invariance("ethnicity does not matter", Perturbations.swapCategory("ETHNIC.CLASS"))
            .samplesPerRow(2).on(ROWS))
        .add(BehavioralTests.invariance("unknown language", Perturbations.setMissing("LANGUAGE")).on(ROWS))
        .add(BehavioralTests.directional("more education never lowers P(high)", ExampleData.MORE_EDUCATION)
            .expectIncrease("high").on(ROWS));
  }

  @Test
  void theFairModelPasses() {
    SuiteResult r = suite().run(IncomeModels.good());
    assertTrue(r.passed(), r.report());
    BehavioralTestResult education = r.result("more education never lowers P(high)");
    // rows already at "Grad Study" or with education missing cannot be raised: skipped and counted
    assertEquals(ROWS.size(), education.run() + education.skippedCount());
    assertTrue(education.skipped().containsKey("perturbation left the row unchanged"));
  }

  @Test
  void theBrokenModelFailsOnSexAndOnEducation() {
    SuiteResult r = suite().run(IncomeModels.broken());
    BehavioralTestResult sex = r.result("sex does not matter");
    assertFalse(sex.passed(), sex.report());
    assertTrue(sex.failureRateInterval().lower() > 0, sex.report());
    assertTrue(sex.report().contains("changed: SEX: "), sex.report());
    assertFalse(r.result("more education never lowers P(high)").passed());
    assertTrue(r.result("ethnicity does not matter").passed());
  }

  @Test
  void suiteResultsExportJsonWithFormatAndEveryCount() {
    SuiteResult r = suite().run(IncomeModels.broken());
    JsonObject o = JsonObject.parse(r.toJson(), "suite");
    assertEquals(1, o.requireFormat(SuiteResult.FORMAT, SuiteResult.VERSION));
    assertEquals("income model", o.getString("suite"));
    assertFalse(o.getBoolean("passed"));
    JsonObject sex = o.getObjects("results").get(0);
    assertEquals("INVARIANCE", sex.getString("type"));
    assertEquals(r.result("sex does not matter").failed(), sex.getLong("failed"));
    JsonObject worst = sex.getObjects("worst").get(0);
    assertTrue(worst.getObject("original").has("SEX"));
    assertTrue(worst.getObject("perturbedPrediction").getObject("probabilities").has("high"));
  }

  @Test
  void fluentFormOfTheSameChecks() {
    assertThat(IncomeModels.good()).isInvariantTo(Perturbations.swapCategory("SEX")).on(ROWS);
    assertThat(IncomeModels.good()).increases("high").when(ExampleData.MORE_EDUCATION).on(ROWS);
    assertThrows(AssertionFailedError.class,
        () -> assertThat(IncomeModels.broken()).isInvariantTo(Perturbations.swapCategory("SEX")).on(ROWS));
    // a tolerance on the probability lets a small, bounded dependence through
    assertThat(IncomeModels.broken()).isInvariantTo(Perturbations.swapCategory("SEX")).withinProbability(0.1).on(ROWS);
  }
}
