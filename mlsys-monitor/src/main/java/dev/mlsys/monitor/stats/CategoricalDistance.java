package dev.mlsys.monitor.stats;

import java.util.Map;
import java.util.TreeSet;

/**
 * Distances between the category proportions of two samples, on the union of their categories:
 * Jensen-Shannon distance (log base 2, so it lies in [0, 1]; {@code
 * scipy.spatial.distance.jensenshannon(p, q, base=2)}), Hellinger distance
 * sqrt(1/2 sum (sqrt p - sqrt q)^2) in [0, 1], and L-infinity max |p - q| in [0, 1].
 *
 * <p>These are distances with no p-value. The monitor uses the Jensen-Shannon distance as the
 * effect size of categorical fields, with threshold 0.1. Negative counts, null categories and
 * sides whose counts sum to zero are rejected.
 *
 * <p>Thread-safety: immutable.
 */
final class CategoricalDistance implements CategoricalDriftTest {
  enum Kind { JENSEN_SHANNON, HELLINGER, L_INFINITY }

  private final Kind kind;

  CategoricalDistance(Kind kind) {
    this.kind = kind;
  }

  @Override
  public String name() {
    return switch (kind) {
      case JENSEN_SHANNON -> "jensen-shannon";
      case HELLINGER -> "hellinger";
      case L_INFINITY -> "l-infinity";
    };
  }

  @Override
  public boolean hasPValue() {
    return false;
  }

  @Override
  public TestResult test(Map<String, Long> reference, Map<String, Long> current) {
    long r = Samples.total(reference, "reference");
    long c = Samples.total(current, "current");
    TreeSet<String> categories = new TreeSet<>(reference.keySet());
    categories.addAll(current.keySet());
    double[] p = new double[categories.size()];
    double[] q = new double[categories.size()];
    int i = 0;
    for (String cat : categories) {
      p[i] = Samples.count(reference, cat, "reference") / (double) r;
      q[i] = Samples.count(current, cat, "current") / (double) c;
      i++;
    }
    return new TestResult(name(), distance(kind, p, q), Double.NaN);
  }

  /** The distance between two probability vectors of equal length. */
  static double distance(Kind kind, double[] p, double[] q) {
    return switch (kind) {
      case JENSEN_SHANNON -> jensenShannon(p, q);
      case HELLINGER -> hellinger(p, q);
      case L_INFINITY -> lInfinity(p, q);
    };
  }

  /** As scipy.spatial.distance.jensenshannon with base 2; p and q sum to 1. */
  static double jensenShannon(double[] p, double[] q) {
    double left = 0;
    double right = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2.0;
      left += relEntr(p[i], m);
      right += relEntr(q[i], m);
    }
    double js = (left + right) / Math.log(2);
    return Math.sqrt(Math.max(0.0, js / 2.0));
  }

  private static double relEntr(double x, double y) {
    if (x > 0 && y > 0) {
      return x * Math.log(x / y);
    }
    return x == 0 && y >= 0 ? 0.0 : Double.POSITIVE_INFINITY;
  }

  static double hellinger(double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
      s += d * d;
    }
    return Math.sqrt(0.5 * s);
  }

  static double lInfinity(double[] p, double[] q) {
    double max = 0;
    for (int i = 0; i < p.length; i++) {
      max = Math.max(max, Math.abs(p[i] - q[i]));
    }
    return max;
  }
}
