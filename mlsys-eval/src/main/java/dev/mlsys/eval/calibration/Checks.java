package dev.mlsys.eval.calibration;

import java.util.Objects;

/** Argument checks of the calibration package; messages name the argument, the value and the rule. */
final class Checks {
  private Checks() {}

  /** @return the number of positives */
  static int fitInput(double[] scores, int[] labels) {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(labels, "labels");
    if (scores.length != labels.length) {
      throw new IllegalArgumentException("scores and labels must have the same length but had "
          + scores.length + " and " + labels.length);
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("cannot fit a calibrator on no scores");
    }
    int positives = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("scores[" + i + "] must be finite but was: " + scores[i]);
      }
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("labels[" + i + "] must be 0 or 1 but was: " + labels[i]);
      }
      positives += labels[i];
    }
    return positives;
  }

  static void probabilities(String name, double[] p) {
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException(name + "[" + i + "] must be a probability in [0, 1] but was: " + p[i]);
      }
    }
  }

  static double score(double score) {
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score must not be NaN");
    }
    return score;
  }

  static int bins(int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1 but was: " + bins);
    }
    return bins;
  }

  /**
   * scipy's expit, 1 / (1 + e^-z): accurate to a few ulps for every z (e^-z overflowing to
   * infinity gives 0, underflowing gives 1) and branch-free, which matters on the serving path.
   */
  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
