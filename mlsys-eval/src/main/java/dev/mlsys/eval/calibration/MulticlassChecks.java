package dev.mlsys.eval.calibration;

import java.util.Objects;

/** Checks of multi-class calibration input. */
final class MulticlassChecks {
  private MulticlassChecks() {}

  /** @return the number of classes (columns) */
  static int fitInput(double[][] scores, int[] labels) {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(labels, "labels");
    if (scores.length != labels.length) {
      throw new IllegalArgumentException("scores and labels must have the same length but had " + scores.length
          + " and " + labels.length);
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("cannot fit a calibrator on no scores");
    }
    int k = scores[0].length;
    if (k < 2) {
      throw new IllegalArgumentException("scores must have at least 2 columns but had " + k);
    }
    for (int i = 0; i < scores.length; i++) {
      if (scores[i].length != k) {
        throw new IllegalArgumentException("scores[" + i + "] has " + scores[i].length + " columns but row 0 has " + k);
      }
      for (int c = 0; c < k; c++) {
        if (!Double.isFinite(scores[i][c])) {
          throw new IllegalArgumentException("scores[" + i + "][" + c + "] must be finite but was: " + scores[i][c]);
        }
      }
      if (labels[i] < 0 || labels[i] >= k) {
        throw new IllegalArgumentException("labels[" + i + "] must be a class index in [0, " + k + ") but was: "
            + labels[i]);
      }
    }
    return k;
  }
}
