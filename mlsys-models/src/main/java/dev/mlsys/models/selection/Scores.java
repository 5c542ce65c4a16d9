package dev.mlsys.models.selection;

import java.util.Arrays;

/**
 * Metric formulas, matching scikit-learn 1.2 (checked against its output in the golden tests).
 * Labels are class indices; probabilities are rows over classes.
 */
final class Scores {
  /** scikit-learn's log-loss clipping. */
  static final double LOG_LOSS_EPS = 1e-15;

  private Scores() {}

  static double accuracy(int[] y, int[] pred) {
    int right = 0;
    for (int i = 0; i < y.length; i++) {
      right += y[i] == pred[i] ? 1 : 0;
    }
    return (double) right / y.length;
  }

  /** Macro F1 over the classes present in y or pred; a class with no true and no predicted positives scores 0. */
  static double macroF1(int[] y, int[] pred, int k) {
    int[] tp = new int[k];
    int[] fp = new int[k];
    int[] fn = new int[k];
    boolean[] present = new boolean[k];
    for (int i = 0; i < y.length; i++) {
      present[y[i]] = true;
      present[pred[i]] = true;
      if (y[i] == pred[i]) {
        tp[y[i]]++;
      } else {
        fp[pred[i]]++;
        fn[y[i]]++;
      }
    }
    double sum = 0;
    int count = 0;
    for (int c = 0; c < k; c++) {
      if (!present[c]) {
        continue;
      }
      count++;
      int denom = 2 * tp[c] + fp[c] + fn[c];
      sum += denom == 0 ? 0 : 2.0 * tp[c] / denom;
    }
    return count == 0 ? 0 : sum / count;
  }

  /** Mean negative log-likelihood; probabilities clipped to [eps, 1 - eps] and renormalised per row, as scikit-learn 1.2. */
  static double logLoss(int[] y, double[][] p) {
    double total = 0;
    for (int i = 0; i < y.length; i++) {
      double rowSum = 0;
      for (double v : p[i]) {
        rowSum += Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, v));
      }
      double py = Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, p[i][y[i]])) / rowSum;
      total -= Math.log(py);
    }
    return total / y.length;
  }

  /** ROC AUC as the Mann-Whitney statistic with mid-ranks for ties; NaN if a class is absent. */
  static double rocAuc(double[] score, boolean[] positive) {
    int n = score.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
    double rankSumPos = 0;
    long pos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        if (positive[order[t]]) {
          rankSumPos += midRank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  static double rmse(double[] y, double[] pred) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double e = pred[i] - y[i];
      s += e * e;
    }
    return Math.sqrt(s / y.length);
  }

  static double mae(double[] y, double[] pred) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += Math.abs(pred[i] - y[i]);
    }
    return s / y.length;
  }

  static double r2(double[] y, double[] pred) {
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= y.length;
    double ssRes = 0;
    double ssTot = 0;
    for (int i = 0; i < y.length; i++) {
      ssRes += (y[i] - pred[i]) * (y[i] - pred[i]);
      ssTot += (y[i] - mean) * (y[i] - mean);
    }
    return ssTot == 0 ? (ssRes == 0 ? 1.0 : 0.0) : 1 - ssRes / ssTot;
  }
}
