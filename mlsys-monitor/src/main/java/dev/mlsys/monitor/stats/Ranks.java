package dev.mlsys.monitor.stats;

import java.util.Arrays;

/** Ranks with ties averaged, as scipy.stats.rankdata(method='average'). */
final class Ranks {
  private Ranks() {}

  /** @return 1-based mid-ranks of the values, in input order */
  static double[] average(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j + 2) / 2.0;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }
}
