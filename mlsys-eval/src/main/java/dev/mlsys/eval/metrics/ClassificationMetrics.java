package dev.mlsys.eval.metrics;

import java.util.Objects;

/**
 * Metrics of a (multi-class) classifier from class indices in [0, k), following scikit-learn 1.2
 * to 1e-9. Arguments follow scikit-learn's order: actual first, predicted second. For the full
 * per-class picture build a {@link ConfusionMatrix}.
 *
 * <pre>{@code
 * double macroF1 = ClassificationMetrics.f1(actual, predicted, 3, Average.MACRO);
 * double auc = ClassificationMetrics.rocAucOneVsRest(probabilities, actual, Average.MACRO);
 * }</pre>
 *
 * <p>Pure functions: thread-safe; arguments are not modified.
 */
public final class ClassificationMetrics {
  private ClassificationMetrics() {}

  /**
   * @param actual class indices in [0, classes)
   * @param predicted class indices, same length
   * @param classes the number of classes, &gt;= 2
   * @return the confusion matrix, rows actual, columns predicted
   * @throws IllegalArgumentException on different lengths, empty input or an index out of range
   */
  public static ConfusionMatrix confusionMatrix(int[] actual, int[] predicted, int classes) {
    return ConfusionMatrix.of(actual, predicted, classes);
  }

  /** @return the share of equal labels; see {@link #confusionMatrix} for the arguments */
  public static double accuracy(int[] actual, int[] predicted) {
    return ConfusionMatrix.of(actual, predicted, classesOf(actual, predicted)).accuracy();
  }

  /** @return the mean recall over classes present in {@code actual} ({@code balanced_accuracy_score}) */
  public static double balancedAccuracy(int[] actual, int[] predicted) {
    return ConfusionMatrix.of(actual, predicted, classesOf(actual, predicted)).balancedAccuracy();
  }

  /** @return the averaged precision; see {@link Average} for the choice of classes */
  public static double precision(int[] actual, int[] predicted, int classes, Average average) {
    return ConfusionMatrix.of(actual, predicted, classes).precision(average);
  }

  /** @return the averaged recall */
  public static double recall(int[] actual, int[] predicted, int classes, Average average) {
    return ConfusionMatrix.of(actual, predicted, classes).recall(average);
  }

  /** @return the averaged F1 */
  public static double f1(int[] actual, int[] predicted, int classes, Average average) {
    return ConfusionMatrix.of(actual, predicted, classes).f1(average);
  }

  /** @return the Matthews correlation coefficient, 0 when undefined */
  public static double matthewsCorrelation(int[] actual, int[] predicted) {
    return ConfusionMatrix.of(actual, predicted, classesOf(actual, predicted)).matthewsCorrelation();
  }

  /**
   * One-vs-rest ROC AUC: the binary AUC of each class's probability column against the rest,
   * averaged; scikit-learn's {@code roc_auc_score(..., multi_class="ovr")}. Rows need not sum to
   * one (scikit-learn insists they do).
   *
   * @param probabilities one row per example, one column per class; at least two columns
   * @param actual class indices in [0, columns)
   * @param average {@link Average#MACRO} or {@link Average#WEIGHTED} (by prevalence)
   * @return the averaged AUC
   * @throws IllegalArgumentException if rows differ in width, a class never occurs in
   *     {@code actual} (its AUC is undefined), a score is NaN, or {@code average} is MICRO
   */
  public static double rocAucOneVsRest(double[][] probabilities, int[] actual, Average average) {
    Objects.requireNonNull(average, "average");
    if (average == Average.MICRO) {
      throw new IllegalArgumentException("average must be MACRO or WEIGHTED for one-vs-rest ROC AUC but was: MICRO");
    }
    int k = width(probabilities, actual);
    double sum = 0;
    long n = actual.length;
    double[] column = new double[actual.length];
    int[] binary = new int[actual.length];
    for (int c = 0; c < k; c++) {
      long support = 0;
      for (int i = 0; i < actual.length; i++) {
        column[i] = probabilities[i][c];
        binary[i] = actual[i] == c ? 1 : 0;
        support += binary[i];
      }
      if (support == 0) {
        throw new IllegalArgumentException("class " + c + " never occurs in actual; its one-vs-rest ROC AUC is undefined");
      }
      double auc = BinaryMetrics.rocAuc(column, binary);
      sum += average == Average.MACRO ? auc : auc * support / n;
    }
    return average == Average.MACRO ? sum / k : sum;
  }

  /**
   * Multi-class log loss with each probability clipped to [eps, 1 - eps] (eps =
   * {@link BinaryMetrics#LOG_LOSS_EPSILON}) and rows renormalised, as scikit-learn's
   * {@code log_loss} with {@code labels=range(k)}.
   *
   * @param probabilities one row per example, one column per class, each in [0, 1]
   * @param actual class indices in [0, columns)
   * @return the mean log loss in nats
   * @throws IllegalArgumentException on ragged rows, a probability outside [0, 1], or a bad index
   */
  public static double logLoss(double[][] probabilities, int[] actual) {
    int k = width(probabilities, actual);
    double eps = BinaryMetrics.LOG_LOSS_EPSILON;
    double[] losses = new double[actual.length];
    for (int i = 0; i < actual.length; i++) {
      double total = 0;
      double mine = 0;
      for (int c = 0; c < k; c++) {
        double p = probabilities[i][c];
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException("probabilities[" + i + "][" + c + "] must be in [0, 1] but was: " + p);
        }
        double clipped = Math.min(Math.max(p, eps), 1 - eps);
        total += clipped;
        if (c == actual[i]) {
          mine = clipped;
        }
      }
      losses[i] = -Math.log(mine / total);
    }
    return Inputs.mean(losses);
  }

  private static int width(double[][] probabilities, int[] actual) {
    Objects.requireNonNull(probabilities, "probabilities");
    Objects.requireNonNull(actual, "actual");
    Inputs.sameLength("probabilities", probabilities.length, "actual", actual.length);
    Inputs.nonEmpty("probabilities", probabilities.length);
    int k = probabilities[0].length;
    if (k < 2) {
      throw new IllegalArgumentException("probabilities must have at least 2 columns but had " + k);
    }
    for (int i = 0; i < probabilities.length; i++) {
      if (probabilities[i].length != k) {
        throw new IllegalArgumentException("probabilities[" + i + "] has " + probabilities[i].length
            + " columns but row 0 has " + k);
      }
    }
    Inputs.classLabels("actual", actual, k);
    return k;
  }

  private static int classesOf(int[] actual, int[] predicted) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(predicted, "predicted");
    int max = 1;
    for (int a : actual) {
      max = Math.max(max, a);
    }
    for (int p : predicted) {
      max = Math.max(max, p);
    }
    return max + 1;
  }
}
