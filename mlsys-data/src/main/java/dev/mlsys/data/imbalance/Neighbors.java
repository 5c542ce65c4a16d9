package dev.mlsys.data.imbalance;

import java.util.Arrays;

/**
 * Exact nearest neighbours by brute force, with ties broken by the lower row index, so results do
 * not depend on data structure details. Distances are squared Euclidean over continuous columns,
 * plus {@code nominalPenalty} for every nominal column where two rows differ (the SMOTE-NC metric;
 * Chawla et al. 2002, section 6.1). Time is O(m^2 d) for m rows of d columns. Stateless.
 */
final class Neighbors {
  private Neighbors() {}

  static double distance(double[] a, double[] b, boolean[] nominal, double nominalPenalty, double stopAbove) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      if (nominal != null && nominal[j]) {
        if (a[j] != b[j]) {
          s += nominalPenalty;
        }
      } else {
        double d = a[j] - b[j];
        s += d * d;
      }
      if (s > stopAbove) {
        return s; // already farther than the current k-th neighbour: the exact value is not needed
      }
    }
    return s;
  }

  /**
   * @param x all rows
   * @param members the rows to search among (ascending)
   * @param k neighbours per member, at most {@code members.length - 1}
   * @return for each member (in {@code members} order), the row indices of its {@code k} nearest
   *     other members, nearest first
   */
  static int[][] kNearest(double[][] x, int[] members, int k, boolean[] nominal, double nominalPenalty) {
    int m = members.length;
    int[][] out = new int[m][k];
    double[] bestD = new double[k];
    int[] bestI = new int[k];
    for (int a = 0; a < m; a++) {
      int filled = 0;
      double[] xa = x[members[a]];
      for (int b = 0; b < m; b++) {
        if (b == a) {
          continue;
        }
        double limit = filled < k ? Double.POSITIVE_INFINITY : bestD[k - 1];
        double d = distance(xa, x[members[b]], nominal, nominalPenalty, limit);
        // members are ascending, so an equal distance never displaces an earlier row
        if (filled < k || d < bestD[k - 1]) {
          int pos = filled < k ? filled++ : k - 1;
          while (pos > 0 && bestD[pos - 1] > d) {
            bestD[pos] = bestD[pos - 1];
            bestI[pos] = bestI[pos - 1];
            pos--;
          }
          bestD[pos] = d;
          bestI[pos] = members[b];
        }
      }
      out[a] = Arrays.copyOf(bestI, k);
    }
    return out;
  }

  /** @return for every row its nearest other row (ties to the lower index), or -1 if there is none */
  static int[] nearest(double[][] x) {
    int n = x.length;
    int[] out = new int[n];
    for (int a = 0; a < n; a++) {
      double best = Double.POSITIVE_INFINITY;
      int bestIndex = -1;
      for (int b = 0; b < n; b++) {
        if (b == a) {
          continue;
        }
        double d = distance(x[a], x[b], null, 0, best);
        if (d < best) {
          best = d;
          bestIndex = b;
        }
      }
      out[a] = bestIndex;
    }
    return out;
  }
}
