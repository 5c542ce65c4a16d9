package dev.mlsys.data.features;

import java.util.Arrays;

/**
 * The statistics a pipeline learns at fit time, computed to match numpy / scikit-learn: sums are
 * compensated (Neumaier), the variance is two-pass with scikit-learn's correction term, and
 * quantiles follow numpy's default "linear" method operation for operation. Stateless.
 */
final class Stats {
  private Stats() {}

  /** @return the observed (non-NaN) values of {@code v}, sorted ascending */
  static double[] observedSorted(double[] v) {
    double[] out = new double[v.length];
    int n = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        out[n++] = x;
      }
    }
    out = Arrays.copyOf(out, n);
    Arrays.sort(out);
    return out;
  }

  /** Neumaier-compensated sum. */
  static double sum(double[] v) {
    double s = 0;
    double c = 0;
    for (double x : v) {
      double t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
      s = t;
    }
    return s + c;
  }

  static double mean(double[] v) {
    return sum(v) / v.length;
  }

  /**
   * Population standard deviation (ddof = 0) by the corrected two-pass algorithm (Chan, Golub
   * and LeVeque, "Algorithms for computing the sample variance", 1983, eq. 1.7).
   */
  static double std(double[] v, double mean) {
    double ss = 0;
    double cs = 0;
    double s = 0;
    double c = 0;
    for (double x : v) {
      double d = x - mean;
      double sq = d * d;
      double t = ss + sq;
      cs += Math.abs(ss) >= sq ? (ss - t) + sq : (sq - t) + ss;
      ss = t;
      double u = s + d;
      c += Math.abs(s) >= Math.abs(d) ? (s - u) + d : (d - u) + s;
      s = u;
    }
    double sumSq = ss + cs;
    double sumD = s + c;
    double var = (sumSq - sumD * sumD / v.length) / v.length;
    return Math.sqrt(Math.max(var, 0));
  }

  /** @param sorted ascending observed values, at least one */
  static double median(double[] sorted) {
    int n = sorted.length;
    if ((n & 1) == 1) {
      return sorted[n / 2];
    }
    // numpy.median averages the two middle values as (a + b) / 2
    return (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** @param sorted ascending observed values, at least one; ties go to the smallest value */
  static double mostFrequent(double[] sorted) {
    double best = sorted[0];
    int bestRun = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j < sorted.length && Double.compare(sorted[j], sorted[i]) == 0) {
        j++;
      }
      if (j - i > bestRun) {
        bestRun = j - i;
        best = sorted[i];
      }
      i = j;
    }
    return best;
  }

  /**
   * Quantile edges as scikit-learn's {@code KBinsDiscretizer(strategy="quantile")}:
   * {@code np.percentile(x, np.linspace(0, 100, buckets + 1))} with the "linear" method, then
   * edges within 1e-8 of the previous kept edge dropped. A constant column gets the edges
   * (-inf, +inf): one bucket.
   *
   * @param sorted ascending observed values, at least one
   */
  static double[] quantileEdges(double[] sorted, int buckets) {
    int n = sorted.length;
    if (sorted[0] == sorted[n - 1]) {
      return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    }
    double[] edges = new double[buckets + 1];
    double step = 100.0 / buckets; // numpy.linspace: i * step + start, last element set to stop
    for (int i = 0; i <= buckets; i++) {
      double pct = i == buckets ? 100.0 : i * step;
      edges[i] = percentileLinear(sorted, pct / 100);
    }
    double[] kept = new double[edges.length];
    int k = 0;
    double previous = Double.NaN;
    for (int i = 0; i < edges.length; i++) {
      // np.ediff1d(edges, to_begin=inf) > 1e-8 compares each edge with its predecessor in the
      // original array, not with the last kept one
      if (i == 0 || edges[i] - previous > 1e-8) {
        kept[k++] = edges[i];
      }
      previous = edges[i];
    }
    return Arrays.copyOf(kept, k);
  }

  /** numpy's "linear" quantile, including its two-sided lerp. */
  static double percentileLinear(double[] sorted, double q) {
    int n = sorted.length;
    double virtual = (n - 1) * q;
    if (virtual >= n - 1) {
      return sorted[n - 1];
    }
    if (virtual < 0) {
      return sorted[0];
    }
    double previousIndex = Math.floor(virtual);
    double gamma = virtual - previousIndex;
    double a = sorted[(int) previousIndex];
    double b = sorted[(int) previousIndex + 1];
    double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }

  /**
   * @param inner ascending inner edges
   * @return the number of inner edges {@code <= x}: the bucket of {@code x}
   */
  static int bucketOf(double[] inner, double x) {
    int lo = 0;
    int hi = inner.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (inner[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
