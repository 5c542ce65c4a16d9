package dev.mlsys.monitor;

import dev.mlsys.monitor.profile.NumericProfile;
import dev.mlsys.monitor.profile.WeightedValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Comparisons of profiles that work on weighted values, so on quantile sketches as well as exact values. */
final class Comparisons {
  private Comparisons() {}

  /** sup |F_a - F_b| of two weighted step CDFs; equals the KS statistic when both are exact. */
  static double ksStatistic(WeightedValues a, WeightedValues b) {
    double[] xa = a.values();
    double[] wa = a.cumulativeWeights();
    double[] xb = b.values();
    double[] wb = b.cumulativeWeights();
    double ta = a.total();
    double tb = b.total();
    int i = 0;
    int j = 0;
    double fa = 0;
    double fb = 0;
    double d = 0;
    while (i < xa.length || j < xb.length) {
      double x = j >= xb.length || (i < xa.length && xa[i] <= xb[j]) ? xa[i] : xb[j];
      while (i < xa.length && xa[i] <= x) {
        fa = wa[i] / ta;
        i++;
      }
      while (j < xb.length && xb[j] <= x) {
        fb = wb[j] / tb;
        j++;
      }
      d = Math.max(d, Math.abs(fa - fb));
    }
    return d;
  }

  /** The integral of |F_a - F_b|: the first Wasserstein distance of two weighted distributions. */
  static double wasserstein(WeightedValues a, WeightedValues b) {
    double[] xa = a.values();
    double[] wa = a.cumulativeWeights();
    double[] xb = b.values();
    double[] wb = b.cumulativeWeights();
    double ta = a.total();
    double tb = b.total();
    int i = 0;
    int j = 0;
    double fa = 0;
    double fb = 0;
    double prev = Math.min(xa[0], xb[0]);
    double sum = 0;
    while (i < xa.length || j < xb.length) {
      double x = j >= xb.length || (i < xa.length && xa[i] <= xb[j]) ? xa[i] : xb[j];
      sum += Math.abs(fa - fb) * (x - prev);
      prev = x;
      while (i < xa.length && xa[i] <= x) {
        fa = wa[i] / ta;
        i++;
      }
      while (j < xb.length && xb[j] <= x) {
        fb = wb[j] / tb;
        j++;
      }
    }
    return sum;
  }

  /**
   * The values of a profile: exact when kept, otherwise m = min(valid, max) quantiles at the
   * mid-ranks (i + 1/2) / m of the sketch, a stand-in sample for tests that need values.
   */
  static double[] sample(NumericProfile p, int max) {
    if (p.hasExactValues()) {
      return p.sortedValues().orElseThrow();
    }
    int m = (int) Math.min(p.valid(), max);
    double[] out = new double[m];
    for (int i = 0; i < m; i++) {
      out[i] = p.quantile((i + 0.5) / m);
    }
    return out;
  }

  /** Proportions of both sides on {@code bins} equal-width bins spanning both ranges. */
  static Distribution numericHistogram(NumericProfile r, NumericProfile c, int bins) {
    double lo = Math.min(r.min(), c.min());
    double hi = Math.max(r.max(), c.max());
    if (lo == hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    List<Double> edges = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Double> ref = new ArrayList<>();
    List<Double> cur = new ArrayList<>();
    double step = (hi - lo) / bins;
    for (int i = 0; i <= bins; i++) {
      edges.add(i == bins ? hi : lo + i * step);
    }
    double prevR = 0;
    double prevC = 0;
    for (int i = 0; i < bins; i++) {
      double e = edges.get(i + 1);
      double fr = i == bins - 1 ? 1.0 : r.cdf(e);
      double fc = i == bins - 1 ? 1.0 : c.cdf(e);
      ref.add(Math.max(0, fr - prevR));
      cur.add(Math.max(0, fc - prevC));
      prevR = fr;
      prevC = fc;
      labels.add(String.format(Locale.ROOT, "%.4g to %.4g", edges.get(i), e));
    }
    return new Distribution(labels, edges, ref, cur);
  }

  /** Proportions of the most frequent categories (by reference, then current share); the rest pooled. */
  static Distribution categoricalHistogram(Map<String, Long> r, Map<String, Long> c, int top) {
    long tr = r.values().stream().mapToLong(Long::longValue).sum();
    long tc = c.values().stream().mapToLong(Long::longValue).sum();
    TreeSet<String> all = new TreeSet<>(r.keySet());
    all.addAll(c.keySet());
    List<String> order = new ArrayList<>(all);
    order.sort(Comparator.<String>comparingDouble(k -> -share(r, k, tr)).thenComparingDouble(k -> -share(c, k, tc))
        .thenComparing(Comparator.naturalOrder()));
    List<String> labels = new ArrayList<>();
    List<Double> ref = new ArrayList<>();
    List<Double> cur = new ArrayList<>();
    double restR = 0;
    double restC = 0;
    for (int i = 0; i < order.size(); i++) {
      String k = order.get(i);
      if (i < top) {
        labels.add(k);
        ref.add(share(r, k, tr));
        cur.add(share(c, k, tc));
      } else {
        restR += share(r, k, tr);
        restC += share(c, k, tc);
      }
    }
    if (order.size() > top) {
      labels.add("(" + (order.size() - top) + " more)");
      ref.add(restR);
      cur.add(restC);
    }
    return new Distribution(labels, List.of(), ref, cur);
  }

  private static double share(Map<String, Long> counts, String key, long total) {
    return total == 0 ? 0.0 : counts.getOrDefault(key, 0L) / (double) total;
  }
}
