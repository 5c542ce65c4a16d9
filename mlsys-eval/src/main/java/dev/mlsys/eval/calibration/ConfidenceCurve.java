package dev.mlsys.eval.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Confidence measurement for selective prediction: the coverage / accuracy curve of a model that
 * abstains on rows below a confidence threshold, and the threshold that reaches a target
 * accuracy (or precision) while answering as many rows as possible.
 *
 * <pre>{@code
 * ConfidenceCurve curve = ConfidenceCurve.ofProbabilities(probabilities, actual);
 * Optional<CoveragePoint> p = curve.thresholdForAccuracy(0.95);  // abstain below p.threshold()
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfidenceCurve {
  private final List<CoveragePoint> points;
  private final long n;

  private ConfidenceCurve(List<CoveragePoint> points, long n) {
    this.points = Collections.unmodifiableList(points);
    this.n = n;
  }

  /**
   * @param confidence each row's confidence (any scale where higher means surer), not NaN
   * @param correct whether each row's prediction is right, same length
   * @return the curve, one point per distinct confidence, from the highest threshold down
   * @throws IllegalArgumentException if lengths differ, the input is empty or a confidence is NaN
   */
  public static ConfidenceCurve of(double[] confidence, boolean[] correct) {
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(correct, "correct");
    if (confidence.length != correct.length) {
      throw new IllegalArgumentException("confidence and correct must have the same length but had "
          + confidence.length + " and " + correct.length);
    }
    if (confidence.length == 0) {
      throw new IllegalArgumentException("confidence must not be empty");
    }
    int n = confidence.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(confidence[i])) {
        throw new IllegalArgumentException("confidence[" + i + "] must not be NaN");
      }
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(confidence[b] + 0.0, confidence[a] + 0.0));
    List<CoveragePoint> points = new ArrayList<>();
    long covered = 0;
    long right = 0;
    int k = 0;
    while (k < n) {
      double t = confidence[order[k]];
      while (k < n && confidence[order[k]] == t) {
        covered++;
        right += correct[order[k]] ? 1 : 0;
        k++;
      }
      points.add(new CoveragePoint(t, covered, right, (double) covered / n, (double) right / covered));
    }
    return new ConfidenceCurve(points, n);
  }

  /**
   * The usual case: confidence is the top class probability, correct is whether the top class
   * (the first on ties) is the actual one.
   *
   * @param probabilities one row per example, one column per class
   * @param actual class indices
   * @return the curve
   * @throws IllegalArgumentException on ragged rows, different lengths or a bad index
   */
  public static ConfidenceCurve ofProbabilities(double[][] probabilities, int[] actual) {
    Objects.requireNonNull(probabilities, "probabilities");
    Objects.requireNonNull(actual, "actual");
    if (probabilities.length != actual.length) {
      throw new IllegalArgumentException("probabilities and actual must have the same length but had "
          + probabilities.length + " and " + actual.length);
    }
    double[] confidence = new double[actual.length];
    boolean[] correct = new boolean[actual.length];
    for (int i = 0; i < actual.length; i++) {
      double[] row = probabilities[i];
      if (actual[i] < 0 || actual[i] >= row.length) {
        throw new IllegalArgumentException("actual[" + i + "] must be a class index in [0, " + row.length
            + ") but was: " + actual[i]);
      }
      int best = 0;
      for (int c = 1; c < row.length; c++) {
        if (row[c] > row[best]) {
          best = c;
        }
      }
      confidence[i] = row[best];
      correct[i] = best == actual[i];
    }
    return of(confidence, correct);
  }

  /** @return the points, from the highest threshold (least coverage) down to full coverage */
  public List<CoveragePoint> points() {
    return points;
  }

  /** @return the number of rows */
  public long size() {
    return n;
  }

  /**
   * @param target the accuracy to reach, in [0, 1]
   * @return the point of largest coverage whose accuracy is at least the target, or empty if no
   *     threshold reaches it
   * @throws IllegalArgumentException if the target is outside [0, 1]
   */
  public Optional<CoveragePoint> thresholdForAccuracy(double target) {
    if (!(target >= 0 && target <= 1)) {
      throw new IllegalArgumentException("target accuracy must be in [0, 1] but was: " + target);
    }
    CoveragePoint best = null;
    for (CoveragePoint p : points) {
      if (p.accuracy() >= target) {
        best = p;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The lowest threshold (so the highest recall) at which predicting "positive when score &gt;=
   * threshold" has at least the target precision; the thresholds are the distinct scores, as in
   * scikit-learn's {@code precision_recall_curve}.
   *
   * @param scores scores of the positive class, not NaN
   * @param labels 0/1 labels, same length, at least one positive
   * @param target the precision to reach, in [0, 1]
   * @return the operating point, or empty if no threshold reaches the target
   * @throws IllegalArgumentException on bad input, no positive label, or a target outside [0, 1]
   */
  public static Optional<OperatingPoint> thresholdForPrecision(double[] scores, int[] labels, double target) {
    int positives = Checks.fitInput(scores, labels);
    if (positives == 0) {
      throw new IllegalArgumentException("thresholdForPrecision needs at least one positive label; recall is undefined");
    }
    if (!(target >= 0 && target <= 1)) {
      throw new IllegalArgumentException("target precision must be in [0, 1] but was: " + target);
    }
    boolean[] correct = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      correct[i] = labels[i] == 1;
    }
    // Among rows with score >= t, the share of positives is the precision at t.
    ConfidenceCurve curve = of(scores, correct);
    OperatingPoint best = null;
    for (CoveragePoint p : curve.points) {
      if (p.accuracy() >= target) {
        best = new OperatingPoint(p.threshold(), p.accuracy(), (double) p.correct() / positives);
      }
    }
    return Optional.ofNullable(best);
  }
}
