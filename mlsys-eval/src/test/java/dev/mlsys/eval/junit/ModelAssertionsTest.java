package dev.mlsys.eval.junit;

import static dev.mlsys.eval.junit.ModelAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.eval.behavior.BehavioralSuite;
import dev.mlsys.eval.behavior.BehavioralTestResult;
import dev.mlsys.eval.behavior.BehavioralTests;
import dev.mlsys.eval.behavior.Perturbations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ModelAssertionsTest {
  private static final Schema SCHEMA = Schema.builder().numeric("x").text("t").label("y", "neg", "pos").build();
  private static final List<Row> ROWS = List.of(SCHEMA.rowOf(-1.0, "hello there"), SCHEMA.rowOf(1.0, "good day"));
  /** Positive when x >= 0, and thrown off by any upper-case letter. */
  private static final Predictor MODEL = row -> {
    boolean pos = row.getDouble("x") >= 0 ^ !row.getString("t").equals(row.getString("t").toLowerCase());
    return pos ? Prediction.of("pos", Map.of("neg", 0.1, "pos", 0.9)) : Prediction.of("neg", Map.of("neg", 0.9, "pos", 0.1));
  };

  @Test
  void passingAssertionsReturnTheirResult() {
    BehavioralTestResult r = assertThat(MODEL).isInvariantTo(Perturbations.punctuation("t")).on(ROWS);
    assertEquals(2, r.run());
    assertThat(MODEL).increases("pos").when(Perturbations.shift("x", 5)).on(ROWS);
    assertThat(MODEL).predicts("pos").on(ROWS.get(1));
    assertThat(MODEL).passes(BehavioralSuite.named("s").add(
        BehavioralTests.invariance("punctuation", Perturbations.punctuation("t")).on(ROWS)));
  }

  @Test
  void failingAssertionsCarryTheReport() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThat(MODEL).isInvariantTo(Perturbations.uppercase("t")).seed(5).on(ROWS));
    String m = e.getMessage();
    assertTrue(m.startsWith("invariance test 'invariance to upper-case 't'' failed: 2 of 2 cases failed (100 %"), m);
    assertTrue(m.contains("reproduce with seed 5"), m);
    assertTrue(m.contains("changed: t: 'good day' -> 'GOOD DAY'"), m);
    assertTrue(m.contains("label pos -> neg; P(pos) 0.900 -> 0.100"), m);
    AssertionFailedError mft = assertThrows(AssertionFailedError.class, () -> assertThat(MODEL).predicts("pos").on(ROWS));
    assertTrue(mft.getMessage().contains("expected pos but predicted neg (P(pos) 0.100)"), mft.getMessage());
    assertThat(MODEL).isInvariantTo(Perturbations.uppercase("t")).allowingFailureRate(1.0).on(ROWS);
  }

  @Test
  void aDirectionalAssertionNeedsItsPerturbation() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> assertThat(MODEL).increases("pos").on(ROWS));
    assertEquals("give the perturbation first: assertThat(model).increases(\"pos\").when(perturbation)", e.getMessage());
  }
}
