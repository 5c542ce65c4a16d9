package dev.mlsys.eval.metrics;

import java.util.Arrays;

/**
 * Metrics of a binary classifier from its scores or probabilities of the positive class and 0/1
 * labels, equal to scikit-learn 1.2's to 1e-9 (golden tests in {@code BinaryMetricsTest}).
 *
 * <pre>{@code
 * double auc = BinaryMetrics.rocAuc(scores, labels);
 * double ap = BinaryMetrics.averagePrecision(scores, labels);
 * }</pre>
 *
 * <p>Arguments are never modified and must not be null. Labels are 0 (negative) or 1 (positive).
 * Ties in scores are handled as scikit-learn does: tied scores form one threshold. Every method
 * is a pure function: thread-safe.
 */
public final class BinaryMetrics {
  /** The clip of {@link #logLoss}: float64 machine epsilon, scikit-learn's {@code eps="auto"}. */
  public static final double LOG_LOSS_EPSILON = 0x1.0p-52;

  private BinaryMetrics() {}

  /**
   * Area under the ROC curve: the probability that a random positive scores above a random
   * negative, ties counting one half (the Mann-Whitney U statistic over n+ n-). Equal to
   * scikit-learn's {@code roc_auc_score}. Runs in O(n log n) with two primitive sorts.
   *
   * @param scores scores of the positive class; any order-preserving scale, not NaN
   * @param labels 0 or 1, same length
   * @return the area, in [0, 1]
   * @throws IllegalArgumentException if lengths differ, a label is not 0/1, a score is NaN, or
   *     only one class is present (the area is undefined, as scikit-learn also raises)
   */
  public static double rocAuc(double[] scores, int[] labels) {
    Split s = Split.of(scores, labels, "rocAuc");
    return s.mannWhitneyTwice() / (2.0 * s.positives.length * s.negatives.length);
  }

  /**
   * Average precision: the step-wise area under the precision-recall curve,
   * sum over thresholds of (R_k - R_k-1) P_k, without interpolation; scikit-learn's
   * {@code average_precision_score}.
   *
   * @param scores scores of the positive class, not NaN
   * @param labels 0 or 1, same length
   * @return the average precision, in [0, 1]; 1 if every label is positive
   * @throws IllegalArgumentException if lengths differ, a label is not 0/1, a score is NaN, or
   *     there is no positive label (scikit-learn returns 0 with a warning there; recall is
   *     undefined, so this method refuses)
   */
  public static double averagePrecision(double[] scores, int[] labels) {
    checkScores(scores, labels);
    int positives = Inputs.binaryLabels(labels);
    if (positives == 0) {
      throw new IllegalArgumentException("averagePrecision needs at least one positive label (1) but labels has none;"
          + " recall is undefined");
    }
    double[] pos = new double[positives];
    double[] neg = new double[labels.length - positives];
    fill(scores, labels, pos, neg);
    Arrays.sort(pos);
    Arrays.sort(neg);
    // Walk thresholds from the highest score down, merging the two sorted arrays.
    int i = pos.length - 1;
    int j = neg.length - 1;
    long tp = 0;
    long fp = 0;
    double sum = 0;
    while (i >= 0) {
      double v = j >= 0 ? Math.max(pos[i], neg[j]) : pos[i];
      long newTp = 0;
      while (i >= 0 && pos[i] == v) {
        newTp++;
        i--;
      }
      while (j >= 0 && neg[j] == v) {
        fp++;
        j--;
      }
      tp += newTp;
      if (newTp > 0) {
        sum += newTp * ((double) tp / (tp + fp));
      }
    }
    return sum / positives;
  }

  /**
   * Mean negative log-likelihood of the labels, with probabilities clipped to
   * [{@link #LOG_LOSS_EPSILON}, 1 - {@link #LOG_LOSS_EPSILON}] and the two class probabilities
   * renormalised, exactly as scikit-learn's {@code log_loss(labels, probs, labels=[0, 1])}. Unlike
   * scikit-learn without {@code labels}, inputs holding a single class are scored, not refused:
   * with 0/1 labels both classes are known.
   *
   * @param probabilities probabilities of the positive class, each in [0, 1]
   * @param labels 0 or 1, same length, not empty
   * @return the log loss in nats, &gt;= 0
   * @throws IllegalArgumentException if lengths differ, the input is empty, a label is not 0/1,
   *     or a probability is outside [0, 1] or NaN
   */
  public static double logLoss(double[] probabilities, int[] labels) {
    checkProbabilities(probabilities, labels);
    Inputs.binaryLabels(labels);
    double[] losses = new double[labels.length];
    for (int k = 0; k < losses.length; k++) {
      double p1 = Math.min(Math.max(probabilities[k], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
      double p0 = 1 - p1;
      double total = p0 + p1;
      losses[k] = -Math.log((labels[k] == 1 ? p1 : p0) / total);
    }
    return Inputs.mean(losses);
  }

  /**
   * Mean squared difference between the probability of the positive class and the label;
   * scikit-learn's {@code brier_score_loss}.
   *
   * @param probabilities probabilities of the positive class, each in [0, 1]
   * @param labels 0 or 1, same length, not empty
   * @return the Brier score, in [0, 1]
   * @throws IllegalArgumentException if lengths differ, the input is empty, a label is not 0/1,
   *     or a probability is outside [0, 1]
   */
  public static double brierScore(double[] probabilities, int[] labels) {
    checkProbabilities(probabilities, labels);
    Inputs.binaryLabels(labels);
    double[] squares = new double[labels.length];
    for (int k = 0; k < squares.length; k++) {
      double d = labels[k] - probabilities[k];
      squares[k] = d * d;
    }
    return Inputs.mean(squares);
  }

  private static void checkScores(double[] scores, int[] labels) {
    Inputs.notNaN("scores", scores);
    java.util.Objects.requireNonNull(labels, "labels");
    Inputs.sameLength("scores", scores.length, "labels", labels.length);
    Inputs.nonEmpty("scores", scores.length);
  }

  private static void checkProbabilities(double[] probabilities, int[] labels) {
    Inputs.probabilities("probabilities", probabilities);
    java.util.Objects.requireNonNull(labels, "labels");
    Inputs.sameLength("probabilities", probabilities.length, "labels", labels.length);
    Inputs.nonEmpty("probabilities", probabilities.length);
  }

  private static void fill(double[] scores, int[] labels, double[] pos, double[] neg) {
    int p = 0;
    int n = 0;
    for (int k = 0; k < scores.length; k++) {
      // + 0.0 turns -0.0 into 0.0, so the sort cannot separate scores that compare equal
      double s = scores[k] + 0.0;
      if (labels[k] == 1) {
        pos[p++] = s;
      } else {
        neg[n++] = s;
      }
    }
  }

  /** Scores split by class and sorted ascending; the shared core of AUC and DeLong. */
  static final class Split {
    final double[] positives;
    final double[] negatives;

    private Split(double[] positives, double[] negatives) {
      this.positives = positives;
      this.negatives = negatives;
    }

    static Split of(double[] scores, int[] labels, String what) {
      checkScores(scores, labels);
      int positives = Inputs.binaryLabels(labels);
      if (positives == 0 || positives == labels.length) {
        throw new IllegalArgumentException(what + " needs both classes but labels holds only "
            + (positives == 0 ? "negatives (0)" : "positives (1)") + "; the ROC AUC is undefined");
      }
      double[] pos = new double[positives];
      double[] neg = new double[labels.length - positives];
      fill(scores, labels, pos, neg);
      Arrays.sort(pos);
      Arrays.sort(neg);
      return new Split(pos, neg);
    }

    /** @return twice the Mann-Whitney U of the positives: exact in a long up to n of about 4e9 */
    long mannWhitneyTwice() {
      long twice = 0;
      int below = 0;
      int n = negatives.length;
      int i = 0;
      while (i < positives.length) {
        double v = positives[i];
        while (below < n && negatives[below] < v) {
          below++;
        }
        int equal = below;
        while (equal < n && negatives[equal] == v) {
          equal++;
        }
        int run = i;
        while (run < positives.length && positives[run] == v) {
          run++;
        }
        twice += (long) (run - i) * (2L * below + (equal - below));
        i = run;
      }
      return twice;
    }
  }
}
