package dev.mlsys.monitor.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.monitor.testing.Golden;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The Mersenne Twister port reproduces CPython's random.Random draws (golden: detector_streams.py). */
class PythonRandomTest {
  private static final JsonObject GOLDEN = Golden.load("detector_streams.json");

  @TestFactory
  Stream<DynamicTest> drawsEqualCPython() {
    return GOLDEN.getObjects("pythonRandom").stream().map(c -> DynamicTest.dynamicTest("seed " + c.getString("seed"), () -> {
      PythonRandom rng = new PythonRandom(Long.parseLong(c.getString("seed")));
      for (double expected : c.getDoubles("random")) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(rng.random()));
      }
      for (double expected : c.getDoubles("getrandbits7")) {
        assertEquals((long) expected, rng.getrandbits(7));
      }
      assertArrayEquals(c.getDoubles("choices01"), PythonStreams.choices(rng, new double[] {0, 1}, 50));
      assertArrayEquals(c.getDoubles("choices4to8"), PythonStreams.choices(rng, PythonStreams.range(4, 8), 50));
      assertArrayEquals(c.getDoubles("choicesWeighted"),
          PythonStreams.choices(rng, new double[] {0, 1}, 50, new double[] {0.3, 0.7}));
      assertSample(rng, c.getDoubles("sample70of30"), 70, 30);
      assertSample(rng, c.getDoubles("sample100of100"), 100, 100);
      assertSample(rng, c.getDoubles("sample5000of40"), 5000, 40);
      // Box-Muller goes through libm's cos, sin and log: equal to within an ulp or two
      for (double expected : c.getDoubles("gauss")) {
        assertEquals(expected, rng.gauss(0, 1), 1e-15 * Math.max(1, Math.abs(expected)));
      }
      for (double expected : c.getDoubles("gaussShifted")) {
        assertEquals(expected, rng.gauss(3, 1), 1e-14);
      }
    }));
  }

  private static void assertSample(PythonRandom rng, double[] expected, int n, int k) {
    int[] out = new int[k];
    rng.sampleRange(n, k, out, new int[n], new boolean[n]);
    double[] actual = new double[k];
    for (int i = 0; i < k; i++) {
      actual[i] = out[i];
    }
    assertArrayEquals(expected, actual, "sample(range(" + n + "), " + k + ")");
  }
}
