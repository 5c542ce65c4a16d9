package dev.mlsys.models.compiled;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Trees in flat primitive arrays, in one of two layouts chosen at compile time.
 *
 * <p><b>Complete</b> (trees of depth at most {@link #MAX_COMPLETE_DEPTH} that padding does not
 * blow up): every tree is padded to a complete binary tree of the ensemble's depth {@code D};
 * node {@code n}'s children are {@code 2n + 1} (low) and {@code 2n + 2} (high), so a prediction
 * walks exactly {@code D} levels with no child pointers and no data-dependent loop exit, and the
 * walks of consecutive trees overlap in the processor. A leaf above depth {@code D} becomes a
 * subtree whose leaves all repeat its payload, so any path through the padding is right.
 *
 * <p><b>Linked</b> (deeper or lopsided trees): nodes in breadth-first order with siblings
 * adjacent, {@code child[n]} the low child (the high one follows it), or {@code ~leaf} for a leaf.
 *
 * <p>Thread-safety: immutable once built; the arrays are never changed.
 */
final class TreeLayout {
  /** The deepest trees laid out complete: 2^10 leaves per tree. */
  static final int MAX_COMPLETE_DEPTH = 10;

  final int trees;
  /** Complete layout: the common depth; linked layout: -1. */
  final int depth;
  final int stride;
  /** Per split slot: the input position it reads. */
  final int[] feature;
  final double[] threshold;
  /** Per split slot: 1 if a missing value goes high. */
  final byte[] missingHi;
  /** Linked layout: per node, the low child or {@code ~leaf}; complete layout: null. */
  final int[] child;
  /** Linked layout: per tree, its root node; complete layout: null. */
  final int[] roots;
  /** Per leaf slot, {@code stride} numbers. */
  final double[] payload;

  private TreeLayout(int trees, int depth, int stride, int[] feature, double[] threshold, byte[] missingHi, int[] child,
      int[] roots, double[] payload) {
    this.trees = trees;
    this.depth = depth;
    this.stride = stride;
    this.feature = feature;
    this.threshold = threshold;
    this.missingHi = missingHi;
    this.child = child;
    this.roots = roots;
    this.payload = payload;
  }

  boolean complete() {
    return depth >= 0;
  }

  /** Complete layout: split slots per tree. */
  int splitsPerTree() {
    return (1 << depth) - 1;
  }

  /** Complete layout: leaf slots per tree. */
  int leavesPerTree() {
    return 1 << depth;
  }

  /**
   * @param trees the trees, each with payloads of {@code stride} numbers
   * @param forceLinked whether to use the linked layout whatever the depth
   */
  static TreeLayout of(List<Tree> trees, int stride, boolean forceLinked) {
    int depth = 0;
    long nodes = 0;
    for (Tree t : trees) {
      depth = Math.max(depth, t.depth());
      nodes += t.size();
    }
    long padded = (long) trees.size() * ((2L << Math.min(depth, 30)) - 1);
    // Padding pays while it stays within a few times the real nodes (cache footprint).
    boolean complete = !forceLinked && depth <= MAX_COMPLETE_DEPTH && padded <= 4 * nodes + 64;
    return complete ? complete(trees, stride, depth) : linked(trees, stride);
  }

  private static TreeLayout complete(List<Tree> trees, int stride, int depth) {
    int splits = (1 << depth) - 1;
    int leaves = 1 << depth;
    int n = trees.size();
    int[] feature = new int[n * splits];
    double[] threshold = new double[n * splits];
    byte[] missingHi = new byte[n * splits];
    double[] payload = new double[n * leaves * stride];
    for (int t = 0; t < n; t++) {
      fill(trees.get(t), trees.get(t).root(), 0, 0, depth, t * splits, t * leaves, feature, threshold, missingHi, payload,
          stride);
    }
    return new TreeLayout(n, depth, stride, feature, threshold, missingHi, null, null, payload);
  }

  /** Writes the subtree at {@code node} into complete slot {@code slot} at level {@code level}. */
  private static void fill(Tree tree, int node, int slot, int level, int depth, int splitBase, int leafBase, int[] feature,
      double[] threshold, byte[] missingHi, double[] payload, int stride) {
    if (level == depth) {
      int leafSlot = slot - ((1 << depth) - 1);
      System.arraycopy(tree.payload(node), 0, payload, (leafBase + leafSlot) * stride, stride);
      return;
    }
    if (tree.isLeaf(node)) {
      // Padding: feature 0, threshold 0; both children repeat this leaf.
      fill(tree, node, 2 * slot + 1, level + 1, depth, splitBase, leafBase, feature, threshold, missingHi, payload, stride);
      fill(tree, node, 2 * slot + 2, level + 1, depth, splitBase, leafBase, feature, threshold, missingHi, payload, stride);
      return;
    }
    feature[splitBase + slot] = tree.feature(node);
    threshold[splitBase + slot] = tree.threshold(node);
    missingHi[splitBase + slot] = (byte) (tree.missingHi(node) ? 1 : 0);
    fill(tree, tree.lo(node), 2 * slot + 1, level + 1, depth, splitBase, leafBase, feature, threshold, missingHi, payload,
        stride);
    fill(tree, tree.hi(node), 2 * slot + 2, level + 1, depth, splitBase, leafBase, feature, threshold, missingHi, payload,
        stride);
  }

  private static TreeLayout linked(List<Tree> trees, int stride) {
    int total = 0;
    int leafCount = 0;
    for (Tree t : trees) {
      total += t.size();
    }
    int[] feature = new int[total];
    double[] threshold = new double[total];
    byte[] missingHi = new byte[total];
    int[] child = new int[total];
    int[] roots = new int[trees.size()];
    double[] payload = new double[total * stride];
    int next = 0;
    for (int t = 0; t < trees.size(); t++) {
      Tree tree = trees.get(t);
      // Breadth-first, children placed side by side: low at child[n], high at child[n] + 1.
      ArrayDeque<int[]> queue = new ArrayDeque<>();   // {tree node, slot}
      roots[t] = next;
      queue.add(new int[] {tree.root(), next++});
      while (!queue.isEmpty()) {
        int[] e = queue.poll();
        int node = e[0];
        int slot = e[1];
        if (tree.isLeaf(node)) {
          System.arraycopy(tree.payload(node), 0, payload, leafCount * stride, stride);
          child[slot] = ~leafCount++;
        } else {
          feature[slot] = tree.feature(node);
          threshold[slot] = tree.threshold(node);
          missingHi[slot] = (byte) (tree.missingHi(node) ? 1 : 0);
          child[slot] = next;
          queue.add(new int[] {tree.lo(node), next++});
          queue.add(new int[] {tree.hi(node), next++});
        }
      }
    }
    return new TreeLayout(trees.size(), -1, stride, feature, threshold, missingHi, child, roots,
        java.util.Arrays.copyOf(payload, leafCount * stride));
  }
}
