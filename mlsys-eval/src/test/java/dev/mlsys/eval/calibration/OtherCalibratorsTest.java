package dev.mlsys.eval.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtherCalibratorsTest {
  private static final JsonObject GOLDEN = Golden.load("calibration");

  @Test
  void histogramBinningMatchesTheReferenceForBothBinnings() {
    double[] scores = GOLDEN.getDoubles("histogramScores");
    int[] labels = Golden.ints(GOLDEN, "histogramLabels");
    for (JsonObject c : GOLDEN.getObjects("histogram")) {
      Binning binning = Binning.valueOf(c.getString("binning"));
      HistogramBinning h = Calibrators.histogramBinning(c.getInt("bins"), binning).fit(scores, labels);
      String what = binning + " " + c.getInt("bins");
      assertArrayEquals(c.getDoubles("edges"), h.edges(), 1e-15, what + " edges");
      assertArrayEquals(c.getDoubles("values"), h.values(), 1e-15, what + " values");
      double[] grid = c.getDoubles("grid");
      double[] expected = c.getDoubles("predictions");
      for (int i = 0; i < grid.length; i++) {
        assertEquals(expected[i], h.calibrate(grid[i]), 1e-15, what + " at " + grid[i]);
      }
    }
  }

  @Test
  void equalWidthHistogramNeedsProbabilities() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Calibrators.histogramBinning(5).fit(new double[] {0.2, 1.5}, new int[] {0, 1}));
    assertEquals("scores[1] must be a probability in [0, 1] but was: 1.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Calibrators.histogramBinning(0));
  }

  /** The reference is scikit-learn's unregularised logistic regression (newton-cg), polished by Newton steps. */
  @Test
  void betaCalibrationMatchesTheReferenceFit() {
    for (JsonObject c : GOLDEN.getObjects("beta")) {
      String name = c.getString("name");
      BetaCalibration b = Calibrators.beta().fit(c.getDoubles("scores"), Golden.ints(c, "labels"));
      assertEquals(c.getDouble("a"), b.a(), 1e-9, name + " a");
      assertEquals(c.getDouble("b"), b.b(), 1e-9, name + " b");
      assertEquals(c.getDouble("c"), b.c(), 1e-9, name + " c");
      double[] grid = c.getDoubles("grid");
      double[] expected = c.getDoubles("predictions");
      for (int i = 0; i < grid.length; i++) {
        assertEquals(expected[i], b.calibrate(grid[i]), 1e-9, name + " at " + grid[i]);
      }
    }
  }

  @Test
  void temperatureMatchesBrentOnTheDerivative() {
    JsonObject m = GOLDEN.getObject("multiclass");
    double[][] logits = Golden.matrix(m, "calibrationScores");
    TemperatureScaling t = Calibrators.temperature().fit(logits, Golden.ints(m, "calibrationLabels"));
    assertEquals(m.getDouble("temperature"), t.temperature(), 1e-12 * m.getDouble("temperature"));
    double[] p = t.calibrate(logits[0]);
    assertEquals(1.0, p[0] + p[1] + p[2], 1e-15);
  }

  @Test
  void temperatureRefusesSeparableLogits() {
    double[][] logits = {{5, 0}, {0, 5}, {4, 1}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Calibrators.temperature().fit(logits, new int[] {0, 1, 0}));
    assertTrue(e.getMessage().contains("separate the classes perfectly"), e.getMessage());
  }

  /** scikit-learn's CalibratedClassifierCV(cv="prefit") on a three-class logistic regression. */
  @Test
  void oneVsRestMatchesCalibratedClassifierCv() {
    JsonObject m = GOLDEN.getObject("multiclass");
    double[][] cal = Golden.matrix(m, "calibrationScores");
    int[] labels = Golden.ints(m, "calibrationLabels");
    double[][] test = Golden.matrix(m, "testScores");
    OneVsRestCalibration iso = Calibrators.oneVsRest(Calibrators.isotonic()).fit(cal, labels);
    OneVsRestCalibration sig = Calibrators.oneVsRest(Calibrators.platt()).fit(cal, labels);
    double[][] isoExpected = Golden.matrix(m, "isotonic");
    double[][] sigExpected = Golden.matrix(m, "sigmoid");
    for (int i = 0; i < test.length; i++) {
      assertArrayEquals(isoExpected[i], iso.calibrate(test[i]), 1e-15, "isotonic row " + i);
      assertArrayEquals(sigExpected[i], sig.calibrate(test[i]), 1e-5, "sigmoid row " + i);
    }
    assertEquals(3, iso.calibrators().size());
  }

  @Test
  void everyCalibratorRoundTripsThroughJsonBitForBit() {
    double[] s = GOLDEN.getDoubles("histogramScores");
    int[] y = Golden.ints(GOLDEN, "histogramLabels");
    List<FittedCalibrator> fitted = List.of(Calibrators.platt().fit(s, y), Calibrators.isotonic().fit(s, y),
        Calibrators.histogramBinning(10).fit(s, y), Calibrators.histogramBinning(8, Binning.EQUAL_MASS).fit(s, y),
        Calibrators.beta().fit(s, y));
    for (FittedCalibrator c : fitted) {
      FittedCalibrator back = Calibrators.fromJson(c.toJson());
      assertEquals(c, back, c.method());
      assertEquals(c.getClass(), back.getClass());
      for (double v : new double[] {0, 0.013, 0.5, 0.77, 1}) {
        assertEquals(Double.doubleToLongBits(c.calibrate(v)), Double.doubleToLongBits(back.calibrate(v)));
      }
      assertTrue(c.toJson().startsWith("{\"format\":\"mlsys.calibrator\",\"formatVersion\":1"), c.toJson());
    }
    JsonObject m = GOLDEN.getObject("multiclass");
    double[][] cal = Golden.matrix(m, "calibrationScores");
    int[] labels = Golden.ints(m, "calibrationLabels");
    for (MulticlassCalibrator c : List.of(Calibrators.temperature().fit(cal, labels),
        Calibrators.oneVsRest(Calibrators.isotonic()).fit(cal, labels))) {
      MulticlassCalibrator back = Calibrators.multiclassFromJson(c.toJson());
      assertEquals(c, back);
      assertArrayEquals(c.calibrate(cal[0]), back.calibrate(cal[0]));
    }
  }
}
