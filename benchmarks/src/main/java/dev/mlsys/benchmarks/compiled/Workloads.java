package dev.mlsys.benchmarks.compiled;

import dev.mlsys.models.LabeledData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.impl.ArrayExample;

/**
 * The shared workload of the compiled-predictor benchmarks: 30 numeric features, a binary target
 * with interactions and noise, and pools of test rows cycled one per call, so that branch
 * predictors cannot learn a single path.
 */
final class Workloads {
  private Workloads() {}

  static final int WIDTH = 30;
  static final int POOL = 1024;
  /** Names in Tribuo's (sorted) order, so a Tribuo example is built without a sort. */
  static final String[] NAMES = names();

  private static String[] names() {
    String[] n = new String[WIDTH];
    for (int j = 0; j < WIDTH; j++) {
      n[j] = String.format(java.util.Locale.ROOT, "f%02d", j);
    }
    return n;
  }

  static List<String> featureNames() {
    return List.of(NAMES);
  }

  /** Training data: {@code n} rows, classes {@code no, yes}. */
  static LabeledData train(int n, long seed) {
    double[][] x = rows(n, seed);
    String[] y = new String[n];
    SplittableRandom r = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < WIDTH; j++) {
        s += (j % 3 == 0 ? 0.6 : j % 3 == 1 ? -0.4 : 0.1) * x[i][j];
      }
      s += Math.sin(2 * x[i][1]) + x[i][2] * x[i][3] + (x[i][4] > 0.5 ? 1 : 0) + r.nextDouble(-1, 1);
      y[i] = s > 0 ? "yes" : "no";
    }
    return LabeledData.classification(featureNames(), x, y);
  }

  static double[][] rows(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][WIDTH];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < WIDTH; j++) {
        x[i][j] = r.nextDouble(-2, 2);
      }
    }
    return x;
  }

  /** A Tribuo example for one row, as a caller of Tribuo builds it per request. */
  static ArrayExample<Label> example(double[] x) {
    return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, NAMES, x);
  }

  /**
   * A setup check: a benchmarked path must give the model's own answer before it is timed.
   *
   * @throws IllegalStateException naming the path if it does not
   */
  static void agree(double want, double got, double tolerance, String what) {
    if (Math.abs(want - got) > tolerance) {
      throw new IllegalStateException(what + " gives " + got + " but the model " + want);
    }
  }

  /** @return the probability of {@code cls} in a Tribuo prediction */
  static double probability(org.tribuo.Prediction<Label> p, String cls) {
    Map<String, Label> scores = p.getOutputScores();
    return scores.get(cls).getScore();
  }

  /**
   * A forest hand-laid in complete binary trees of a common depth (node {@code n}'s children at
   * {@code 2n + 1} and {@code 2n + 2}; shallower leaves repeated down to the last level), with one
   * number per leaf: the floor the compiled forest is measured against.
   */
  static final class FlatForest {
    final int depth;
    final int trees;
    final int[] feature;
    final double[] threshold;
    final double[] leaf;

    FlatForest(List<? extends Node<Label>> roots, ImmutableFeatureMap features, String cls) {
      int d = 0;
      for (Node<Label> r : roots) {
        d = Math.max(d, depth(r));
      }
      depth = d;
      trees = roots.size();
      int splits = (1 << d) - 1;
      feature = new int[trees * splits];
      threshold = new double[trees * splits];
      leaf = new double[trees << d];
      for (int t = 0; t < trees; t++) {
        fill(roots.get(t), 0, 0, t, features, cls);
      }
    }

    private void fill(Node<Label> node, int slot, int level, int t, ImmutableFeatureMap features, String cls) {
      int splits = (1 << depth) - 1;
      if (level == depth) {
        leaf[(t << depth) + slot - splits] = ((LeafNode<Label>) node).getDistribution().get(cls).getScore();
        return;
      }
      if (node instanceof SplitNode<Label> s) {
        feature[t * splits + slot] = java.util.Arrays.asList(NAMES).indexOf(features.get(s.getFeatureID()).getName());
        threshold[t * splits + slot] = s.splitValue();
        fill(s.getLessThanOrEqual(), 2 * slot + 1, level + 1, t, features, cls);
        fill(s.getGreaterThan(), 2 * slot + 2, level + 1, t, features, cls);
      } else {
        fill(node, 2 * slot + 1, level + 1, t, features, cls);
        fill(node, 2 * slot + 2, level + 1, t, features, cls);
      }
    }

    private static int depth(Node<Label> n) {
      return n instanceof SplitNode<Label> s ? 1 + Math.max(depth(s.getLessThanOrEqual()), depth(s.getGreaterThan())) : 0;
    }

    /** The hand-written loop: sum of the leaf values the row reaches. */
    double sum(double[] x) {
      int splits = (1 << depth) - 1;
      double sum = 0;
      for (int t = 0; t < trees; t++) {
        int base = t * splits;
        int n = 0;
        for (int d = 0; d < depth; d++) {
          int i = base + n;
          n = 2 * n + (x[feature[i]] > threshold[i] ? 2 : 1);
        }
        sum += leaf[(t << depth) + n - splits];
      }
      return sum;
    }
  }

  static <T> List<T> list(Iterable<T> items) {
    List<T> out = new ArrayList<>();
    items.forEach(out::add);
    return out;
  }
}
