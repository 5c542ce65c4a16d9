package dev.mlsys.serving.routing;

import static dev.mlsys.serving.routing.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.api.json.JsonObject;
import org.junit.jupiter.api.Test;

class NormalTest {
  private final JsonObject normal = Golden.abTest().getObject("normal");

  @Test
  void erfcMatchesScipyToRoundingInEveryRegionOfCodysApproximation() {
    for (JsonObject c : normal.getObjects("erfc")) {
      double x = c.getDouble("x");
      assertClose(c.getDouble("value"), Normal.erfc(x), 1e-14, "erfc(" + x + ")");
    }
  }

  @Test
  void upperTailMatchesScipyNormSfIncludingTheFarTail() {
    for (JsonObject c : normal.getObjects("sf")) {
      double z = c.getDouble("z");
      double expected = c.getDouble("value");
      if (expected == 0) {
        assertEquals(0.0, Normal.sf(z), "sf(" + z + ")");
      } else {
        // z / sqrt(2) is rounded once, which moves exp(-z^2/2) by up to |z|^2 * 2^-53 relative
        assertClose(expected, Normal.sf(z), 1e-14 * Math.max(1, z * z), "sf(" + z + ")");
      }
    }
  }

  @Test
  void quantileMatchesScipyNormPpf() {
    for (JsonObject c : normal.getObjects("quantile")) {
      double p = c.getDouble("p");
      assertClose(c.getDouble("value"), Normal.quantile(p), 1e-14, "quantile(" + p + ")");
    }
  }

  @Test
  void quantileIsInfiniteAtTheEndsAndRejectsOutsideProbabilities() {
    assertEquals(Double.NEGATIVE_INFINITY, Normal.quantile(0));
    assertEquals(Double.POSITIVE_INFINITY, Normal.quantile(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Normal.quantile(1.5));
    assertEquals("p must be in [0, 1] but was: 1.5", e.getMessage());
  }
}
