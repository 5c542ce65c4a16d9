package dev.mlsys.models.compiled;

/**
 * The last steps of an output, written to give the same bits as the code they mirror: mlsys's
 * normalisation and softmax ({@code dev.mlsys.models.Outputs}) and Tribuo's {@code ExpNormalizer}.
 */
final class Finish {
  private Finish() {}

  /** mlsys's normalisation in place: divide by the sum in class order; all-zero becomes uniform. */
  static void normalize(double[] p, int o, int k) {
    double sum = 0;
    for (int c = 0; c < k; c++) {
      sum += p[o + c];
    }
    if (sum <= 0 || !Double.isFinite(sum)) {
      double u = 1.0 / k;
      for (int c = 0; c < k; c++) {
        p[o + c] = u;
      }
      return;
    }
    if (sum == 1.0) {
      return;   // x / 1.0 == x: the divisions would change nothing
    }
    for (int c = 0; c < k; c++) {
      p[o + c] /= sum;
    }
  }

  /** mlsys's softmax in place, shifted by the maximum. */
  static void softmax(double[] d, int o, int k) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      max = Math.max(max, d[o + c]);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      d[o + c] = Math.exp(d[o + c] - max);
      sum += d[o + c];
    }
    for (int c = 0; c < k; c++) {
      d[o + c] /= sum;
    }
  }

  /** The SAMME / SAMME.R finish of an mlsys AdaBoost ensemble: divide by {@code max(1, k - 1)}, then softmax. */
  static void samme(double[] d, int o, int k) {
    int div = Math.max(1, k - 1);
    for (int c = 0; c < k; c++) {
      d[o + c] /= div;
    }
    softmax(d, o, k);
  }

  /**
   * Tribuo's {@code ExpNormalizer} over the values at {@code o + pos[i]}, visited in {@code pos}
   * order (Tribuo's output order).
   */
  static void tribuoSoftmax(double[] s, int o, int[] pos) {
    double max = -Double.MAX_VALUE;
    for (int p : pos) {
      if (max < s[o + p]) {
        max = s[o + p];
      }
    }
    double sum = 0.0;
    for (int p : pos) {
      s[o + p] = Math.exp(s[o + p] - max);
      sum += s[o + p];
    }
    for (int p : pos) {
      s[o + p] /= sum;
    }
  }

  /** @return the first index of the largest value, as mlsys breaks ties */
  static int argmax(double[] p, int o, int k) {
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (p[o + c] > p[o + best]) {
        best = c;
      }
    }
    return best;
  }
}
