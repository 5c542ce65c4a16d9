package dev.mlsys.data.sampling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-squared goodness of fit for the distribution tests. Cells whose expected count is
 * below 5 are pooled into one cell (Cochran's rule), so the chi-squared approximation holds.
 *
 * <p>Each test uses a significance level alpha: a correct sampler with a fresh seed would fail it
 * with probability alpha. The seeds are fixed, so the suite is deterministic; the critical value is
 * the (1 - alpha) quantile of chi-squared with (cells - 1) degrees of freedom.
 */
final class GoodnessOfFit {
  /** The level of every distribution test unless a test states another. */
  static final double ALPHA = 1e-3;

  private GoodnessOfFit() {}

  /** Pearson's statistic after pooling; returns {statistic, degrees of freedom}. */
  static double[] pearson(long[] observed, double[] probabilities) {
    long n = 0;
    for (long o : observed) {
      n += o;
    }
    double stat = 0;
    int cells = 0;
    double pooledExpected = 0;
    long pooledObserved = 0;
    double totalP = 0;
    for (int i = 0; i < observed.length; i++) {
      double p = probabilities[i];
      totalP += p;
      if (p == 0) {
        if (observed[i] != 0) {
          throw new AssertionError("outcome " + i + " has probability 0 but was observed " + observed[i] + " times");
        }
        continue;
      }
      double e = n * p;
      if (e < 5) {
        pooledExpected += e;
        pooledObserved += observed[i];
      } else {
        stat += (observed[i] - e) * (observed[i] - e) / e;
        cells++;
      }
    }
    if (Math.abs(totalP - 1) > 1e-9) {
      throw new AssertionError("probabilities sum to " + totalP);
    }
    if (pooledExpected > 0) {
      stat += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
      cells++;
    }
    return new double[] {stat, cells - 1};
  }

  static double critical(double df, double alpha) {
    return ChiSquaredDistribution.of(df).inverseSurvivalProbability(alpha);
  }

  /** Asserts that the counts fit the probabilities at level {@link #ALPHA}. */
  static void assertFits(String what, long[] observed, double[] probabilities) {
    double[] r = pearson(observed, probabilities);
    double critical = critical(r[1], ALPHA);
    assertTrue(r[0] <= critical, String.format(Locale.ROOT,
        "%s: chi-squared %.2f exceeds the critical value %.2f (df %d, alpha %.0e)",
        what, r[0], critical, (int) r[1], ALPHA));
  }

  /** Asserts that the counts do NOT fit: the test has the power to see a wrong sampler. */
  static void assertRejects(String what, long[] observed, double[] probabilities) {
    double[] r = pearson(observed, probabilities);
    double critical = critical(r[1], ALPHA);
    assertTrue(r[0] > critical, String.format(Locale.ROOT,
        "%s: chi-squared %.2f should exceed %.2f", what, r[0], critical));
  }

  /** Index of a k-subset of {0..n-1} given as a bitmask; cells are all 2^n masks. */
  static double[] uniformSubsetProbabilities(int n, int k) {
    double[] p = new double[1 << n];
    double c = binomial(n, k);
    for (int mask = 0; mask < p.length; mask++) {
      if (Integer.bitCount(mask) == k) {
        p[mask] = 1 / c;
      }
    }
    return p;
  }

  static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }

  /** Cell of an ordered outcome (i1, ..., ik) over {0..n-1}: digits in base n. */
  static int orderedCell(int n, int[] outcome) {
    int cell = 0;
    for (int x : outcome) {
      cell = cell * n + x;
    }
    return cell;
  }

  /**
   * Exact probabilities of every ordered outcome of k successive draws without replacement with
   * probability proportional to weight (A-Res semantics); uniform weights give 1 / (n)_k.
   */
  static double[] sequentialProbabilities(double[] weights, int k) {
    int n = weights.length;
    double[] p = new double[(int) Math.pow(n, k)];
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    fill(p, weights, total, k, 0, 0, 1.0, new boolean[n]);
    return p;
  }

  private static void fill(double[] p, double[] w, double remaining, int left, int cell, int depth,
      double prob, boolean[] used) {
    if (left == 0) {
      p[cell] += prob;
      return;
    }
    for (int i = 0; i < w.length; i++) {
      if (!used[i] && w[i] > 0) {
        used[i] = true;
        fill(p, w, remaining - w[i], left - 1, cell * w.length + i, depth + 1, prob * w[i] / remaining, used);
        used[i] = false;
      }
    }
  }

  /** Unordered probabilities (bitmask cells) from ordered ones. */
  static double[] unordered(double[] ordered, int n, int k) {
    double[] p = new double[1 << n];
    for (int cell = 0; cell < ordered.length; cell++) {
      if (ordered[cell] == 0) {
        continue;
      }
      int mask = 0;
      int c = cell;
      for (int j = 0; j < k; j++) {
        mask |= 1 << (c % n);
        c /= n;
      }
      p[mask] += ordered[cell];
    }
    return p;
  }
}
