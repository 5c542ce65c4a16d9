package dev.mlsys.models.compiled;

import java.util.Arrays;
import java.util.Locale;

/**
 * A linear model: one score per weight row, {@code s_r = sum_j w[r][j] x[j] + b[r]}, summed in
 * Tribuo's feature order (the order of its feature ids), then a link. The sums run in exactly the
 * order Tribuo's {@code DenseMatrix.leftMultiply} and liblinear's {@code predictValues} use, so the
 * scores carry the same bits.
 *
 * <p>A missing value (NaN) is a feature absent from the Tribuo example: its term is skipped. The
 * fast path ignores that case and falls back to a skipping loop only when a score comes out NaN,
 * which a NaN input always causes.
 */
final class LinearKernel extends Kernel {

  /** What turns the scores into the output. */
  enum Link {
    /** Regression: the single score is the value. */
    IDENTITY,
    /** Tribuo's SGD logistic model: {@code ExpNormalizer} over the scores in Tribuo's output order. */
    SOFTMAX,
    /** A hard classifier (Tribuo SGD hinge): probability 1 for the first top score in Tribuo's output order. */
    ARGMAX,
    /** liblinear's {@code predictProbability}: sigmoid per score, the binary case with one weight row. */
    LIBLINEAR_LOGISTIC,
    /** liblinear's decision values (SVM solvers) as Tribuo reads them: probability 1 for the top one. */
    LIBLINEAR_ARGMAX
  }

  private final Link link;
  /** Input position of every feature the model weighs, in Tribuo's feature order. */
  private final int[] cols;
  /** Whether {@code cols} is {@code 0, 1, ..., width - 1}, so the gather can be skipped. */
  private final boolean contiguous;
  private final int m;
  /** Weights, one row of {@code m} per score. */
  private final double[] w;
  private final double[] bias;
  private final int rows;
  /** Output position of each score row (Tribuo and SGD), or of each liblinear class. */
  private final int[] pos;
  /** liblinear: number of classes; two classes share one weight row. */
  private final int classes;
  /** Whether mlsys's normalisation follows, as {@code TribuoModel.output} applies it. */
  private final boolean normalize;

  LinearKernel(int width, int outputs, Link link, int[] cols, double[] w, double[] bias, int[] pos, int classes,
      boolean normalize) {
    super(width, outputs);
    this.link = link;
    this.cols = cols;
    this.m = cols.length;
    this.w = w;
    this.bias = bias;
    this.rows = bias.length;
    this.pos = pos;
    this.classes = classes;
    this.normalize = normalize;
    boolean c = m == width;
    for (int j = 0; c && j < m; j++) {
      c = cols[j] == j;
    }
    this.contiguous = c;
    if (w.length != rows * m) {
      throw new IllegalArgumentException("weights have " + w.length + " values for " + rows + " x " + m);
    }
  }

  @Override
  void output(double[] x, int xo, double[] out, int oo) {
    if (link == Link.IDENTITY) {
      out[oo] = score(0, x, xo);
      return;
    }
    if (link == Link.LIBLINEAR_LOGISTIC && classes == 2) {
      // liblinear: p0 = 1 / (1 + exp(-d0)), p1 = 1 - p0; Tribuo maps class i to output labels[i].
      double p0 = 1 / (1 + Math.exp(-score(0, x, xo)));
      if (outputs > 2) {
        Arrays.fill(out, oo, oo + outputs, 0.0);
      }
      out[oo + pos[0]] = p0;
      out[oo + pos[1]] = 1. - p0;
      if (normalize) {
        Finish.normalize(out, oo, outputs);
      }
      return;
    }
    if (link == Link.SOFTMAX && rows == 2 && outputs == 2 && contiguous && binarySoftmax(x, xo, out, oo)) {
      return;
    }
    if (rows < outputs) {
      Arrays.fill(out, oo, oo + outputs, 0.0);
    }
    for (int r = 0; r < rows; r++) {
      out[oo + pos[r]] = score(r, x, xo);
    }
    finish(out, oo);
  }

  /**
   * Tribuo's two-class SGD logistic model: both weight rows in one pass (two independent sums,
   * each in its own feature order, so the same bits as {@link #score}), then Tribuo's softmax with
   * the larger score's {@code exp(0)} known to be 1, which leaves one {@code Math.exp}.
   *
   * @return false, having written nothing, if a score is not finite (a missing input): the general
   *     path handles it
   */
  private boolean binarySoftmax(double[] x, int xo, double[] out, int oo) {
    double[] w = this.w;
    int m = this.m;
    double s0 = 0.0;
    double s1 = 0.0;
    for (int j = 0; j < m; j++) {
      double v = x[xo + j];
      s0 += w[j] * v;
      s1 += w[m + j] * v;
    }
    s0 += bias[0];
    s1 += bias[1];
    if (!(Math.abs(s0) <= Double.MAX_VALUE && Math.abs(s1) <= Double.MAX_VALUE)) {
      return false;
    }
    // ExpNormalizer: exp(s - max) per score, then each divided by their sum
    double e0 = s0 >= s1 ? 1.0 : Math.exp(s0 - s1);
    double e1 = s0 >= s1 ? Math.exp(s1 - s0) : 1.0;
    double sum = e0 + e1;
    out[oo + pos[0]] = e0 / sum;
    out[oo + pos[1]] = e1 / sum;
    if (normalize) {
      Finish.normalize(out, oo, outputs);
    }
    return true;
  }

  /** Applies the link to scores already written at their positions. */
  private void finish(double[] out, int oo) {
    switch (link) {
      case IDENTITY -> { }
      case SOFTMAX -> Finish.tribuoSoftmax(out, oo, pos);
      case ARGMAX -> oneHot(out, oo, rows);
      case LIBLINEAR_LOGISTIC -> {
        if (classes == 2) {
          double p0 = 1 / (1 + Math.exp(-out[oo + pos[0]]));
          out[oo + pos[0]] = p0;
          out[oo + pos[1]] = 1. - p0;
        } else {
          double sum = 0;
          for (int i = 0; i < classes; i++) {
            double p = 1 / (1 + Math.exp(-out[oo + pos[i]]));
            out[oo + pos[i]] = p;
            sum += p;
          }
          for (int i = 0; i < classes; i++) {
            out[oo + pos[i]] = out[oo + pos[i]] / sum;
          }
        }
      }
      case LIBLINEAR_ARGMAX -> {
        // Tribuo: a binary model fills only the first decision value and mirrors it.
        if (classes == 2 && (rows < 2 || out[oo + pos[1]] == 0.0)) {
          out[oo + pos[1]] = -out[oo + pos[0]];
        }
        oneHot(out, oo, classes);
      }
    }
    if (normalize) {
      Finish.normalize(out, oo, outputs);
    }
  }

  /** Probability 1 at the first strictly largest score in score order, as Tribuo picks its label. */
  private void oneHot(double[] out, int oo, int n) {
    double max = Double.NEGATIVE_INFINITY;
    int best = -1;
    for (int i = 0; i < n; i++) {
      double s = out[oo + pos[i]];
      if (s > max) {
        max = s;
        best = pos[i];
      }
    }
    Arrays.fill(out, oo, oo + outputs, 0.0);
    if (best >= 0) {
      out[oo + best] = 1.0;
    }
  }

  private double score(int r, double[] x, int xo) {
    double[] w = this.w;
    int base = r * m;
    double s = 0.0;
    if (contiguous) {
      for (int j = 0; j < m; j++) {
        s += w[base + j] * x[xo + j];
      }
    } else {
      int[] cols = this.cols;
      for (int j = 0; j < m; j++) {
        s += w[base + j] * x[xo + cols[j]];
      }
    }
    s += bias[r];
    return s == s ? s : skippingMissing(r, x, xo);
  }

  /** The score with missing (NaN) inputs left out, as Tribuo leaves out absent features. */
  private double skippingMissing(int r, double[] x, int xo) {
    int base = r * m;
    double s = 0.0;
    for (int j = 0; j < m; j++) {
      double v = x[xo + cols[j]];
      if (v == v) {
        s += w[base + j] * v;
      }
    }
    return s + bias[r];
  }

  @Override
  void outputColumns(double[][] columns, int n, double[] out) {
    // One pass per weight over a whole column: an axpy the JIT vectorises. Each row still sums
    // its terms in feature order, so the scores equal the row-at-a-time ones bit for bit.
    double[] acc = new double[n];
    boolean binaryLogistic = link == Link.LIBLINEAR_LOGISTIC && classes == 2;
    if (rows < outputs && !binaryLogistic) {
      Arrays.fill(out, 0, n * outputs, 0.0);
    }
    double[] row = null;
    for (int r = 0; r < rows; r++) {
      Arrays.fill(acc, 0.0);
      for (int j = 0; j < m; j++) {
        double wj = w[r * m + j];
        double[] col = columns[cols[j]];
        for (int i = 0; i < n; i++) {
          acc[i] += wj * col[i];
        }
      }
      int p = pos[r];
      for (int i = 0; i < n; i++) {
        double s = acc[i] + bias[r];
        if (s != s) {
          if (row == null) {
            row = new double[width];
          }
          for (int j = 0; j < width; j++) {
            row[j] = columns[j][i];
          }
          s = skippingMissing(r, row, 0);
        }
        out[i * outputs + p] = s;
      }
    }
    for (int i = 0, oo = 0; i < n; i++, oo += outputs) {
      if (binaryLogistic) {
        double d0 = out[oo + pos[0]];
        if (outputs > 2) {
          Arrays.fill(out, oo, oo + outputs, 0.0);
        }
        out[oo + pos[0]] = d0;
      }
      finish(out, oo);
    }
  }

  @Override
  String describe() {
    return String.format(Locale.ROOT, "linear(%d scores x %d features, %s)", rows, m,
        link.name().toLowerCase(Locale.ROOT));
  }
}
