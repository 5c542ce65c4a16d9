package dev.mlsys.data.imbalance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic minority over-sampling, re-implemented from Chawla, Bowyer, Hall and Kegelmeyer,
 * "SMOTE: Synthetic Minority Over-sampling Technique", JAIR 16, 2002: section 4.2 (SMOTE) and
 * section 6.1 (SMOTE-NC).
 *
 * <p>For a class that needs {@code s} more rows and has {@code m} members, each member seeds
 * {@code floor(s / m)} synthetic rows and a uniformly chosen {@code s mod m} of them seed one
 * more (the paper's "N/100 per sample", made exact for any {@code s}). A synthetic row lies on
 * the segment from its seed to one of the seed's {@code k} nearest same-class neighbours, chosen
 * uniformly, at a uniform gap in [0, 1). For SMOTE-NC the distance adds {@code Med^2} per
 * differing nominal value, where {@code Med} is the median of the (population) standard
 * deviations of the continuous features within the class; a synthetic row's nominal values are
 * the most frequent among the seed's {@code k} neighbours, ties broken uniformly at random.
 */
final class SmoteEngine {
  private SmoteEngine() {}

  static Plan plan(Encoded e, int k, SamplingStrategy strategy, long seed, boolean mixed, String method,
      StringBuilder notes) {
    int[] counts = e.counts();
    int[] targets = strategy.targets(counts, e.classes, true, method);
    int[][] members = e.members();
    SplittableRandom random = new SplittableRandom(seed);
    Plan p = new Plan();
    for (int i = 0; i < e.size(); i++) {
      p.keep.add(i);
    }
    for (int c = 0; c < counts.length; c++) {
      int need = targets[c] - counts[c];
      if (need <= 0) {
        continue;
      }
      int m = members[c].length;
      if (m < 2) {
        throw new IllegalArgumentException(method + ": class " + describe(e.classes.get(c)) + " has " + m
            + " row; synthesizing rows needs at least 2 rows of the class");
      }
      int kEff = Math.min(k, m - 1);
      if (kEff < k) {
        notes.append(" k=").append(kEff).append(" for class ").append(e.classes.get(c)).append(" (").append(m)
            .append(" rows)");
      }
      double penalty = mixed ? squaredMedianStd(e, members[c]) : 0;
      int[][] nn = Neighbors.kNearest(e.x, members[c], kEff, mixed ? e.nominal : null, penalty);
      int[] quota = new int[m];
      Arrays.fill(quota, need / m);
      int[] order = new int[m];
      for (int a = 0; a < m; a++) {
        order[a] = a;
      }
      for (int t = 0; t < need % m; t++) {
        int j = t + random.nextInt(m - t);
        int swap = order[t];
        order[t] = order[j];
        order[j] = swap;
        quota[order[t]]++;
      }
      for (int a = 0; a < m; a++) {
        double[] seedRow = e.x[members[c][a]];
        for (int q = 0; q < quota[a]; q++) {
          double[] neighbour = e.x[nn[a][random.nextInt(kEff)]];
          double gap = random.nextDouble();
          double[] v = new double[seedRow.length];
          for (int j = 0; j < v.length; j++) {
            if (mixed && e.nominal[j]) {
              continue;
            }
            double lo = Math.min(seedRow[j], neighbour[j]);
            double hi = Math.max(seedRow[j], neighbour[j]);
            // clamp: rounding must not step outside the segment (and so outside a field's range)
            v[j] = Math.min(hi, Math.max(lo, seedRow[j] + gap * (neighbour[j] - seedRow[j])));
          }
          if (mixed) {
            majorityNominal(e, nn[a], v, random);
          }
          p.synthetic.add(v);
          p.syntheticClass.add(c);
        }
      }
    }
    return p;
  }

  /** Med^2: the squared median of the population standard deviations of the continuous columns. */
  static double squaredMedianStd(Encoded e, int[] members) {
    int continuous = 0;
    for (boolean b : e.nominal) {
      continuous += b ? 0 : 1;
    }
    double[] stds = new double[continuous];
    int s = 0;
    for (int j = 0; j < e.nominal.length; j++) {
      if (e.nominal[j]) {
        continue;
      }
      double mean = 0;
      for (int i : members) {
        mean += e.x[i][j];
      }
      mean /= members.length;
      double ss = 0;
      for (int i : members) {
        double d = e.x[i][j] - mean;
        ss += d * d;
      }
      stds[s++] = Math.sqrt(ss / members.length);
    }
    Arrays.sort(stds);
    int n = stds.length;
    double med = (n & 1) == 1 ? stds[n / 2] : (stds[n / 2 - 1] + stds[n / 2]) / 2;
    return med * med;
  }

  private static void majorityNominal(Encoded e, int[] neighbours, double[] v, SplittableRandom random) {
    Map<Double, Integer> votes = new HashMap<>();
    for (int j = 0; j < e.nominal.length; j++) {
      if (!e.nominal[j]) {
        continue;
      }
      votes.clear();
      int best = 0;
      for (int i : neighbours) {
        best = Math.max(best, votes.merge(e.x[i][j], 1, Integer::sum));
      }
      // the tied values in neighbour order, then one of them uniformly
      double[] tied = new double[neighbours.length];
      int t = 0;
      for (int i : neighbours) {
        double value = e.x[i][j];
        if (votes.get(value) == best) {
          boolean dup = false;
          for (int u = 0; u < t; u++) {
            dup |= tied[u] == value;
          }
          if (!dup) {
            tied[t++] = value;
          }
        }
      }
      v[j] = t == 1 ? tied[0] : tied[random.nextInt(t)];
    }
  }

  static String describe(Object label) {
    return label instanceof String s ? "'" + s + "'" : String.valueOf(label);
  }
}
