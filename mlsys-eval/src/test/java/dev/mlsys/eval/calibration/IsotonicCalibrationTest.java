package dev.mlsys.eval.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.testing.Golden;
import org.junit.jupiter.api.Test;

class IsotonicCalibrationTest {
  private static final JsonObject GOLDEN = Golden.load("calibration");

  /** The same algorithm in the same order of operations: thresholds bit for bit, predictions to 1e-15. */
  @Test
  void equalsScikitLearnsIsotonicRegressionWithClip() {
    for (JsonObject c : GOLDEN.getObjects("isotonic")) {
      String name = c.getString("name");
      IsotonicCalibration fit = Calibrators.isotonic().fit(c.getDoubles("scores"), Golden.ints(c, "labels"));
      assertArrayEquals(c.getDoubles("thresholdsX"), fit.thresholds(), name + " thresholds x");
      assertArrayEquals(c.getDoubles("thresholdsY"), fit.values(), 1e-15, name + " thresholds y");
      double[] grid = c.getDoubles("grid");
      double[] expected = c.getDoubles("predictions");
      for (int i = 0; i < grid.length; i++) {
        assertEquals(expected[i], fit.calibrate(grid[i]), 1e-15, name + " at " + grid[i]);
      }
    }
  }

  @Test
  void endToEndCalibratedClassifierCv() {
    JsonObject e = GOLDEN.getObject("endToEnd");
    IsotonicCalibration c = Calibrators.isotonic().fit(e.getDoubles("calibrationScores"),
        Golden.ints(e, "calibrationLabels"));
    double[] test = e.getDoubles("testScores");
    double[] expected = e.getDoubles("isotonic");
    for (int i = 0; i < test.length; i++) {
      assertEquals(expected[i], c.calibrate(test[i]), 1e-15, "row " + i);
    }
  }

  @Test
  void scoresCloserThanTheResolutionMerge() {
    IsotonicCalibration fit = Calibrators.isotonic().fit(new double[] {0, 5e-16, 1}, new int[] {0, 1, 1});
    assertArrayEquals(new double[] {0, 1}, fit.thresholds());
    assertArrayEquals(new double[] {0.5, 1}, fit.values());
  }

  @Test
  void poolAdjacentViolatorsPoolsWithWeights() {
    double[] y = {1, 3, 2, 2, 0, 5};
    double[] w = {1, 1, 1, 2, 1, 1};
    IsotonicCalibration.poolAdjacentViolators(y, w);
    // blocks: {1}, {3, 2, 2x2, 0} pooled to (3 + 2 + 4 + 0) / 5 = 1.8, {5}
    assertArrayEquals(new double[] {1, 1.8, 1.8, 1.8, 1.8, 5}, y, 1e-15);
  }

  @Test
  void corruptThresholdsAreRejectedOnRead() {
    String bad = "{\"format\":\"mlsys.calibrator\",\"formatVersion\":1,\"method\":\"isotonic\",\"x\":[0.0,0.5,0.4],"
        + "\"y\":[0.0,0.5,0.9]}";
    CorruptArtifactException e = assertThrows(CorruptArtifactException.class, () -> Calibrators.fromJson(bad));
    assertEquals("calibrator (isotonic): isotonic x must increase strictly but x[2] = 0.4 follows 0.5", e.getMessage());
  }
}
