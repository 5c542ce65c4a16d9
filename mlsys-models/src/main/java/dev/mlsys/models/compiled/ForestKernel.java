package dev.mlsys.models.compiled;

import java.util.Arrays;
import java.util.Locale;

/**
 * Tribuo decision trees and their ensembles: every tree sends the input to one leaf
 * ({@code value > threshold} goes high, as Tribuo's {@code SplitNode} decides; a missing value is
 * an absent feature, which Tribuo reads as 0, so it takes the side 0 would take), and the leaves'
 * payloads are combined in tree order.
 *
 * <p>The combinations reproduce the order of Tribuo's and mlsys's own floating-point operations,
 * so outputs carry the same bits as the models they were compiled from:
 * <ul>
 *   <li>{@link Mode#SUM}: the output is the sum of the leaf payloads ({@code k} terms each), then an
 *       mlsys finish. A single tree, and mlsys ensembles whose members are single trees, whose
 *       per-member terms (weighted probabilities, votes, SAMME.R log terms) are worked out per leaf
 *       at compile time.
 *   <li>{@link Mode#TRIBUO_VOTES}: Tribuo's {@code VotingCombiner} and
 *       {@code FullyWeightedVotingCombiner}: each payload holds {@code k} class terms and the
 *       {@code k} terms Tribuo adds to its normaliser, in the order Tribuo adds them; the output is
 *       the class terms over the normaliser, then mlsys's normalisation.
 *   <li>{@link Mode#TRIBUO_AVERAGE}: Tribuo's weighted {@code AveragingCombiner}:
 *       {@code mean += (w_t / W_t) (value - mean)} with {@code W_t} the running weight sum.
 * </ul>
 *
 * <p>Thread-safety: immutable.
 */
final class ForestKernel extends Kernel {

  enum Mode { SUM, TRIBUO_VOTES, TRIBUO_AVERAGE }

  /** What follows the {@link Mode#SUM} of terms. */
  enum After { NONE, NORMALIZE, SAMME }

  private final Mode mode;
  private final After after;
  private final int k;
  private final int trees;
  private final int depth;
  private final int splitsPerTree;
  private final int leavesPerTree;
  private final int stride;
  private final int[] feature;
  private final double[] threshold;
  private final byte[] missingHi;
  private final int[] child;
  private final int[] roots;
  private final double[] payload;
  /** {@link Mode#TRIBUO_AVERAGE}: {@code w_t / W_t} per tree. */
  private final double[] coefficient;
  /** Whether to scan the input for missing values once rather than check at every split. */
  private final boolean scan;

  ForestKernel(int width, int outputs, Mode mode, After after, TreeLayout layout, double[] coefficient) {
    super(width, outputs);
    this.mode = mode;
    this.after = after;
    this.k = outputs;
    this.trees = layout.trees;
    this.depth = layout.depth;
    this.splitsPerTree = layout.complete() ? layout.splitsPerTree() : 0;
    this.leavesPerTree = layout.complete() ? layout.leavesPerTree() : 0;
    this.stride = layout.stride;
    this.feature = layout.feature;
    this.threshold = layout.threshold;
    this.missingHi = layout.missingHi;
    this.child = layout.child;
    this.roots = layout.roots;
    this.payload = layout.payload;
    this.coefficient = coefficient;
    this.scan = scanFirst(trees, depth);
    int expected = switch (mode) {
      case SUM -> k;
      case TRIBUO_VOTES -> 2 * k;
      case TRIBUO_AVERAGE -> 1;
    };
    if (stride != expected) {
      throw new IllegalArgumentException("payload stride " + stride + " does not fit " + mode + " with " + k + " outputs");
    }
  }

  /**
   * @return the payload offset of the leaf tree {@code t} sends the input to, for an input with no
   *     missing value
   */
  private int leaf(int t, double[] x, int xo) {
    if (depth >= 0) {
      int base = t * splitsPerTree;
      int n = 0;
      for (int d = 0; d < depth; d++) {
        int i = base + n;
        n = 2 * n + (x[xo + feature[i]] > threshold[i] ? 2 : 1);
      }
      return (t * leavesPerTree + n - splitsPerTree) * stride;
    }
    int n = roots[t];
    int c;
    while ((c = child[n]) >= 0) {
      n = c + (x[xo + feature[n]] > threshold[n] ? 1 : 0);
    }
    return ~c * stride;
  }

  /** As {@link #leaf}, for any input: a missing value takes the side 0 would take. */
  private int leafMissing(int t, double[] x, int xo) {
    if (depth >= 0) {
      int base = t * splitsPerTree;
      int n = 0;
      for (int d = 0; d < depth; d++) {
        int i = base + n;
        double v = x[xo + feature[i]];
        int hi = v > threshold[i] ? 2 : 1;
        if (v != v) {
          hi = missingHi[i] + 1;
        }
        n = 2 * n + hi;
      }
      return (t * leavesPerTree + n - splitsPerTree) * stride;
    }
    int n = roots[t];
    int c;
    while ((c = child[n]) >= 0) {
      double v = x[xo + feature[n]];
      int hi = v > threshold[n] ? 1 : 0;
      if (v != v) {
        hi = missingHi[n];
      }
      n = c + hi;
    }
    return ~c * stride;
  }

  @Override
  void output(double[] x, int xo, double[] out, int oo) {
    double[] payload = this.payload;
    boolean missing = !scan || hasMissing(x, xo);
    switch (mode) {
      case SUM -> {
        if (k == 2) {
          double s0 = 0.0;
          double s1 = 0.0;
          for (int t = 0; t < trees; t++) {
            int p = missing ? leafMissing(t, x, xo) : leaf(t, x, xo);
            s0 += payload[p];
            s1 += payload[p + 1];
          }
          out[oo] = s0;
          out[oo + 1] = s1;
        } else {
          Arrays.fill(out, oo, oo + k, 0.0);
          for (int t = 0; t < trees; t++) {
            int p = missing ? leafMissing(t, x, xo) : leaf(t, x, xo);
            for (int c = 0; c < k; c++) {
              out[oo + c] += payload[p + c];
            }
          }
        }
        switch (after) {
          case NONE -> { }
          case NORMALIZE -> Finish.normalize(out, oo, k);
          case SAMME -> Finish.samme(out, oo, k);
        }
      }
      case TRIBUO_VOTES -> {
        double sum = 0.0;
        if (k == 2) {
          // Two classes: the three running sums in registers, same additions in the same order.
          double s0 = 0.0;
          double s1 = 0.0;
          for (int t = 0; t < trees; t++) {
            int p = missing ? leafMissing(t, x, xo) : leaf(t, x, xo);
            s0 += payload[p];
            s1 += payload[p + 1];
            sum += payload[p + 2];
            sum += payload[p + 3];
          }
          out[oo] = s0;
          out[oo + 1] = s1;
        } else {
          Arrays.fill(out, oo, oo + k, 0.0);
          for (int t = 0; t < trees; t++) {
            int p = missing ? leafMissing(t, x, xo) : leaf(t, x, xo);
            for (int c = 0; c < k; c++) {
              out[oo + c] += payload[p + c];
            }
            for (int j = k; j < 2 * k; j++) {
              sum += payload[p + j];
            }
          }
        }
        for (int c = 0; c < k; c++) {
          out[oo + c] = out[oo + c] / sum;
        }
        Finish.normalize(out, oo, k);
      }
      case TRIBUO_AVERAGE -> {
        double mean = 0.0;
        for (int t = 0; t < trees; t++) {
          double v = payload[missing ? leafMissing(t, x, xo) : leaf(t, x, xo)];
          mean += coefficient[t] * (v - mean);
        }
        out[oo] = mean;
      }
    }
  }

  @Override
  String describe() {
    return String.format(Locale.ROOT, "forest(%d trees, %s, %s)", trees,
        depth >= 0 ? "complete depth " + depth : "linked", mode.name().toLowerCase(Locale.ROOT));
  }
}
