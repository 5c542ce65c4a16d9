package dev.mlsys.eval.metrics;

import static dev.mlsys.eval.testing.Golden.close;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipleComparisonsTest {
  private static final List<JsonObject> CASES = Golden.load("metrics").getObjects("multipleComparisons");

  @Test
  void adjustedPValuesMatchStatsmodelsFormulas() {
    for (JsonObject c : CASES) {
      double[] p = c.getDoubles("p");
      double[] bh = c.getDoubles("bh");
      double[] holm = c.getDoubles("holm");
      double[] ourBh = MultipleComparisons.benjaminiHochberg(p);
      double[] ourHolm = MultipleComparisons.holm(p);
      for (int i = 0; i < p.length; i++) {
        close(bh[i], ourBh[i], 1e-15, "bh[" + i + "]");
        close(holm[i], ourHolm[i], 1e-15, "holm[" + i + "]");
      }
    }
  }

  @Test
  void benjaminiHochberg1995ExampleRejectsFourWhereHolmRejectsThree() {
    double[] p = CASES.get(0).getDoubles("p");
    assertEquals(4, count(MultipleComparisons.rejected(MultipleComparisons.benjaminiHochberg(p), 0.05)));
    assertEquals(3, count(MultipleComparisons.rejected(MultipleComparisons.holm(p), 0.05)));
  }

  private static int count(boolean[] b) {
    int n = 0;
    for (boolean x : b) {
      n += x ? 1 : 0;
    }
    return n;
  }
}
