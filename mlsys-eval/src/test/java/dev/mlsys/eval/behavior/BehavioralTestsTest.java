package dev.mlsys.eval.behavior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.MlsysException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.eval.metrics.Interval;
import dev.mlsys.eval.metrics.Proportions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BehavioralTestsTest {
  private static final Schema SCHEMA = Schema.builder().numeric("x", -100, 100).label("y", "neg", "pos").build();
  private static final List<Row> ROWS = new ArrayList<>();

  static {
    for (int i = -10; i <= 10; i++) {
      ROWS.add(SCHEMA.rowOf((double) i));
    }
  }

  /** P(pos) = sigmoid(slope x): increasing for slope > 0. */
  private static Predictor logistic(double slope) {
    return row -> {
      double p = 1 / (1 + Math.exp(-slope * row.getDouble("x")));
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("neg", 1 - p);
      m.put("pos", p);
      return Prediction.of(p >= 0.5 ? "pos" : "neg", m);
    };
  }

  @Test
  void invarianceCountsLabelFlipsAndKeepsTheWorst() {
    // shifting by +1 flips exactly the row x = -1 (P(pos) 0.27 -> 0.5): one failure in 21 cases
    BehavioralTestResult r = BehavioralTests.invariance("shift", Perturbations.shift("x", 1)).on(ROWS)
        .run(logistic(1));
    assertEquals(21, r.run());
    assertEquals(1, r.failed());
    assertFalse(r.passed());
    FailedCase worst = r.worst().get(0);
    assertEquals(9, worst.row());
    assertEquals("label neg -> pos; P(neg) 0.731 -> 0.500", worst.reason());
    Interval expected = Proportions.wilson(1, 21, 0.95);
    assertEquals(expected, r.failureRateInterval());
    assertTrue(BehavioralTests.invariance("shift", Perturbations.shift("x", 1)).on(ROWS).allowingFailureRate(0.05)
        .run(logistic(1)).passed());
  }

  @Test
  void probabilityToleranceJudgesTheMoveNotTheLabel() {
    InvarianceTest t = BehavioralTests.invariance("shift", Perturbations.shift("x", 0.1)).on(ROWS).withinProbability(0.02);
    BehavioralTestResult r = t.run(logistic(1));
    // dP <= 0.1 * max slope of the sigmoid (0.25) = 0.025; it exceeds 0.02 only near x = 0
    assertTrue(r.failed() >= 1 && r.failed() <= 3, r.report());
    assertTrue(r.worst().get(0).reason().contains("tolerance 0.02"), r.worst().get(0).reason());
    assertTrue(t.withinProbability(0.03).run(logistic(1)).passed());
  }

  @Test
  void directionalSkipsSaturatedAndUnchangedCasesAndCountsThem() {
    // x = 100 cannot be shifted (clamped at the range): unchanged; x >= 7 has P(pos) > 0.999: saturated
    List<Row> rows = new ArrayList<>(ROWS);
    rows.add(SCHEMA.rowOf(100.0));
    BehavioralTestResult up = BehavioralTests.directional("up", Perturbations.shift("x", 1)).expectIncrease("pos")
        .on(rows).run(logistic(1));
    assertTrue(up.passed(), up.report());
    assertEquals(1L, up.skipped().get("perturbation left the row unchanged"));
    assertEquals(4L, up.skipped().get(DirectionalExpectationTest.SATURATED));
    assertEquals(rows.size(), up.run() + up.skippedCount());
    BehavioralTestResult wrong = BehavioralTests.directional("up", Perturbations.shift("x", 1)).expectIncrease("pos")
        .on(ROWS).run(logistic(-1));
    assertEquals(wrong.run(), wrong.failed(), "a decreasing model fails every non-saturated case");
    assertTrue(BehavioralTests.directional("tolerant", Perturbations.shift("x", 1)).expectIncrease("pos")
        .byAtLeast(-0.3).on(ROWS).run(logistic(-1)).passed());
    assertFalse(BehavioralTests.directional("demanding", Perturbations.shift("x", 1)).expectIncrease("pos")
        .byAtLeast(0.2).on(ROWS).run(logistic(1)).passed());
  }

  @Test
  void directionalWithoutExpectationIsMisuse() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BehavioralTests.directional("d", Perturbations.shift("x", 1)).on(ROWS).run(logistic(1)));
    assertTrue(e.getMessage().contains("has no expectation"), e.getMessage());
  }

  @Test
  void regressionPredictionsUseValues() {
    Predictor doubler = row -> Prediction.ofValue(2 * row.getDouble("x"));
    assertFalse(BehavioralTests.invariance("v", Perturbations.shift("x", 1)).on(ROWS).run(doubler).passed());
    assertTrue(BehavioralTests.invariance("v", Perturbations.shift("x", 1)).withinValue(2).on(ROWS).run(doubler).passed());
    assertTrue(BehavioralTests.directional("v", Perturbations.shift("x", 1)).expectValue(Direction.UP).on(ROWS)
        .run(doubler).passed());
  }

  @Test
  void minimumFunctionalityUsesGivenOrRowLabels() {
    Schema labelled = SCHEMA;
    List<Row> cases = List.of(labelled.rowOf(5.0, "pos"), labelled.rowOf(-5.0, "neg"), labelled.rowOf(-1.0, "pos"));
    BehavioralTestResult r = BehavioralTests.minimumFunctionality("signs").expectRowLabels(cases).run(logistic(1));
    assertEquals(3, r.run());
    assertEquals(1, r.failed());
    assertEquals("expected pos but predicted neg (P(pos) 0.269)", r.worst().get(0).reason());
    assertThrows(IllegalArgumentException.class,
        () -> BehavioralTests.minimumFunctionality("m").expectRowLabels(List.of(SCHEMA.rowOf(1.0))));
  }

  @Test
  void sameSeedSameCasesAndPrecomputedPredictionsGiveTheSameResult() {
    InvarianceTest t = BehavioralTests.invariance("noise", Perturbations.gaussianNoise("x", 1.5)).on(ROWS)
        .samplesPerRow(3).seed(42);
    assertEquals(t.cases(), t.cases());
    assertFalse(t.cases().equals(t.seed(43).cases()));
    Predictor model = logistic(1);
    List<Row> needed = t.rowsToPredict();
    List<Prediction> scored = new ArrayList<>();
    needed.forEach(r -> scored.add(model.predict(r)));
    BehavioralTestResult live = t.run(model);
    BehavioralTestResult replayed = t.run(PrecomputedPredictions.of(needed, scored));
    assertEquals(live, replayed);
    assertEquals(42, live.seed());
    MlsysException missing = assertThrows(MlsysException.class,
        () -> t.seed(7).run(PrecomputedPredictions.of(needed, scored)));
    assertTrue(missing.getMessage().startsWith("no precomputed prediction for Row{x="), missing.getMessage());
  }

  @Test
  void theFailedCaseSeedReproducesThePerturbation() {
    Perturbation noise = Perturbations.gaussianNoise("x", 3);
    BehavioralTestResult r = BehavioralTests.invariance("noise", noise).on(ROWS).seed(5).run(logistic(1));
    assertFalse(r.passed());
    for (FailedCase c : r.worst()) {
      assertEquals(c.perturbed(), noise.apply(c.original(), new java.util.SplittableRandom(c.seed())));
    }
  }

  @Test
  void reportShowsCountsIntervalSeedAndChangedFields() {
    BehavioralTestResult r = BehavioralTests.invariance("shift", Perturbations.shift("x", 1)).on(ROWS).seed(17)
        .run(logistic(1));
    String report = r.report();
    assertTrue(report.startsWith("invariance test 'shift' failed: 1 of 21 cases failed (4.76 %; 95 % Wilson interval "
        + "0.846 % to 22.7 %); allowed 0 %"), report);
    assertTrue(report.contains("reproduce with seed 17"), report);
    assertTrue(report.contains("changed: x: -1.0 -> 0.0"), report);
  }

  @Test
  void suitesRejectDuplicateNamesAndAggregate() {
    BehavioralSuite s = BehavioralSuite.named("s").add(BehavioralTests.invariance("a", Perturbations.shift("x", 1)).on(ROWS));
    assertThrows(IllegalArgumentException.class, () -> s.add(BehavioralTests.invariance("a", Perturbations.shift("x", 2))));
    SuiteResult r = s.add(BehavioralTests.directional("b", Perturbations.shift("x", 1)).expectIncrease("pos").on(ROWS))
        .run(logistic(1));
    assertEquals(1, r.failures().size());
    assertTrue(r.report().startsWith("suite 's': 1 of 2 tests passed"), r.report());
    // originals -10..10 and shifted copies -9..11 overlap: 22 distinct rows to predict
    assertEquals(22, s.rowsToPredict().size());
  }
}
