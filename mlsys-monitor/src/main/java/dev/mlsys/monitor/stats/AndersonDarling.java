package dev.mlsys.monitor.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * The k-sample Anderson-Darling test of Scholz and Stephens (1987), as
 * {@code scipy.stats.anderson_ksamp(samples, midrank=True)} (scipy 1.10.1): the standardised
 * statistic (A2akN - (k - 1)) / sigma, with ties handled by mid-ranks (eq. 7).
 *
 * <p>The p-value is scipy's {@code significance_level}: interpolated (quadratic fit of
 * log-significance on the critical values of the paper's Table 2) and therefore only available in
 * [0.001, 0.25]: a statistic beyond the table reports 0.001 (floored) or 0.25 (capped). Read it as
 * a bound there. Assumptions: independent samples from continuous distributions. Default
 * threshold used by the monitor: p &lt; 0.05. Needs at least two distinct values in the pool;
 * empty samples, NaN and infinite values are rejected with an {@link IllegalArgumentException}.
 *
 * <p>Thread-safety: stateless.
 */
public final class AndersonDarling implements NumericDriftTest {
  private static final double[] SIG = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};
  private static final double[] B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
  private static final double[] B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
  private static final double[] B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};

  AndersonDarling() {}

  @Override
  public String name() {
    return "anderson-darling";
  }

  @Override
  public boolean hasPValue() {
    return true;
  }

  @Override
  public TestResult test(double[] reference, double[] current) {
    return test(new double[][] {
        Samples.sortedCopy(reference, "reference", 1), Samples.sortedCopy(current, "current", 1)});
  }

  /**
   * The k-sample test.
   *
   * @param samples two or more samples
   * @return the standardised statistic and scipy's interpolated significance level
   * @throws IllegalArgumentException with fewer than two samples, an empty sample, a non-finite
   *     value, or a pool with a single distinct value
   */
  public TestResult test(double[]... samples) {
    Objects.requireNonNull(samples, "samples");
    if (samples.length < 2) {
      throw new IllegalArgumentException("anderson-darling needs at least 2 samples but got " + samples.length);
    }
    int k = samples.length;
    double[][] sorted = new double[k][];
    int total = 0;
    for (int i = 0; i < k; i++) {
      sorted[i] = Samples.sortedCopy(samples[i], "sample " + i, 1);
      total += sorted[i].length;
    }
    double[] z = new double[total];
    int pos = 0;
    for (double[] s : sorted) {
      System.arraycopy(s, 0, z, pos, s.length);
      pos += s.length;
    }
    Arrays.sort(z);
    double[] zstar = distinct(z);
    if (zstar.length < 2) {
      throw new IllegalArgumentException("anderson-darling needs more than one distinct value in the pooled samples");
    }
    double a2 = statistic(sorted, z, zstar);
    double n = total;
    double h0 = 0;
    double[] n1 = new double[k];
    for (int i = 0; i < k; i++) {
      n1[i] = sorted[i].length;
      h0 += 1.0 / n1[i];
    }
    double bigH = h0;
    // hs_cs = cumsum(1 / [N-1, N-2, ..., 2]); h = hs_cs[-1] + 1; g = sum(hs_cs / [2 .. N-1])
    double cum = 0;
    double g = 0;
    int len = total - 2;
    for (int i = 0; i < len; i++) {
      cum += 1.0 / (total - 1 - i);
      g += cum / (i + 2);
    }
    double h = cum + 1;
    double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * bigH;
    double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * bigH - 8 * h + 4 * g - 6;
    double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * bigH + 4 * h;
    double d = (2 * h + 6) * k * k - 4 * h * k;
    double sigmasq = (a * n * n * n + b * n * n + c * n + d) / ((n - 1.) * (n - 2.) * (n - 3.));
    int m = k - 1;
    double stat = (a2 - m) / Math.sqrt(sigmasq);
    double[] critical = criticalValues(m);
    return new TestResult(name(), stat, significance(stat, critical));
  }

  /** Critical values for k - 1 = m at the significance levels 0.25 ... 0.001 (Table 2 interpolation). */
  static double[] criticalValues(int m) {
    double[] critical = new double[B0.length];
    for (int i = 0; i < critical.length; i++) {
      critical[i] = B0[i] + B1[i] / Math.sqrt(m) + B2[i] / m;
    }
    return critical;
  }

  private static double significance(double stat, double[] critical) {
    double min = Arrays.stream(critical).min().orElseThrow();
    double max = Arrays.stream(critical).max().orElseThrow();
    if (stat < min) {
      return 0.25;
    }
    if (stat > max) {
      return 0.001;
    }
    double[] logSig = new double[SIG.length];
    for (int i = 0; i < SIG.length; i++) {
      logSig[i] = Math.log(SIG[i]);
    }
    double[] coef = quadraticFit(critical, logSig);
    return Math.exp((coef[0] * stat + coef[1]) * stat + coef[2]);
  }

  /** Least-squares y ~ c0 x^2 + c1 x + c2 by Householder QR on column-scaled data (numpy.polyfit). */
  static double[] quadraticFit(double[] x, double[] y) {
    int rows = x.length;
    double[][] a = new double[rows][3];
    for (int i = 0; i < rows; i++) {
      a[i][0] = x[i] * x[i];
      a[i][1] = x[i];
      a[i][2] = 1.0;
    }
    double[] scale = new double[3];
    for (int j = 0; j < 3; j++) {
      double s = 0;
      for (int i = 0; i < rows; i++) {
        s += a[i][j] * a[i][j];
      }
      scale[j] = Math.sqrt(s);
      for (int i = 0; i < rows; i++) {
        a[i][j] /= scale[j];
      }
    }
    double[] rhs = y.clone();
    for (int j = 0; j < 3; j++) {
      double norm = 0;
      for (int i = j; i < rows; i++) {
        norm += a[i][j] * a[i][j];
      }
      norm = Math.sqrt(norm);
      double alpha = a[j][j] > 0 ? -norm : norm;
      double[] v = new double[rows];
      for (int i = j; i < rows; i++) {
        v[i] = a[i][j];
      }
      v[j] -= alpha;
      double vv = 0;
      for (int i = j; i < rows; i++) {
        vv += v[i] * v[i];
      }
      if (vv == 0) {
        continue;
      }
      for (int col = j; col < 3; col++) {
        double dot = 0;
        for (int i = j; i < rows; i++) {
          dot += v[i] * a[i][col];
        }
        double f = 2 * dot / vv;
        for (int i = j; i < rows; i++) {
          a[i][col] -= f * v[i];
        }
      }
      double dot = 0;
      for (int i = j; i < rows; i++) {
        dot += v[i] * rhs[i];
      }
      double f = 2 * dot / vv;
      for (int i = j; i < rows; i++) {
        rhs[i] -= f * v[i];
      }
    }
    double[] coef = new double[3];
    for (int j = 2; j >= 0; j--) {
      double s = rhs[j];
      for (int col = j + 1; col < 3; col++) {
        s -= a[j][col] * coef[col];
      }
      coef[j] = s / a[j][j];
    }
    for (int j = 0; j < 3; j++) {
      coef[j] /= scale[j];
    }
    return coef;
  }

  /** A2akN, eq. 7 of Scholz and Stephens (mid-ranks). */
  private static double statistic(double[][] samples, double[] z, double[] zstar) {
    int bigN = z.length;
    int len = zstar.length;
    double[] lj = new double[len];
    double[] bj = new double[len];
    for (int j = 0; j < len; j++) {
      int left = BinnedDistance.lowerBound(z, zstar[j]);
      int right = BinnedDistance.upperBound(z, zstar[j]);
      lj[j] = bigN == len ? 1.0 : right - left;
      bj[j] = left + lj[j] / 2.;
    }
    double a2 = 0;
    for (double[] s : samples) {
      double ni = s.length;
      double inner = 0;
      for (int j = 0; j < len; j++) {
        int right = BinnedDistance.upperBound(s, zstar[j]);
        int left = BinnedDistance.lowerBound(s, zstar[j]);
        double mij = right - (right - left) / 2.;
        double num = bigN * mij - bj[j] * ni;
        inner += lj[j] / (double) bigN * num * num / (bj[j] * (bigN - bj[j]) - bigN * lj[j] / 4.);
      }
      a2 += inner / ni;
    }
    return a2 * (bigN - 1.) / bigN;
  }

  private static double[] distinct(double[] sorted) {
    double[] out = new double[sorted.length];
    int k = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        out[k++] = sorted[i];
      }
    }
    return Arrays.copyOf(out, k);
  }
}
