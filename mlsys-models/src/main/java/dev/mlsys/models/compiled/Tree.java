package dev.mlsys.models.compiled;

import java.util.ArrayList;
import java.util.List;

/**
 * One binary decision tree read from a model, before it is laid out in flat arrays: split nodes
 * (an input position, a threshold, which child a missing value takes) and leaves (a payload of
 * numbers, whose meaning the kernel gives). How a value is compared with the threshold is the
 * kernel's: Tribuo goes high when {@code value > threshold}, XGBoost goes low when
 * {@code (float) value < threshold}.
 *
 * <p>Thread-safety: confined to the compiling thread.
 */
final class Tree {
  private final List<int[]> splits = new ArrayList<>();   // {feature, lo, hi, missingHi}
  private final List<Double> thresholds = new ArrayList<>();
  private final List<double[]> payloads = new ArrayList<>();
  private int root = -1;

  /** @return the new leaf's node id */
  int leaf(double[] payload) {
    splits.add(null);
    thresholds.add(Double.NaN);
    payloads.add(payload);
    return splits.size() - 1;
  }

  /** @return the new split's node id */
  int split(int feature, double threshold, boolean missingHi, int lo, int hi) {
    splits.add(new int[] {feature, lo, hi, missingHi ? 1 : 0});
    thresholds.add(threshold);
    payloads.add(null);
    return splits.size() - 1;
  }

  void root(int node) {
    root = node;
  }

  int root() {
    return root;
  }

  boolean isLeaf(int node) {
    return splits.get(node) == null;
  }

  int feature(int node) {
    return splits.get(node)[0];
  }

  int lo(int node) {
    return splits.get(node)[1];
  }

  int hi(int node) {
    return splits.get(node)[2];
  }

  boolean missingHi(int node) {
    return splits.get(node)[3] == 1;
  }

  double threshold(int node) {
    return thresholds.get(node);
  }

  double[] payload(int node) {
    return payloads.get(node);
  }

  /** @return a copy of this tree whose leaf payloads are {@code f} of this tree's */
  Tree mapPayloads(java.util.function.UnaryOperator<double[]> f) {
    Tree copy = new Tree();
    for (int n = 0; n < splits.size(); n++) {
      copy.splits.add(splits.get(n));
      copy.thresholds.add(thresholds.get(n));
      copy.payloads.add(payloads.get(n) == null ? null : f.apply(payloads.get(n)));
    }
    copy.root = root;
    return copy;
  }

  /** @return the number of splits on the longest path from the root to a leaf */
  int depth() {
    return depth(root);
  }

  private int depth(int node) {
    return isLeaf(node) ? 0 : 1 + Math.max(depth(lo(node)), depth(hi(node)));
  }

  /** @return the number of nodes reachable from the root */
  int size() {
    return size(root);
  }

  private int size(int node) {
    return isLeaf(node) ? 1 : 1 + size(lo(node)) + size(hi(node));
  }
}
