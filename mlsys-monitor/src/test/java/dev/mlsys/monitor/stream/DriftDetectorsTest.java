package dev.mlsys.monitor.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DriftDetectorsTest {
  private static final Map<String, Supplier<DriftDetector>> ALL = Map.of(
      "adwin", DriftDetectors::adwin,
      "ddm", DriftDetectors::ddm,
      "eddm", DriftDetectors::eddm,
      "page-hinkley", DriftDetectors::pageHinkley,
      "cusum", DriftDetectors::cusum,
      "kswin", () -> DriftDetectors.kswin(7),
      "hddm_a", DriftDetectors::hddmA,
      "hddm_w", DriftDetectors::hddmW);

  @Test
  void nonFiniteValuesAreRejectedAndLeaveTheStateAlone() {
    ALL.forEach((name, supplier) -> {
      DriftDetector d = supplier.get();
      d.update(1);
      DriftState before = d.state();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.update(Double.NaN), name);
      assertTrue(e.getMessage().contains("NaN"), e.getMessage());
      assertEquals(before, d.state(), name);
    });
  }

  @Test
  void binaryDetectorsRejectValuesOtherThanZeroAndOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DriftDetectors.ddm().update(0.5));
    assertEquals("ddm(warmStart=30, warningThreshold=2.0, driftThreshold=3.0): value must be 0 (correct) or 1 (error)"
        + " but was: 0.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DriftDetectors.eddm().update(2));
    assertThrows(IllegalArgumentException.class, () -> DriftDetectors.hddmA().update(-0.1));
    assertThrows(IllegalArgumentException.class, () -> DriftDetectors.hddmW().update(1.5));
    DriftDetectors.hddmA().update(0.25); // bounded values are fine for the Hoeffding tests
  }

  @Test
  void badParametersAreRejectedWithTheirNames() {
    assertEquals("delta must be in (0, 1) but was: 1.5",
        assertThrows(IllegalArgumentException.class, () -> DriftDetectors.adwin(1.5)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> DriftDetectors.kswin(0.005, 50, 30, 1));
    assertThrows(IllegalArgumentException.class, () -> DriftDetectors.kswin(1.1, 100, 30, 1));
    assertThrows(IllegalArgumentException.class, () -> DriftDetectors.eddm(30, 0.8, 0.9));
    assertThrows(IllegalArgumentException.class, () -> DriftDetectors.pageHinkley(0, 0.005, 50, 0.9999, ChangeDirection.UP));
  }

  @Test
  void theUpdateAfterADriftStartsAfresh() {
    // ADWIN with clock 1 cuts as soon as the evidence is there; River's regression test
    DriftDetector adwin = DriftDetectors.adwin(0.002, 1, 5, 5, 10);
    for (int i = 0; i < 500; i++) {
      adwin.update(0.0);
    }
    boolean found = false;
    for (int i = 0; i < 500 && !found; i++) {
      found = adwin.update(100.0) == DriftState.DRIFT;
    }
    assertTrue(found);
    adwin.update(50.0);
    assertEquals(1, ((Adwin) adwin).width());
    assertEquals(50.0, ((Adwin) adwin).estimation());
  }

  private static boolean binary(String name) {
    return name.startsWith("ddm") || name.startsWith("eddm") || name.startsWith("hddm");
  }

  /**
   * DDM is known to raise false alarms on stationary streams (the minimum of p + s is noisy early
   * on): measured over 2,000 seeds of 2,000 Bernoulli(0.2) values, 0.34 alarms per stream on
   * average (standard deviation 0.67). Over 200 fixed seeds the mean must stay below 0.5, about
   * 3.4 standard errors above the measured mean.
   */
  @Test
  void ddmFalseAlarmRateOnStationaryStreams() {
    int alarms = 0;
    for (long seed = 0; seed < 200; seed++) {
      SplittableRandom rng = new SplittableRandom(seed + 10_000);
      DriftDetector ddm = DriftDetectors.ddm();
      for (int i = 0; i < 2000; i++) {
        alarms += ddm.update(rng.nextDouble() < 0.2 ? 1 : 0) == DriftState.DRIFT ? 1 : 0;
      }
    }
    assertTrue(alarms / 200.0 < 0.5, "ddm mean false alarms " + alarms / 200.0);
  }

  @Test
  void resetForgetsEverything() {
    ALL.forEach((name, supplier) -> {
      double[] stream = binary(name) ? bits(3000, 11) : stream(3000, 11);
      DriftDetector fresh = supplier.get();
      DriftDetector used = supplier.get();
      for (double v : binary(name) ? bits(1500, 99) : stream(1500, 99)) {
        used.update(v);
      }
      used.reset();
      assertEquals(DriftState.STABLE, used.state());
      assertEquals(PythonStreams.driftIndices(fresh, stream), PythonStreams.driftIndices(used, stream), name);
    });
  }

  @Test
  void adwinKeepsWindowStatistics() {
    Adwin adwin = (Adwin) DriftDetectors.adwin();
    double[] values = {1, 2, 3, 4, 5};
    for (double v : values) {
      adwin.update(v);
    }
    assertEquals(5, adwin.width());
    assertEquals(15.0, adwin.total());
    assertEquals(3.0, adwin.estimation());
    assertEquals(10.0, adwin.variance(), 1e-12); // sum of squared deviations
    // River's regression test: exact statistics over 200 values of i % 7 with no cut tested
    Adwin big = (Adwin) DriftDetectors.adwin(0.002, 1_000_000, 5, 5, 10);
    double sum = 0;
    for (int i = 0; i < 200; i++) {
      big.update(i % 7);
      sum += i % 7;
    }
    double mean = sum / 200;
    double ss = 0;
    for (int i = 0; i < 200; i++) {
      ss += (i % 7 - mean) * (i % 7 - mean);
    }
    assertEquals(200, big.width());
    assertEquals(sum, big.total(), 1e-9);
    assertEquals(ss, big.variance(), 1e-9 * ss);
  }

  @Test
  void adwinWindowGrowsLogarithmicallyInBuckets() {
    Adwin adwin = (Adwin) DriftDetectors.adwin();
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 1_000_000; i++) {
      adwin.update(rng.nextDouble());
    }
    assertEquals(1_000_000, adwin.width(), 1_000_000 * 0.2, "a stationary stream keeps most of its window");
  }

  @Test
  void updatesAllocateNothing() {
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    ALL.forEach((name, supplier) -> {
      DriftDetector d = supplier.get();
      double[] values = binary(name) ? bits(200_000, 5) : stream(200_000, 5);
      for (int i = 0; i < 50_000; i++) { // warm up: compile the update path
        d.update(values[i]);
      }
      long before = bean.getThreadAllocatedBytes(thread);
      for (int i = 50_000; i < values.length; i++) {
        d.update(values[i]);
      }
      long allocated = bean.getThreadAllocatedBytes(thread) - before;
      // a handful of bytes of measurement noise is tolerated; one allocation per update would be > 2 MB
      assertTrue(allocated < 64 * 1024, name + " allocated " + allocated + " bytes over 150,000 updates");
    });
  }

  @Test
  void kswinIsReproducibleFromItsSeed() {
    double[] s = PythonStreams.concat(stream(1000, 1), shifted(stream(1000, 2), 0.8));
    List<Integer> a = PythonStreams.driftIndices(DriftDetectors.kswin(5), s);
    assertEquals(a, PythonStreams.driftIndices(DriftDetectors.kswin(5), s));
    assertNotEquals(List.of(), a);
  }

  @Test
  void namesStateTheParameters() {
    assertEquals("adwin(delta=0.002, clock=32, maxBuckets=5, minWindowLength=5, gracePeriod=10)",
        DriftDetectors.adwin().name());
    assertEquals("page-hinkley(minInstances=30, delta=0.005, threshold=50.0, alpha=0.9999, direction=BOTH)",
        DriftDetectors.pageHinkley().name());
  }

  static double[] stream(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextDouble();
    }
    return out;
  }

  static double[] bits(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextDouble() < 0.3 ? 1 : 0;
    }
    return out;
  }

  static double[] shifted(double[] values, double by) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += by;
    }
    return out;
  }
}
