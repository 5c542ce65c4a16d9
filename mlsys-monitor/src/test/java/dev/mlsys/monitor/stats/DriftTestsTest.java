package dev.mlsys.monitor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftTestsTest {
  private static final List<NumericDriftTest> NUMERIC = List.of(DriftTests.kolmogorovSmirnov(),
      DriftTests.cramerVonMises(), DriftTests.andersonDarling(), DriftTests.wasserstein(), DriftTests.psi(10),
      DriftTests.jensenShannon(10), DriftTests.hellinger(10));

  @Test
  void nanAndInfinityAreRejectedWithTheirPosition() {
    for (NumericDriftTest t : NUMERIC) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> t.test(new double[] {1, 2, Double.NaN}, new double[] {1, 2, 3}), t.name());
      assertTrue(e.getMessage().startsWith("reference sample: value at index 2 is NaN"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> t.test(new double[] {1, 2, 3}, new double[] {Double.POSITIVE_INFINITY, 2, 3}), t.name());
      assertTrue(e.getMessage().startsWith("current sample: value at index 0 is Infinity"), e.getMessage());
    }
  }

  @Test
  void emptySamplesAreRejected() {
    for (NumericDriftTest t : NUMERIC) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> t.test(new double[0], new double[] {1, 2}), t.name());
      assertTrue(e.getMessage().contains("reference sample"), e.getMessage());
    }
    assertEquals("current sample must hold at least 2 values but held 1",
        assertThrows(IllegalArgumentException.class,
            () -> DriftTests.cramerVonMises().test(new double[] {1, 2}, new double[] {3})).getMessage());
  }

  @Test
  void categoricalInputIsChecked() {
    assertEquals("current sample must hold at least one observation but its counts sum to 0",
        assertThrows(IllegalArgumentException.class,
            () -> DriftTests.chiSquared().test(Map.of("a", 3L), Map.of("a", 0L))).getMessage());
    assertEquals("reference sample: count of category 'a' must be >= 0 but was: -1",
        assertThrows(IllegalArgumentException.class,
            () -> DriftTests.lInfinity().test(Map.of("a", -1L), Map.of("a", 1L))).getMessage());
  }

  @Test
  void inputArraysAreNotModified() {
    double[] a = {3, 1, 2};
    double[] b = {9, 7, 8};
    for (NumericDriftTest t : NUMERIC) {
      t.test(a, b);
    }
    assertEquals(List.of(3.0, 1.0, 2.0), List.of(a[0], a[1], a[2]));
  }

  @Test
  void parametersAreValidated() {
    assertEquals("bins must be >= 2 but was: 1",
        assertThrows(IllegalArgumentException.class, () -> DriftTests.psi(1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> DriftTests.jensenShannon(0));
    assertThrows(IllegalArgumentException.class, () -> DriftTests.mmd(0, 1));
    assertThrows(IllegalArgumentException.class, () -> DriftTests.andersonDarling().test(new double[] {1, 1},
        new double[] {1, 1}));
  }

  @Test
  void mmdSeparatesShiftedSamplesAndIsReproducible() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    double[][] a = new double[60][2];
    double[][] b = new double[60][2];
    double[][] c = new double[60][2];
    for (int i = 0; i < 60; i++) {
      for (int j = 0; j < 2; j++) {
        a[i][j] = rng.nextGaussian();
        b[i][j] = rng.nextGaussian() + 1.0;
        c[i][j] = rng.nextGaussian();
      }
    }
    TestResult shifted = DriftTests.mmd(200, 1).test(a, b);
    assertEquals(1.0 / 201, shifted.pValue()); // no permutation beats a shift of one deviation
    assertTrue(DriftTests.mmd(200, 1).test(a, c).pValue() > 0.05);
    assertEquals(DriftTests.mmd(200, 7).test(a, c), DriftTests.mmd(200, 7).test(a, c));
    assertThrows(IllegalArgumentException.class, () -> DriftTests.mmd().test(a, new double[][] {{1}, {2}}));
  }

  @Test
  void methodsAreReported() {
    assertEquals(PValueMethod.EXACT, KolmogorovSmirnov.effectiveMethod(10_000, 3, PValueMethod.AUTO));
    assertEquals(PValueMethod.ASYMPTOTIC, KolmogorovSmirnov.effectiveMethod(10_001, 3, PValueMethod.AUTO));
    assertEquals(PValueMethod.ASYMPTOTIC, KolmogorovSmirnov.effectiveMethod(100_003, 100_001, PValueMethod.EXACT));
  }
}
