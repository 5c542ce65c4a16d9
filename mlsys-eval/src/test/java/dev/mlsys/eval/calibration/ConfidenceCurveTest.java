package dev.mlsys.eval.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.testing.Golden;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfidenceCurveTest {
  private static final JsonObject GOLDEN = Golden.load("calibration");

  @Test
  void thresholdForAccuracyMatchesTheReference() {
    JsonObject c = GOLDEN.getObject("confidence");
    ConfidenceCurve curve = ConfidenceCurve.ofProbabilities(Golden.matrix(c, "probabilities"), Golden.ints(c, "actual"));
    for (JsonObject t : c.getObjects("targets")) {
      Optional<CoveragePoint> p = curve.thresholdForAccuracy(t.getDouble("target"));
      if (t.asMap().get("best") == null) {
        assertTrue(p.isEmpty(), "target " + t.getDouble("target"));
      } else {
        List<Object> best = t.getArray("best");
        assertEquals(((Number) best.get(0)).doubleValue(), p.orElseThrow().threshold());
        assertEquals(((Number) best.get(1)).longValue(), p.orElseThrow().covered());
        assertEquals(((Number) best.get(2)).doubleValue(), p.orElseThrow().accuracy(), 1e-15);
      }
    }
    CoveragePoint last = curve.points().get(curve.points().size() - 1);
    assertEquals(1.0, last.coverage());
  }

  @Test
  void thresholdForPrecisionMatchesPrecisionRecallCurve() {
    double[] s = GOLDEN.getDoubles("histogramScores");
    int[] y = Golden.ints(GOLDEN, "histogramLabels");
    for (JsonObject t : GOLDEN.getObjects("precisionTargets")) {
      Optional<OperatingPoint> p = ConfidenceCurve.thresholdForPrecision(s, y, t.getDouble("target"));
      if (t.asMap().get("threshold") == null) {
        assertTrue(p.isEmpty());
      } else {
        assertEquals(t.getDouble("threshold"), p.orElseThrow().threshold());
        assertEquals(t.getDouble("precision"), p.orElseThrow().precision(), 1e-15);
        assertEquals(t.getDouble("recall"), p.orElseThrow().recall(), 1e-15);
      }
    }
  }

  @Test
  void coverageShrinksAsTheThresholdRises() {
    ConfidenceCurve c = ConfidenceCurve.of(new double[] {0.9, 0.8, 0.8, 0.6, 0.55},
        new boolean[] {true, true, false, true, false});
    assertEquals(4, c.points().size());
    assertEquals(new CoveragePoint(0.8, 3, 2, 0.6, 2.0 / 3), c.points().get(1));
    assertEquals(0.9, c.thresholdForAccuracy(1.0).orElseThrow().threshold());
  }
}
