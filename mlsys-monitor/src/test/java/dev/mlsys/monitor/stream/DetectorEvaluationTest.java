package dev.mlsys.monitor.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DetectorEvaluationTest {

  /** A detector that fires at fixed indices, to check the scoring rules exactly. */
  private static DriftDetector firingAt(int... indices) {
    return new DriftDetector() {
      int i;
      DriftState state = DriftState.STABLE;

      @Override
      public DriftState update(double value) {
        int at = i++;
        state = java.util.Arrays.stream(indices).anyMatch(x -> x == at) ? DriftState.DRIFT : DriftState.STABLE;
        return state;
      }

      @Override
      public DriftState state() {
        return state;
      }

      @Override
      public void reset() {
        i = 0;
      }

      @Override
      public String name() {
        return "scripted";
      }
    };
  }

  @Test
  void scoresDelaysFalseAlarmsAndMisses() {
    LabelledStream stream = new LabelledStream(new double[1000], new int[] {200, 500, 800});
    // 50: before any change (false alarm); 230: detects 200 (delay 30); 260: second in the interval
    // (false alarm); nothing for 500 within 100 (missed, 650 is late and a false alarm); 805: delay 5
    var r = DetectorEvaluation.evaluate(firingAt(50, 230, 260, 650, 805), stream, 100);
    assertEquals(3, r.changePoints());
    assertEquals(2, r.detected());
    assertEquals(1, r.missed());
    assertEquals(3, r.falseAlarms());
    assertEquals(List.of(30, 5), r.delays());
    assertEquals(17.5, r.meanDelay());
    assertEquals(List.of(50, 230, 260, 650, 805), r.detections());
  }

  @Test
  void aDetectionBelongsToTheLatestChangeBeforeIt() {
    LabelledStream stream = new LabelledStream(new double[100], new int[] {10, 20});
    var r = DetectorEvaluation.evaluate(firingAt(25), stream, 50);
    assertEquals(List.of(5), r.delays());
    assertEquals(1, r.missed());
  }

  @Test
  void comparesRealDetectorsOnRiversStream() {
    double[] s = PythonStreams.concat(PythonStreams.choices(new PythonRandom(12345), new double[] {0, 1}, 1000),
        PythonStreams.choices(new PythonRandom(1), PythonStreams.range(4, 8), 1000));
    LabelledStream stream = new LabelledStream(s, new int[] {1000});
    Map<String, Supplier<DriftDetector>> detectors = new LinkedHashMap<>();
    detectors.put("adwin", DriftDetectors::adwin);
    detectors.put("page-hinkley", DriftDetectors::pageHinkley);
    detectors.put("kswin", () -> DriftDetectors.kswin(42));
    Map<String, DetectorEvaluation.Result> scores = DetectorEvaluation.compare(detectors, stream, 200);
    assertEquals(List.of("adwin", "page-hinkley", "kswin"), List.copyOf(scores.keySet()));
    scores.forEach((name, r) -> {
      assertEquals(1, r.detected(), name);
      assertTrue(r.meanDelay() < 50, name + " delay " + r.meanDelay());
    });
  }

  @Test
  void rejectsBadStreams() {
    assertThrows(IllegalArgumentException.class, () -> new LabelledStream(new double[10], new int[] {5, 5}));
    assertThrows(IllegalArgumentException.class, () -> new LabelledStream(new double[10], new int[] {10}));
    assertThrows(IllegalArgumentException.class,
        () -> DetectorEvaluation.evaluate(DriftDetectors.adwin(), new LabelledStream(new double[3], new int[0]), 0));
  }
}
