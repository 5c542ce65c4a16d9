package dev.mlsys.models.compiled;

import java.util.Arrays;
import java.util.Locale;

/**
 * An XGBoost {@code gbtree} booster in XGBoost's own float arithmetic: each input is rounded to
 * float, as a {@code DMatrix} stores it; a split sends {@code value < threshold} low and anything
 * else high, and a missing value (NaN) the way the split learned; the margin of every output group
 * starts at the base margin and adds the float leaf values tree by tree; the objective's transform
 * (softmax, sigmoid, exp) runs in float as XGBoost's does (after {@code common::Softmax} and
 * {@code common::Sigmoid} of XGBoost 1.6).
 *
 * <p>Outputs are the group probabilities at their output positions (optionally followed by
 * mlsys's normalisation, as {@code TribuoModel} applies it), two probabilities for
 * {@code binary:logistic}, or one value for regression objectives.
 *
 * <p>Thread-safety: immutable.
 */
final class XGBoostKernel extends Kernel {

  /** How margins become outputs. */
  enum Transform {
    /** {@code multi:softprob}: softmax over the groups. */
    SOFTMAX,
    /** {@code multi:softmax}: probability 1 for the first largest margin. */
    ARGMAX,
    /** {@code binary:logistic}: {@code p = sigmoid(margin)}, written as {@code [1 - p, p]}. */
    BINARY_LOGISTIC,
    /** {@code reg:logistic}: the value {@code sigmoid(margin)}. */
    LOGISTIC_VALUE,
    /** Poisson, gamma and Tweedie regression: the value {@code exp(margin)}. */
    EXP_VALUE,
    /** Squared-error and other identity-link regression: the margin. */
    IDENTITY_VALUE
  }

  private final Transform transform;
  private final int groups;
  private final float baseMargin;
  private final int trees;
  private final int depth;
  private final int splitsPerTree;
  private final int leavesPerTree;
  private final int[] feature;
  private final float[] threshold;
  private final byte[] missingHi;
  private final int[] child;
  private final int[] roots;
  private final float[] leafValue;
  private final int[] group;
  /** Output position of each group's probability (classification). */
  private final int[] pos;
  private final boolean normalize;
  /** Whether to scan the input for missing values once rather than check at every split. */
  private final boolean scan;

  XGBoostKernel(int width, int outputs, Transform transform, int groups, float baseMargin, TreeLayout layout, int[] group,
      int[] pos, boolean normalize) {
    super(width, outputs);
    this.transform = transform;
    this.groups = groups;
    this.baseMargin = baseMargin;
    this.trees = layout.trees;
    this.depth = layout.depth;
    this.splitsPerTree = layout.complete() ? layout.splitsPerTree() : 0;
    this.leavesPerTree = layout.complete() ? layout.leavesPerTree() : 0;
    this.feature = layout.feature;
    this.threshold = new float[layout.threshold.length];
    for (int i = 0; i < threshold.length; i++) {
      threshold[i] = (float) layout.threshold[i];
    }
    this.missingHi = layout.missingHi;
    this.child = layout.child;
    this.roots = layout.roots;
    this.leafValue = new float[layout.payload.length];
    for (int i = 0; i < leafValue.length; i++) {
      leafValue[i] = (float) layout.payload[i];
    }
    this.group = group;
    this.pos = pos;
    this.normalize = normalize;
    this.scan = scanFirst(trees, depth);
  }

  /** @return the leaf value of tree {@code t} for an input with no missing value */
  private float leaf(int t, double[] x, int xo) {
    if (depth >= 0) {
      int base = t * splitsPerTree;
      int n = 0;
      for (int d = 0; d < depth; d++) {
        int i = base + n;
        n = 2 * n + ((float) x[xo + feature[i]] < threshold[i] ? 1 : 2);
      }
      return leafValue[t * leavesPerTree + n - splitsPerTree];
    }
    int n = roots[t];
    int c;
    while ((c = child[n]) >= 0) {
      n = c + ((float) x[xo + feature[n]] < threshold[n] ? 0 : 1);
    }
    return leafValue[~c];
  }

  /** As {@link #leaf}, for any input: a missing value takes the split's default branch. */
  private float leafMissing(int t, double[] x, int xo) {
    if (depth >= 0) {
      int base = t * splitsPerTree;
      int n = 0;
      for (int d = 0; d < depth; d++) {
        int i = base + n;
        float v = (float) x[xo + feature[i]];
        int hi = v < threshold[i] ? 1 : 2;
        if (v != v) {
          hi = missingHi[i] + 1;
        }
        n = 2 * n + hi;
      }
      return leafValue[t * leavesPerTree + n - splitsPerTree];
    }
    int n = roots[t];
    int c;
    while ((c = child[n]) >= 0) {
      float v = (float) x[xo + feature[n]];
      int hi = v < threshold[n] ? 0 : 1;
      if (v != v) {
        hi = missingHi[n];
      }
      n = c + hi;
    }
    return leafValue[~c];
  }

  @Override
  void output(double[] x, int xo, double[] out, int oo) {
    boolean missing = !scan || hasMissing(x, xo);
    if (groups == 1) {
      float m = baseMargin;
      for (int t = 0; t < trees; t++) {
        m += missing ? leafMissing(t, x, xo) : leaf(t, x, xo);
      }
      switch (transform) {
        case BINARY_LOGISTIC -> {
          double p = sigmoid(m);
          if (outputs > 2) {
            Arrays.fill(out, oo, oo + outputs, 0.0);
          }
          out[oo + pos[0]] = 1.0 - p;
          out[oo + pos[1]] = p;
          if (normalize) {
            Finish.normalize(out, oo, outputs);
          }
        }
        case LOGISTIC_VALUE -> out[oo] = sigmoid(m);
        case EXP_VALUE -> out[oo] = (float) Math.exp(m);
        case IDENTITY_VALUE -> out[oo] = m;
        default -> throw new IllegalStateException(transform + " needs more than one group");
      }
      return;
    }
    if (groups == 2) {
      // Tribuo's binary models: two interleaved groups, margins in registers.
      float m0 = baseMargin;
      float m1 = baseMargin;
      for (int t = 0; t < trees; t++) {
        float v = missing ? leafMissing(t, x, xo) : leaf(t, x, xo);
        if (group[t] == 0) {
          m0 += v;
        } else {
          m1 += v;
        }
      }
      if (outputs > 2) {
        Arrays.fill(out, oo, oo + outputs, 0.0);
      }
      if (transform == Transform.SOFTMAX) {
        // common::Softmax for two values
        float wmax = Math.max(m1, m0);
        float e0 = (float) Math.exp(m0 - wmax);
        float e1 = (float) Math.exp(m1 - wmax);
        double wsum = 0.0;
        wsum += e0;
        wsum += e1;
        float s = (float) wsum;
        out[oo + pos[0]] = e0 / s;
        out[oo + pos[1]] = e1 / s;
      } else {
        out[oo + pos[0]] = m1 > m0 ? 0.0 : 1.0;
        out[oo + pos[1]] = m1 > m0 ? 1.0 : 0.0;
      }
      if (normalize) {
        Finish.normalize(out, oo, outputs);
      }
      return;
    }
    // Margins kept as float values in the output slots: float + float rounds as XGBoost's does.
    if (groups < outputs) {
      Arrays.fill(out, oo, oo + outputs, 0.0);
    }
    for (int g = 0; g < groups; g++) {
      out[oo + pos[g]] = baseMargin;
    }
    for (int t = 0; t < trees; t++) {
      int o = oo + pos[group[t]];
      out[o] = (float) out[o] + (missing ? leafMissing(t, x, xo) : leaf(t, x, xo));
    }
    if (transform == Transform.SOFTMAX) {
      softmax(out, oo);
    } else {
      int best = 0;
      for (int g = 1; g < groups; g++) {
        if (out[oo + pos[g]] > out[oo + pos[best]]) {
          best = g;
        }
      }
      Arrays.fill(out, oo, oo + outputs, 0.0);
      out[oo + pos[best]] = 1.0;
    }
    if (normalize) {
      Finish.normalize(out, oo, outputs);
    }
  }

  /** XGBoost's {@code common::Softmax}: float exponentials of the shifted margins over a double sum. */
  private void softmax(double[] out, int oo) {
    float wmax = (float) out[oo + pos[0]];
    for (int g = 1; g < groups; g++) {
      wmax = Math.max((float) out[oo + pos[g]], wmax);
    }
    double wsum = 0.0;
    for (int g = 0; g < groups; g++) {
      float e = (float) Math.exp((float) out[oo + pos[g]] - wmax);
      out[oo + pos[g]] = e;
      wsum += e;
    }
    float s = (float) wsum;
    for (int g = 0; g < groups; g++) {
      out[oo + pos[g]] = (float) out[oo + pos[g]] / s;
    }
  }

  /** XGBoost's {@code common::Sigmoid} in float. */
  static float sigmoid(float x) {
    float e = (float) Math.exp(Math.min(-x, 88.7f));
    return 1.0f / (e + 1.0f + 1e-16f);
  }

  @Override
  String describe() {
    return String.format(Locale.ROOT, "xgboost(%d trees, %d groups, %s, %s)", trees, groups,
        depth >= 0 ? "complete depth " + depth : "linked", transform.name().toLowerCase(Locale.ROOT));
  }
}
