package dev.mlsys.monitor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** Laws of the corrections: order between methods, bounds, and monotonicity in the raw p-value. */
class CorrectionProperties {

  @Property(tries = 200, seed = "11")
  void holmIsBetweenRawAndBonferroniAndBhIsBelowHolm(
      @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 0, max = 1) Double> ps) {
    double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();
    double[] bonferroni = Correction.BONFERRONI.adjust(p);
    double[] holm = Correction.HOLM.adjust(p);
    double[] bh = Correction.BENJAMINI_HOCHBERG.adjust(p);
    for (int i = 0; i < p.length; i++) {
      assertTrue(p[i] <= holm[i] + 1e-15 && holm[i] <= bonferroni[i] + 1e-15, "holm " + i);
      assertTrue(p[i] <= bh[i] + 1e-15 && bh[i] <= holm[i] + 1e-15, "bh " + i);
      assertTrue(bh[i] <= 1 && holm[i] <= 1);
    }
  }

  @Property(tries = 200, seed = "11")
  void adjustedValuesKeepTheOrderOfTheRawValues(
      @ForAll @Size(min = 2, max = 30) List<@DoubleRange(min = 0, max = 1) Double> ps) {
    double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();
    for (Correction c : Correction.values()) {
      double[] a = c.adjust(p);
      for (int i = 0; i < p.length; i++) {
        for (int j = 0; j < p.length; j++) {
          if (p[i] < p[j]) {
            assertTrue(a[i] <= a[j], c + ": " + p[i] + "->" + a[i] + " vs " + p[j] + "->" + a[j]);
          }
        }
      }
    }
  }
}
