package dev.mlsys.eval.calibration;

/**
 * How probabilities are cut into bins for reliability diagrams, calibration errors and histogram
 * binning. With B bins, bin i covers [e_i, e_i+1) and the last bin is closed, [e_B-1, e_B].
 * scikit-learn's {@code calibration_curve} closes bins on the right instead ((e_i, e_i+1]), so the
 * two differ only for probabilities exactly on an inner edge.
 */
public enum Binning {
  /** Edges i / B on [0, 1]: bin i covers [i / B, (i + 1) / B). Needs probabilities in [0, 1]. */
  EQUAL_WIDTH,
  /**
   * Edges at the i / B quantiles of the data (numpy's linear quantile), so bins hold about equal
   * counts; tied data can make a bin empty.
   */
  EQUAL_MASS;

  /** @return the B + 1 edges for these values */
  double[] edges(int bins, double[] values) {
    double[] edges = new double[bins + 1];
    if (this == EQUAL_WIDTH) {
      for (int i = 0; i <= bins; i++) {
        edges[i] = (double) i / bins;
      }
      return edges;
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    for (int i = 0; i <= bins; i++) {
      edges[i] = quantile(sorted, (double) i / bins);
    }
    return edges;
  }

  /** @return the bin of v: the largest i with edges[i] &lt;= v, within [0, B - 1] */
  static int bin(double[] edges, double v) {
    int lo = 0;
    int hi = edges.length - 1;
    // invariant: the answer is in [lo, hi)
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] <= v) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double quantile(double[] sorted, double q) {
    int n = sorted.length;
    double virtual = (n - 1) * q;
    int below = (int) Math.floor(virtual);
    if (below >= n - 1) {
      return sorted[n - 1];
    }
    double a = sorted[below];
    double b = sorted[below + 1];
    double t = virtual - below;
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
}
