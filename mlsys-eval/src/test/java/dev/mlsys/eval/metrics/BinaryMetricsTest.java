package dev.mlsys.eval.metrics;

import static dev.mlsys.eval.testing.Golden.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
  private static final double TOLERANCE = 1e-9;
  private static final List<JsonObject> CASES = Golden.load("metrics").getObjects("binary");

  @Test
  void everyGoldenCaseMatchesScikitLearn() {
    int checked = 0;
    for (JsonObject c : CASES) {
      String name = c.getString("name");
      double[] scores = c.getDoubles("scores");
      int[] labels = Golden.ints(c, "labels");
      if (c.asMap().get("rocAuc") != null) {
        close(c.getDouble("rocAuc"), BinaryMetrics.rocAuc(scores, labels), TOLERANCE, name + " rocAuc");
        checked++;
      }
      if (c.asMap().get("averagePrecision") != null) {
        close(c.getDouble("averagePrecision"), BinaryMetrics.averagePrecision(scores, labels), TOLERANCE, name + " ap");
        checked++;
      }
      if (c.has("logLoss")) {
        close(c.getDouble("logLoss"), BinaryMetrics.logLoss(scores, labels), TOLERANCE, name + " logLoss");
        close(c.getDouble("brierScore"), BinaryMetrics.brierScore(scores, labels), TOLERANCE, name + " brier");
        checked += 2;
      }
    }
    assertTrue(checked >= 35, "golden checks run: " + checked);
  }

  @Test
  void rocAucRefusesASingleClassLikeScikitLearn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BinaryMetrics.rocAuc(new double[] {0.2, 0.6}, new int[] {0, 0}));
    assertTrue(e.getMessage().contains("only negatives"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.rocAuc(new double[] {0.2, 0.6}, new int[] {1, 1}));
  }

  @Test
  void averagePrecisionRefusesNoPositivesButScoresAllPositives() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BinaryMetrics.averagePrecision(new double[] {0.2, 0.6}, new int[] {0, 0}));
    assertTrue(e.getMessage().contains("at least one positive"), e.getMessage());
    assertEquals(1.0, BinaryMetrics.averagePrecision(new double[] {0.2, 0.6}, new int[] {1, 1}));
  }

  @Test
  void logLossAndBrierScoreOneClassInputs() {
    // golden "all_negative" / "all_positive" cover the values; here: they are finite and small for good scores
    double ll = BinaryMetrics.logLoss(new double[] {0.01, 0.02}, new int[] {0, 0});
    assertEquals(-(Math.log(0.99) + Math.log(0.98)) / 2, ll, 1e-15);
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
        () -> BinaryMetrics.rocAuc(new double[] {0.1, 0.2, 0.3}, new int[] {0, 2, 1}));
    assertEquals("labels[1] must be 0 or 1 but was: 2", label.getMessage());
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> BinaryMetrics.rocAuc(new double[] {0.1, Double.NaN}, new int[] {0, 1}));
    assertEquals("scores[1] must not be NaN", nan.getMessage());
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> BinaryMetrics.rocAuc(new double[] {0.1}, new int[] {0, 1}));
    assertEquals("scores and labels must have the same length but had 1 and 2", length.getMessage());
    IllegalArgumentException prob = assertThrows(IllegalArgumentException.class,
        () -> BinaryMetrics.logLoss(new double[] {0.1, 1.2}, new int[] {0, 1}));
    assertEquals("probabilities[1] must be a probability in [0, 1] but was: 1.2", prob.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.brierScore(new double[0], new int[0]));
  }

  @Test
  void negativeAndPositiveZeroAreOneTiedScore() {
    assertEquals(0.5, BinaryMetrics.rocAuc(new double[] {-0.0, 0.0}, new int[] {1, 0}));
    assertEquals(0.5, BinaryMetrics.rocAuc(new double[] {0.0, -0.0}, new int[] {1, 0}));
  }

  @Test
  void infiniteScoresRankAtTheEnds() {
    double[] s = {Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY};
    assertEquals(1.0, BinaryMetrics.rocAuc(s, new int[] {0, 1, 1}));
    assertEquals(0.5, BinaryMetrics.rocAuc(s, new int[] {1, 0, 1}));
  }

  @Test
  void argumentsAreNotModified() {
    double[] s = {0.9, 0.1, 0.5, 0.5};
    int[] y = {1, 0, 0, 1};
    BinaryMetrics.rocAuc(s, y);
    BinaryMetrics.averagePrecision(s, y);
    assertEquals(List.of(0.9, 0.1, 0.5, 0.5), List.of(s[0], s[1], s[2], s[3]));
  }
}
