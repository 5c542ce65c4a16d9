package dev.mlsys.monitor.stats;

import java.util.Arrays;

/**
 * Jensen-Shannon (log base 2) or Hellinger distance between two numeric samples histogrammed on
 * shared bins: {@code bins} equal-width bins spanning the pooled minimum to the pooled maximum
 * ({@code numpy.histogram_bin_edges(pooled, bins, range=(min, max))}; each bin is closed on the
 * left, the last also on the right). A constant pooled sample gets the range [v - 0.5, v + 0.5],
 * as numpy does.
 *
 * <p>A distance with no p-value, in [0, 1]; 0.1 is a common alarm threshold (the monitor uses the
 * categorical Jensen-Shannon distance with that threshold as its effect size). NaN, infinite or
 * empty input is rejected.
 *
 * <p>Thread-safety: immutable.
 */
final class BinnedDistance implements NumericDriftTest {
  private final CategoricalDistance.Kind kind;
  private final int bins;

  BinnedDistance(CategoricalDistance.Kind kind, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1 but was: " + bins);
    }
    this.kind = kind;
    this.bins = bins;
  }

  @Override
  public String name() {
    return (kind == CategoricalDistance.Kind.JENSEN_SHANNON ? "jensen-shannon" : "hellinger") + "(" + bins + ")";
  }

  @Override
  public boolean hasPValue() {
    return false;
  }

  @Override
  public TestResult test(double[] reference, double[] current) {
    double[] a = Samples.sortedCopy(reference, "reference", 1);
    double[] b = Samples.sortedCopy(current, "current", 1);
    double[] edges = sharedEdges(Math.min(a[0], b[0]), Math.max(a[a.length - 1], b[b.length - 1]), bins);
    double[] p = proportions(a, edges);
    double[] q = proportions(b, edges);
    return new TestResult(name(), CategoricalDistance.distance(kind, p, q), Double.NaN);
  }

  /** numpy.linspace(lo, hi, bins + 1) after numpy's widening of an empty range. */
  static double[] sharedEdges(double lo, double hi, int bins) {
    if (lo == hi) {
      lo = lo - 0.5;
      hi = hi + 0.5;
    }
    double[] edges = new double[bins + 1];
    double step = (hi - lo) / bins;
    for (int i = 0; i <= bins; i++) {
      edges[i] = i * step + lo;
    }
    edges[bins] = hi;
    return edges;
  }

  /** Proportions of a sorted sample in bins [e_i, e_i+1), the last closed. */
  static double[] proportions(double[] sorted, double[] edges) {
    int bins = edges.length - 1;
    double[] out = new double[bins];
    int prev = lowerBound(sorted, edges[0]);
    for (int i = 0; i < bins; i++) {
      int next = i == bins - 1 ? upperBound(sorted, edges[bins]) : lowerBound(sorted, edges[i + 1]);
      out[i] = (next - prev) / (double) sorted.length;
      prev = next;
    }
    return out;
  }

  /** @return the number of values < x */
  static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** @return the number of values <= x */
  static int upperBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public String toString() {
    return name() + Arrays.toString(new int[] {bins});
  }
}
