package dev.mlsys.monitor.stats;

import java.util.Objects;

/**
 * The two-sided two-sample Kolmogorov-Smirnov test, with p-values equal to
 * {@code scipy.stats.ks_2samp} (scipy 1.10.1), ties included.
 *
 * <p>The statistic is D = sup |F_ref(x) - F_cur(x)| over the pooled values, with right-continuous
 * empirical CDFs, so tied values are handled as scipy does. P-values:
 * <ul>
 *   <li>{@link PValueMethod#EXACT}: the exact null distribution of D for continuous data (Hodges
 *       1958; Viehmann 2021), with D rounded to the nearest multiple of 1/lcm(n, m) as scipy
 *       does. Falls back to asymptotic when lcm(n, m) would exceed 2^31 - 1.
 *   <li>{@link PValueMethod#ASYMPTOTIC}: {@code kstwo.sf(D, round(n*m/(n+m)))}, the one-sample
 *       two-sided distribution at the effective size, as scipy uses.
 *   <li>{@link PValueMethod#AUTO}: exact when max(n, m) &lt;= 10,000, asymptotic otherwise.
 * </ul>
 * With ties the exact p-value is conservative (the null distribution assumes continuous data);
 * this is scipy's behaviour too.
 *
 * <p>The static methods work on sorted arrays without allocating, for streaming use.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
public final class KolmogorovSmirnov implements NumericDriftTest {
  /** Largest sample size for which {@link PValueMethod#AUTO} is exact, as in scipy. */
  public static final int MAX_AUTO_EXACT = 10_000;

  private final PValueMethod method;

  KolmogorovSmirnov(PValueMethod method) {
    this.method = Objects.requireNonNull(method, "method");
  }

  /** @return how p-values are computed */
  public PValueMethod method() {
    return method;
  }

  @Override
  public String name() {
    return "ks";
  }

  @Override
  public boolean hasPValue() {
    return true;
  }

  /**
   * Assumptions: independent samples from continuous distributions (ties make the p-value
   * conservative). Default threshold used by the monitor: p &lt; 0.05.
   *
   * @throws IllegalArgumentException on an empty sample or a NaN / infinite value
   */
  @Override
  public TestResult test(double[] reference, double[] current) {
    double[] a = Samples.sortedCopy(reference, "reference", 1);
    double[] b = Samples.sortedCopy(current, "current", 1);
    double d = statistic(a, a.length, b, b.length);
    PValueMethod m = effectiveMethod(a.length, b.length, method);
    double p;
    if (m == PValueMethod.EXACT) {
      d = roundedStatistic(d, a.length, b.length);
      p = exactPValue(d, a.length, b.length);
      if (Double.isNaN(p)) {
        p = asymptoticPValue(d, a.length, b.length);
      }
    } else {
      p = asymptoticPValue(d, a.length, b.length);
    }
    return new TestResult(name(), d, p);
  }

  /**
   * The two-sided statistic D of two sorted samples.
   *
   * @param a sorted values, first {@code n} used
   * @param n size of the first sample, >= 1
   * @param b sorted values, first {@code m} used
   * @param m size of the second sample, >= 1
   * @return sup |F_a - F_b|, evaluated as scipy does (max over pooled points of i/n - j/m)
   */
  public static double statistic(double[] a, int n, double[] b, int m) {
    double maxS = Double.NEGATIVE_INFINITY;
    double minS = Double.POSITIVE_INFINITY;
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      double x;
      if (j >= m || (i < n && a[i] <= b[j])) {
        x = a[i];
      } else {
        x = b[j];
      }
      while (i < n && a[i] <= x) {
        i++;
      }
      while (j < m && b[j] <= x) {
        j++;
      }
      double diff = (double) i / n - (double) j / m;
      maxS = Math.max(maxS, diff);
      minS = Math.min(minS, diff);
    }
    double minusMin = Math.min(Math.max(-minS, 0.0), 1.0);
    return minusMin > maxS ? minusMin : maxS;
  }

  /**
   * @return the method actually used for sizes n and m: AUTO resolved by size, EXACT demoted to
   *     ASYMPTOTIC when lcm(n, m) does not fit an int
   */
  public static PValueMethod effectiveMethod(int n, int m, PValueMethod method) {
    if (method == PValueMethod.AUTO) {
      return Math.max(n, m) <= MAX_AUTO_EXACT ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC;
    }
    if (method == PValueMethod.EXACT) {
      int g = Samples.gcd(n, m);
      if (n / g >= (double) Integer.MAX_VALUE / (m / g)) {
        return PValueMethod.ASYMPTOTIC;
      }
    }
    return method;
  }

  /** @return D rounded to the nearest multiple of 1 / lcm(n, m), as the exact method reports it */
  public static double roundedStatistic(double d, int n, int m) {
    long lcm = (long) (n / Samples.gcd(n, m)) * m;
    long h = (long) Math.rint(d * lcm);
    return h * 1.0 / lcm;
  }

  /**
   * The exact two-sided p-value Pr(D_{n,m} >= d) for continuous data.
   *
   * @return the p-value, or NaN when the computation is out of range (then use asymptotic)
   */
  public static double exactPValue(double d, int n, int m) {
    int g = Samples.gcd(n, m);
    long lcm = (long) (n / g) * m;
    long h = (long) Math.rint(d * lcm);
    if (h == 0) {
      return 1.0;
    }
    double p = n == m
        ? KolmogorovDistribution.probOutsideSquare(n, (int) h)
        : KolmogorovDistribution.outerProbInsideMethod(n, m, g, h);
    if (!(p >= 0 && p <= 1)) {
      return Double.NaN;
    }
    return p;
  }

  /**
   * @return the asymptotic two-sided p-value {@code kstwo.sf(d, round(n*m/(n+m)))}
   * @throws IllegalArgumentException when the effective size rounds to 0 (n = m = 1), where scipy
   *     answers NaN
   */
  public static double asymptoticPValue(double d, int n, int m) {
    double big = Math.max(n, m);
    double small = Math.min(n, m);
    double en = big * small / (big + small);
    int effective = (int) Math.rint(en);
    if (effective < 1) {
      throw new IllegalArgumentException("asymptotic Kolmogorov-Smirnov p-value needs an effective size"
          + " n*m/(n+m) that rounds to >= 1 but n = " + n + " and m = " + m + " give " + en
          + "; use the exact method");
    }
    double p = KolmogorovDistribution.kstwoSf(effective, d);
    return p < 0 ? 0.0 : Math.min(p, 1.0);
  }
}
