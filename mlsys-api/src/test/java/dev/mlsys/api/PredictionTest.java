package dev.mlsys.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictionTest {

  @Test
  void keepsProbabilitiesInGivenOrderAndUnmodifiable() {
    Map<String, Double> probs = new LinkedHashMap<>();
    probs.put("yes", 0.8);
    probs.put("no", 0.2);
    Prediction p = Prediction.of("yes", probs);
    probs.put("maybe", 0.0);
    assertEquals(List.of("yes", "no"), List.copyOf(p.probabilities().keySet()));
    assertEquals(0.8, p.probability("yes"));
    assertTrue(Double.isNaN(p.probability("maybe")));
    assertThrows(UnsupportedOperationException.class, () -> p.probabilities().put("x", 1.0));
    assertEquals(Map.of("yes", 0.8, "no", 0.2), p.probabilities());
    assertEquals(Prediction.Origin.MODEL, p.origin());
    assertFalse(p.calibrated());
  }

  @Test
  void rejectsBadProbabilities() {
    assertThrows(IllegalArgumentException.class, () -> Prediction.of("a", Map.of("a", 1.5)));
    assertThrows(IllegalArgumentException.class, () -> Prediction.of("a", Map.of("a", Double.NaN)));
    assertThrows(IllegalArgumentException.class, () -> Prediction.ofValue(Double.NaN));
  }

  @Test
  void withersStampVersionOriginAndCalibration() {
    Prediction p = Prediction.of("a", Map.of("a", 0.6, "b", 0.4)).withModelVersion("v2");
    assertEquals("v2", p.modelVersion());
    assertEquals(Prediction.Origin.CACHE, p.withOrigin(Prediction.Origin.CACHE).origin());
    Prediction c = p.withCalibrated("b", Map.of("a", 0.3, "b", 0.7));
    assertTrue(c.calibrated());
    assertEquals("b", c.label());
    assertEquals("v2", c.modelVersion());
    assertTrue(Prediction.ofValue(3.5).isRegression());
  }

  @Test
  void lambdasArePredictorsAndCalibrators() {
    Schema s = Schema.builder().numeric("x").label("y", "n", "p").build();
    Predictor predictor = row -> Prediction.of(row.getDouble("x") > 0 ? "p" : "n");
    assertEquals(List.of("p", "n"), predictor.predictAll(List.of(s.rowOf(1), s.rowOf(-1))).stream()
        .map(Prediction::label).toList());
    Calibrator half = score -> score / 2;
    assertEquals(List.of(0.25, 0.5), java.util.Arrays.stream(half.calibrateAll(new double[] {0.5, 1})).boxed().toList());
    RowTransform t = new RowTransform() {
      @Override
      public List<String> outputNames() {
        return List.of("x2");
      }

      @Override
      public void transform(Row row, double[] out) {
        out[0] = row.getDouble("x") * 2;
      }
    };
    assertEquals("p", t.andThen(v -> Prediction.of(v[0] == 2 ? "p" : "n")).predict(s.rowOf(1)).label());
  }
}
