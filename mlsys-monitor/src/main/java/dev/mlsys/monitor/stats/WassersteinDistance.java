package dev.mlsys.monitor.stats;

/**
 * The first Wasserstein (earth mover's) distance between two empirical distributions, the
 * integral of |F_ref - F_cur|, as {@code scipy.stats.wasserstein_distance(u, v)}. It is in the
 * units of the data; the monitor divides it by the reference standard deviation to get a
 * scale-free effect size (default threshold 0.1). NaN, infinite or empty input is rejected.
 *
 * <p>A distance with no p-value. Thread-safety: stateless.
 */
final class WassersteinDistance implements NumericDriftTest {

  @Override
  public String name() {
    return "wasserstein";
  }

  @Override
  public boolean hasPValue() {
    return false;
  }

  @Override
  public TestResult test(double[] reference, double[] current) {
    double[] a = Samples.sortedCopy(reference, "reference", 1);
    double[] b = Samples.sortedCopy(current, "current", 1);
    return new TestResult(name(), sorted(a, b), Double.NaN);
  }

  /** W1 of two sorted samples. */
  static double sorted(double[] a, double[] b) {
    int n = a.length;
    int m = b.length;
    int i = 0;
    int j = 0;
    double sum = 0;
    double prev = Math.min(a[0], b[0]);
    // walk the pooled values in order; between consecutive pooled values both CDFs are flat
    while (i < n || j < m) {
      double x = (j >= m || (i < n && a[i] <= b[j])) ? a[i] : b[j];
      sum += Math.abs((double) i / n - (double) j / m) * (x - prev);
      prev = x;
      if (j >= m || (i < n && a[i] <= b[j])) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }
}
