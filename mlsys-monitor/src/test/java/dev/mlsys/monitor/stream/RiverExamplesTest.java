package dev.mlsys.monitor.stream;

import static dev.mlsys.monitor.stream.PythonStreams.choices;
import static dev.mlsys.monitor.stream.PythonStreams.concat;
import static dev.mlsys.monitor.stream.PythonStreams.driftIndices;
import static dev.mlsys.monitor.stream.PythonStreams.range;
import static dev.mlsys.monitor.stream.PythonStreams.riverPrintout;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.monitor.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * River's own documented examples and unit tests, reproduced: the same streams (CPython's
 * Mersenne Twister, or numpy's legacy generator stored in detector_streams.json), the same
 * parameters, the same printed indices.
 */
class RiverExamplesTest {
  private static final double[] BITS = {0, 1};
  private static final JsonObject GOLDEN = Golden.load("detector_streams.json");

  /** {@code rng.choices([0, 1], k=1000) + rng.choices(range(4, 8), k=1000)} with Random(seed). */
  private static double[] twoDistributions(long seed) {
    PythonRandom rng = new PythonRandom(seed);
    return concat(choices(rng, BITS, 1000), choices(rng, range(4, 8), 1000));
  }

  /** {@code rng.choices([0, 1], k=1000) + rng.choices([0, 1], k=1000, weights=[0.3, 0.7])} with Random(42). */
  private static double[] errorRateRises() {
    PythonRandom rng = new PythonRandom(42);
    return concat(choices(rng, BITS, 1000), choices(rng, BITS, 1000, new double[] {0.3, 0.7}));
  }

  private static double[] golden(String key) {
    return GOLDEN.getDoubles(key);
  }

  // ---------------------------------------------------------------- docstring examples

  @Test
  void adwinDocstring() {
    assertEquals(List.of("Change detected at index 1023, input value: 4"),
        riverPrintout(DriftDetectors.adwin(), twoDistributions(12345), true));
  }

  @Test
  void pageHinkleyDocstring() {
    assertEquals(List.of("Change detected at index 1006, input value: 5"),
        riverPrintout(DriftDetectors.pageHinkley(), twoDistributions(12345), true));
  }

  @Test
  void kswinDocstring() {
    assertEquals(List.of("Change detected at index 1016, input value: 6"),
        riverPrintout(DriftDetectors.kswin(0.0001, 100, 30, 42), twoDistributions(12345), true));
  }

  @Test
  void ddmDocstring() {
    assertEquals(List.of("Warning detected at index 1084", "Change detected at index 1334",
        "Warning detected at index 1492"), riverPrintout(DriftDetectors.ddm(), errorRateRises(), false));
  }

  @Test
  void eddmDocstring() {
    assertEquals(List.of("Warning detected at index 1059", "Change detected at index 1278"),
        riverPrintout(DriftDetectors.eddm(30, 0.8, 0.75), errorRateRises(), false));
  }

  @Test
  void hddmADocstring() {
    assertEquals(List.of("Warning detected at index 451", "Change detected at index 1206"),
        riverPrintout(DriftDetectors.hddmA(), errorRateRises(), false));
  }

  @Test
  void hddmWDocstring() {
    assertEquals(List.of("Warning detected at index 451", "Change detected at index 1077"),
        riverPrintout(DriftDetectors.hddmW(), errorRateRises(), false));
  }

  @Test
  void cusumDocstring() {
    PythonRandom rng = new PythonRandom(12345);
    double[] stream = new double[400];
    for (int i = 0; i < 200; i++) {
      stream[i] = rng.gauss(0, 1);
    }
    for (int i = 200; i < 400; i++) {
      stream[i] = rng.gauss(3, 1);
    }
    assertEquals(List.of("Change detected at index 201", "Change detected at index 251"),
        riverPrintout(DriftDetectors.cusum(), stream, false));
  }

  // ---------------------------------------------------------------- River's unit tests (test_drift_detectors.py)

  @Test
  void adwinUnitTest() {
    assertEquals(List.of(1023), driftIndices(DriftDetectors.adwin(), golden("dataStream1")));
  }

  @Test
  void adwinRegressionMultipleDrifts() {
    PythonRandom rng = new PythonRandom(42);
    double[] stream = concat(choices(rng, BITS, 1000), choices(rng, range(4, 8), 1000),
        choices(rng, BITS, 1000), choices(rng, range(4, 8), 1000));
    assertEquals(List.of(1023, 2015, 3007), driftIndices(DriftDetectors.adwin(), stream));
  }

  @Test
  void ddmUnitTest() {
    assertEquals(List.of(1049), driftIndices(DriftDetectors.ddm(), golden("dataStream2")));
    double[] ones = new double[1000];
    java.util.Arrays.fill(ones, 1.0);
    assertEquals(List.of(), driftIndices(DriftDetectors.ddm(), ones));
  }

  @Test
  void eddmUnitTest() {
    assertEquals(List.of(1059), driftIndices(DriftDetectors.eddm(30, 0.9, 0.8), golden("dataStream2")));
  }

  @Test
  void hddmAUnitTest() {
    assertEquals(List.of(1047), driftIndices(DriftDetectors.hddmA(), golden("dataStream2")));
    assertEquals(List.of(531, 1015, 1545), driftIndices(DriftDetectors.hddmA(0.001, 0.005, true), golden("dataStream3")));
  }

  @Test
  void hddmWUnitTest() {
    assertEquals(List.of(1018), driftIndices(DriftDetectors.hddmW(), golden("dataStream2")));
    assertEquals(List.of(507, 1032, 1508),
        driftIndices(DriftDetectors.hddmW(0.001, 0.005, 0.05, true), golden("dataStream3")));
  }

  @Test
  void kswinUnitTest() {
    assertEquals(List.of(1042), driftIndices(DriftDetectors.kswin(0.0001, 200, 100, 42), golden("dataStream1")));
  }

  @Test
  void pageHinkleyUnitTest() {
    double[] s3 = golden("dataStream3");
    assertEquals(List.of(588, 1681), driftIndices(DriftDetectors.pageHinkley(30, 0.005, 50, 1 - 0.0001, ChangeDirection.UP), s3));
    assertEquals(List.of(1172), driftIndices(DriftDetectors.pageHinkley(30, 0.005, 50, 1 - 0.0001, ChangeDirection.DOWN), s3));
    assertEquals(List.of(588, 1097, 1585), driftIndices(DriftDetectors.pageHinkley(), s3));
  }
}
