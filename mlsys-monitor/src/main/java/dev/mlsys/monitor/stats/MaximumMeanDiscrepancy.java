package dev.mlsys.monitor.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The kernel two-sample test with the maximum mean discrepancy (Gretton et al. 2012, JMLR 13,
 * eq. 3, the unbiased MMD^2_u) and an RBF kernel k(x, y) = exp(-|x - y|^2 / (2 sigma^2)) whose
 * bandwidth sigma is the median of the pooled pairwise Euclidean distances (the median heuristic,
 * section 8). The p-value is from a permutation test: (1 + #{permuted MMD^2 >= observed}) /
 * (1 + permutations), with permutations drawn from a seeded {@link SplittableRandom}.
 *
 * <p>Assumptions: independent samples; rows are points in the same space and scale (standardise
 * features of different units first). Default threshold: p &lt; 0.05. Each sample needs at
 * least two points; ragged rows, NaN and infinite values are rejected with an
 * {@link IllegalArgumentException}. The kernel matrix is computed once and held in memory, so the
 * pooled sample is limited to {@value #MAX_POOLED} points: subsample larger data first.
 *
 * <p>Thread-safety: immutable; each call draws its own generator from the seed, so equal inputs
 * give equal p-values.
 */
final class MaximumMeanDiscrepancy implements MultivariateDriftTest {
  /** Largest pooled sample accepted (the kernel matrix takes 8 bytes per pair of points). */
  static final int MAX_POOLED = 4096;
  private final int permutations;
  private final long seed;

  MaximumMeanDiscrepancy(int permutations, long seed) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be >= 1 but was: " + permutations);
    }
    this.permutations = permutations;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "mmd";
  }

  @Override
  public TestResult test(double[][] reference, double[][] current) {
    int dim = Samples.checkPoints(reference, "reference", -1, 2);
    Samples.checkPoints(current, "current", dim, 2);
    int m = reference.length;
    int n = current.length;
    int total = m + n;
    if (total > MAX_POOLED) {
      throw new IllegalArgumentException("mmd: pooled sample of " + total + " points exceeds " + MAX_POOLED
          + "; subsample the data first");
    }
    double[][] z = new double[total][];
    System.arraycopy(reference, 0, z, 0, m);
    System.arraycopy(current, 0, z, m, n);
    double[] d2 = new double[total * total];
    double[] dist = new double[total * (total - 1) / 2];
    int p = 0;
    for (int i = 0; i < total; i++) {
      for (int j = i + 1; j < total; j++) {
        double s = 0;
        for (int c = 0; c < dim; c++) {
          double diff = z[i][c] - z[j][c];
          s += diff * diff;
        }
        d2[i * total + j] = s;
        d2[j * total + i] = s;
        dist[p++] = Math.sqrt(s);
      }
    }
    double sigma = median(dist);
    double[] k = d2;
    double inv = sigma > 0 ? 1.0 / (2 * sigma * sigma) : 0.0;
    for (int i = 0; i < k.length; i++) {
      k[i] = Math.exp(-d2[i] * inv);
    }
    int[] index = new int[total];
    for (int i = 0; i < total; i++) {
      index[i] = i;
    }
    double observed = mmd2(k, index, m, n, total);
    SplittableRandom rng = new SplittableRandom(seed);
    int atLeast = 0;
    for (int b = 0; b < permutations; b++) {
      Samples.shuffle(index, rng);
      if (mmd2(k, index, m, n, total) >= observed) {
        atLeast++;
      }
    }
    double pValue = (1.0 + atLeast) / (1.0 + permutations);
    return new TestResult(name(), observed, pValue);
  }

  /** @return the median-heuristic bandwidth and MMD^2_u without a p-value, for tests */
  static double[] statisticAndBandwidth(double[][] reference, double[][] current) {
    MaximumMeanDiscrepancy t = new MaximumMeanDiscrepancy(1, 0);
    double stat = t.test(reference, current).statistic();
    double[][] z = new double[reference.length + current.length][];
    System.arraycopy(reference, 0, z, 0, reference.length);
    System.arraycopy(current, 0, z, reference.length, current.length);
    double[] dist = new double[z.length * (z.length - 1) / 2];
    int p = 0;
    for (int i = 0; i < z.length; i++) {
      for (int j = i + 1; j < z.length; j++) {
        double s = 0;
        for (int c = 0; c < z[i].length; c++) {
          double diff = z[i][c] - z[j][c];
          s += diff * diff;
        }
        dist[p++] = Math.sqrt(s);
      }
    }
    return new double[] {stat, median(dist)};
  }

  private static double mmd2(double[] k, int[] index, int m, int n, int total) {
    double xx = 0;
    for (int i = 0; i < m; i++) {
      int row = index[i] * total;
      for (int j = 0; j < m; j++) {
        if (i != j) {
          xx += k[row + index[j]];
        }
      }
    }
    double yy = 0;
    for (int i = m; i < total; i++) {
      int row = index[i] * total;
      for (int j = m; j < total; j++) {
        if (i != j) {
          yy += k[row + index[j]];
        }
      }
    }
    double xy = 0;
    for (int i = 0; i < m; i++) {
      int row = index[i] * total;
      for (int j = m; j < total; j++) {
        xy += k[row + index[j]];
      }
    }
    return xx / ((double) m * (m - 1)) + yy / ((double) n * (n - 1)) - 2 * xy / ((double) m * n);
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
  }
}
