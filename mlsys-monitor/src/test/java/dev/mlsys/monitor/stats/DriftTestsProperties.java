package dev.mlsys.monitor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** Laws of the two-sample statistics. */
class DriftTestsProperties {

  private static double[] arr(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** D and its p-value are symmetric in the samples and invariant under an increasing map. */
  @Property(tries = 200, seed = "3")
  void ksIsSymmetricAndRankInvariant(@ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -50, max = 50) Double> a,
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -50, max = 50) Double> b) {
    double[] x = arr(a);
    double[] y = arr(b);
    TestResult ab = DriftTests.kolmogorovSmirnov().test(x, y);
    TestResult ba = DriftTests.kolmogorovSmirnov().test(y, x);
    assertEquals(ab.statistic(), ba.statistic(), 1e-15);
    assertEquals(ab.pValue(), ba.pValue(), 1e-12);
    double[] ex = x.clone();
    double[] ey = y.clone();
    for (int i = 0; i < ex.length; i++) {
      ex[i] = Math.exp(ex[i] / 10);
    }
    for (int i = 0; i < ey.length; i++) {
      ey[i] = Math.exp(ey[i] / 10);
    }
    assertEquals(ab.statistic(), DriftTests.kolmogorovSmirnov().test(ex, ey).statistic(), 1e-15);
    assertTrue(ab.statistic() >= 0 && ab.statistic() <= 1);
  }

  /** Distances are zero between a sample and itself, and stay in their documented range. */
  @Property(tries = 200, seed = "3")
  void distancesVanishOnIdenticalSamplesAndStayBounded(
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -50, max = 50) Double> a,
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -50, max = 50) Double> b) {
    double[] x = arr(a);
    double[] y = arr(b);
    for (NumericDriftTest t : List.of(DriftTests.wasserstein(), DriftTests.psi(5), DriftTests.jensenShannon(8),
        DriftTests.hellinger(8))) {
      assertEquals(0.0, t.test(x, x).statistic(), 1e-12, t.name());
      double d = t.test(x, y).statistic();
      assertTrue(d >= 0, t.name());
    }
    double js = DriftTests.jensenShannon(8).test(x, y).statistic();
    double h = DriftTests.hellinger(8).test(x, y).statistic();
    assertTrue(js <= 1 + 1e-12 && h <= 1 + 1e-12);
  }

  /** Wasserstein-1 moves exactly by a shift of one sample. */
  @Property(tries = 200, seed = "3")
  void wassersteinOfAShiftIsTheShift(@ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -50, max = 50) Double> a,
      @ForAll @DoubleRange(min = -5, max = 5) double shift) {
    double[] x = arr(a);
    double[] y = x.clone();
    for (int i = 0; i < y.length; i++) {
      y[i] += shift;
    }
    assertEquals(Math.abs(shift), DriftTests.wasserstein().test(x, y).statistic(), 1e-9);
  }

  /** p-values of the exact KS distribution are non-increasing in D. */
  @Property(tries = 100, seed = "3")
  void exactPValueDecreasesWithTheStatistic(@ForAll @DoubleRange(min = 0, max = 1) double d1,
      @ForAll @DoubleRange(min = 0, max = 1) double d2) {
    double lo = Math.min(d1, d2);
    double hi = Math.max(d1, d2);
    assertTrue(KolmogorovSmirnov.exactPValue(lo, 37, 53) >= KolmogorovSmirnov.exactPValue(hi, 37, 53) - 1e-15);
    assertTrue(KolmogorovSmirnov.exactPValue(lo, 40, 40) >= KolmogorovSmirnov.exactPValue(hi, 40, 40) - 1e-15);
  }
}
