package dev.mlsys.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

class MultipleComparisonsProperties {

  @Property
  void adjustmentNeverLowersAPValueAndHolmIsTheStricter(
      @ForAll("pValues") double[] p) {
    double[] bh = MultipleComparisons.benjaminiHochberg(p);
    double[] holm = MultipleComparisons.holm(p);
    for (int i = 0; i < p.length; i++) {
      assertTrue(bh[i] >= p[i] - 1e-15 && bh[i] <= 1, "bh");
      assertTrue(holm[i] >= bh[i] - 1e-15, "holm >= bh");
      assertTrue(holm[i] <= 1, "holm <= 1");
    }
  }

  @Property
  void adjustmentKeepsTheOrderOfPValues(@ForAll("pValues") double[] p) {
    double[] bh = MultipleComparisons.benjaminiHochberg(p);
    double[] holm = MultipleComparisons.holm(p);
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p.length; j++) {
        if (p[i] < p[j]) {
          assertTrue(bh[i] <= bh[j] && holm[i] <= holm[j], "monotone");
        }
      }
    }
  }

  @Provide
  Arbitrary<double[]> pValues() {
    // a coarse grid makes ties, which both procedures must handle
    return Arbitraries.oneOf(Arbitraries.doubles().between(0, 1), Arbitraries.of(0.0, 0.01, 0.05, 1.0))
        .array(double[].class).ofMinSize(1).ofMaxSize(40);
  }
}
