package dev.mlsys.monitor.stats;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The two-sample Cramér-von Mises test, as {@code scipy.stats.cramervonmises_2samp} (scipy
 * 1.10.1). The statistic is Anderson's T (Anderson 1962, eq. 9) from mid-ranks of the pooled
 * sample, so ties are handled as scipy does.
 *
 * <p>P-values: exact ({@link PValueMethod#EXACT}) by the frequency-table recursion of Xiao, Gordon
 * and Yakovlev (2006), or asymptotic: T is standardised (Anderson 1962, eq. 15) and referred to
 * the limiting distribution of the one-sample statistic (Csörgő and Faraway 1996, eq. 1.2, summed
 * until a term is below 1e-7 as scipy does). {@link PValueMethod#AUTO} is exact when both samples
 * hold at most 20 values. Assumptions: independent samples from continuous distributions.
 * Default threshold used by the monitor: p &lt; 0.05. Each sample needs at least two values; NaN
 * and infinite values are rejected with an {@link IllegalArgumentException}.
 *
 * <p>Thread-safety: immutable.
 */
final class CramerVonMises implements NumericDriftTest {
  private final PValueMethod method;

  CramerVonMises(PValueMethod method) {
    this.method = Objects.requireNonNull(method, "method");
  }

  @Override
  public String name() {
    return "cramer-von-mises";
  }

  @Override
  public boolean hasPValue() {
    return true;
  }

  @Override
  public TestResult test(double[] reference, double[] current) {
    double[] xa = Samples.sortedCopy(reference, "reference", 2);
    double[] ya = Samples.sortedCopy(current, "current", 2);
    int nx = xa.length;
    int ny = ya.length;
    PValueMethod m = method;
    if (m == PValueMethod.AUTO) {
      m = Math.max(nx, ny) > 20 ? PValueMethod.ASYMPTOTIC : PValueMethod.EXACT;
    }
    double[] pooled = new double[nx + ny];
    System.arraycopy(xa, 0, pooled, 0, nx);
    System.arraycopy(ya, 0, pooled, nx, ny);
    double[] r = Ranks.average(pooled);
    double u = 0;
    for (int i = 0; i < nx; i++) {
      double d = r[i] - (i + 1);
      u += d * d;
    }
    u *= nx;
    double uy = 0;
    for (int j = 0; j < ny; j++) {
      double d = r[nx + j] - (j + 1);
      uy += d * d;
    }
    u += ny * uy;
    double k = (double) nx * ny;
    double bigN = nx + ny;
    double t = u / (k * bigN) - (4 * k - 1) / (6 * bigN);
    double p;
    if (m == PValueMethod.EXACT) {
      p = exactPValue(u, nx, ny);
    } else {
      double et = (1 + 1 / bigN) / 6;
      double vt = (bigN + 1) * (4 * k * bigN - 3 * ((double) nx * nx + (double) ny * ny) - 2 * k);
      vt = vt / (45 * bigN * bigN * 4 * k);
      double tn = 1.0 / 6 + (t - et) / Math.sqrt(45 * vt);
      p = tn < 0.003 ? 1.0 : Math.max(0, 1.0 - cdfInfinite(tn));
    }
    return new TestResult(name(), t, Math.min(p, 1.0));
  }

  /**
   * Limiting cdf of the one-sample Cramér-von Mises statistic (Csörgő and Faraway 1996, eq. 1.2),
   * with scipy's stopping rule.
   */
  static double cdfInfinite(double x) {
    double total = 0;
    for (int k = 0; ; k++) {
      double u = Math.exp(LogGamma.value(k + 0.5) - LogGamma.value(k + 1)) / (Math.pow(Math.PI, 1.5) * Math.sqrt(x));
      double y = 4 * k + 1;
      double q = y * y / (16 * x);
      double z = u * Math.sqrt(y) * BesselK.scaledDown(0.25, q);
      total += z;
      if (!(Math.abs(z) >= 1e-7)) {
        return total;
      }
    }
  }

  /**
   * Exact p-value Pr(U >= u) of the two-sample statistic U (Anderson 1962, eq. 10) by the
   * recursion of Xiao, Gordon and Yakovlev (2006), Algorithm 1.
   */
  static double exactPValue(double s, int m, int n) {
    long lcm = (long) m / Samples.gcd(m, n) * n;
    long a = lcm / m;
    long b = lcm / n;
    long mn = (long) m * n;
    double zeta = floorDiv((double) (lcm * lcm * (m + n)) * (6 * s - (double) mn * (4 * mn - 1)),
        (double) (6 * mn * mn));
    // gs[v] holds the frequency table of g_{u,v}: sorted distinct values with their counts
    long[][] values = new long[m + 1][];
    long[][] freqs = new long[m + 1][];
    values[0] = new long[] {0};
    freqs[0] = new long[] {1};
    for (int v = 1; v <= m; v++) {
      values[v] = new long[0];
      freqs[v] = new long[0];
    }
    for (int u = 0; u <= n; u++) {
      long[] tv = new long[0];
      long[] tf = new long[0];
      for (int v = 0; v <= m; v++) {
        long[][] merged = merge(tv, tf, values[v], freqs[v]);
        long shift = (a * v - b * u) * (a * v - b * u);
        long[] mv = merged[0];
        for (int i = 0; i < mv.length; i++) {
          mv[i] += shift;
        }
        tv = mv;
        tf = merged[1];
        values[v] = tv;
        freqs[v] = tf;
      }
    }
    long[] value = values[m];
    long[] freq = freqs[m];
    long count = 0;
    for (int i = 0; i < value.length; i++) {
      if (value[i] >= zeta) {
        count += freq[i];
      }
    }
    return count / (double) binomial(m + n, m);
  }

  private static long[][] merge(long[] av, long[] af, long[] bv, long[] bf) {
    long[] v = new long[av.length + bv.length];
    long[] f = new long[av.length + bv.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < av.length || j < bv.length) {
      if (j >= bv.length || (i < av.length && av[i] < bv[j])) {
        v[k] = av[i];
        f[k++] = af[i++];
      } else if (i >= av.length || bv[j] < av[i]) {
        v[k] = bv[j];
        f[k++] = bf[j++];
      } else {
        v[k] = av[i];
        f[k++] = af[i++] + bf[j++];
      }
    }
    return new long[][] {Arrays.copyOf(v, k), Arrays.copyOf(f, k)};
  }

  private static long binomial(int n, int k) {
    long r = 1;
    for (int i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
    }
    return r;
  }

  /** Python's float floor division a // b. */
  static double floorDiv(double a, double b) {
    double mod = a % b;
    double div = (a - mod) / b;
    if (mod != 0 && (b < 0) != (mod < 0)) {
      div -= 1.0;
    }
    if (div == 0) {
      return Math.copySign(0.0, a / b);
    }
    double floor = Math.floor(div);
    if (div - floor > 0.5) {
      floor += 1.0;
    }
    return floor;
  }
}
