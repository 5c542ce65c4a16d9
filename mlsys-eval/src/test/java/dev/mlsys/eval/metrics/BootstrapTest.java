package dev.mlsys.eval.metrics;

import static dev.mlsys.eval.testing.Golden.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.testing.Golden;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  @Test
  void quantileIsNumpysLinearQuantile() {
    for (JsonObject c : Golden.load("metrics").getObjects("quantiles")) {
      double[] sorted = c.getDoubles("sorted");
      double[] q = c.getDoubles("q");
      double[] expected = c.getDoubles("value");
      for (int i = 0; i < q.length; i++) {
        close(expected[i], Bootstrap.quantile(sorted, q[i]), 1e-15, "n=" + sorted.length + " q=" + q[i]);
      }
    }
  }

  @Test
  void sameSeedSameIntervalOtherSeedOtherInterval() {
    double[][] d = sample(400, 1);
    Bootstrap b = Bootstrap.percentile().resamples(300).seed(11);
    BootstrapInterval first = b.interval(d[0], d[1], RegressionMetrics::meanAbsoluteError);
    BootstrapInterval again = b.interval(d[0], d[1], RegressionMetrics::meanAbsoluteError);
    BootstrapInterval other = b.seed(12).interval(d[0], d[1], RegressionMetrics::meanAbsoluteError);
    assertEquals(first, again);
    assertNotEquals(first.interval(), other.interval());
    assertEquals(RegressionMetrics.meanAbsoluteError(d[0], d[1]), first.estimate());
    assertEquals(11, first.seed());
  }

  /**
   * For the mean of n = 1000 Bernoulli(0.3) draws the percentile interval approximates
   * p-hat +- 1.96 sqrt(p-hat (1 - p-hat) / n) (half-width about 0.0284). With B = 2000 resamples
   * the 2.5 % quantile has a Monte Carlo sd of about sqrt(0.025 * 0.975 / B) / f(q) = 0.0009
   * (f(q) = phi(1.96) / 0.0145 = 4.0); adding the 0.001 lattice of the mean, 0.004 is over four
   * standard deviations.
   */
  @Test
  void bernoulliMeanIntervalMatchesTheNormalApproximation() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 1000;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextDouble() < 0.3 ? 1 : 0;
    }
    BootstrapInterval ci = Bootstrap.percentile().seed(3).interval(n, rows -> {
      double s = 0;
      for (int i : rows) {
        s += x[i];
      }
      return s / rows.length;
    });
    double p = ci.estimate();
    double half = 1.959964 * Math.sqrt(p * (1 - p) / n);
    assertEquals(p - half, ci.lower(), 0.004);
    assertEquals(p + half, ci.upper(), 0.004);
    assertEquals(0, ci.undefined());
  }

  @Test
  void undefinedResamplesAreCountedAndStratificationRemovesThem() {
    // 3 positives in 60 rows: about (57/60)^60 = 4.6 % of plain resamples hold no positive
    double[] s = new double[60];
    int[] y = new int[60];
    for (int i = 0; i < 60; i++) {
      s[i] = i / 60.0;
      y[i] = i % 20 == 19 ? 1 : 0;
    }
    BootstrapInterval plain = Bootstrap.percentile().resamples(1000).seed(1).interval(s, y, BinaryMetrics::rocAuc);
    assertTrue(plain.undefined() > 10 && plain.undefined() < 100, "undefined " + plain.undefined());
    BootstrapInterval strat = Bootstrap.percentile().resamples(1000).seed(1).stratified(true)
        .interval(s, y, BinaryMetrics::rocAuc);
    assertEquals(0, strat.undefined());
    assertTrue(strat.interval().contains(strat.estimate()));
  }

  @Test
  void optionsAreCheckedAndImmutable() {
    Bootstrap base = Bootstrap.percentile();
    base.resamples(10).seed(4).confidence(0.5);
    assertEquals(Bootstrap.DEFAULT_RESAMPLES, base.resamples());
    assertEquals(0.95, base.confidence());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> base.resamples(0));
    assertEquals("resamples must be >= 1 but was: 0", e.getMessage());
    // defined on the data itself (rows 0, 1, 2 in order), undefined on every resample
    ResampleStatistic onlyOnTheData = rows -> {
      if (rows[0] == 0 && rows[1] == 1 && rows[2] == 2) {
        return 1;
      }
      throw new IllegalArgumentException("undefined");
    };
    IllegalStateException all = assertThrows(IllegalStateException.class,
        () -> base.resamples(5).seed(2).interval(3, onlyOnTheData));
    assertEquals("the statistic was undefined on all 5 resamples; consider stratified(true)", all.getMessage());
    assertThrows(IllegalArgumentException.class, () -> base.interval(3, rows -> Double.NaN));
  }

  private static double[][] sample(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] a = new double[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextDouble() * 10;
      p[i] = a[i] + r.nextDouble() - 0.5;
    }
    return new double[][] {a, p};
  }
}
