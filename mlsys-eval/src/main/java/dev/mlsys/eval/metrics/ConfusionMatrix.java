package dev.mlsys.eval.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts of actual class (row) against predicted class (column), with the metrics that follow
 * from them. Rows and columns are in the order of {@link #classes()}; the layout is
 * scikit-learn's {@code confusion_matrix}, and every metric equals scikit-learn 1.2's with
 * {@code zero_division=0} (a ratio with a zero denominator is 0).
 *
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.of(actual, predicted, 3);
 * double macroF1 = cm.f1(Average.MACRO);
 * double mcc = cm.matthewsCorrelation();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfusionMatrix {
  private final List<String> classes;
  private final long[][] counts;
  private final long[] support;
  private final long[] predictedCounts;
  private final long total;

  private ConfusionMatrix(List<String> classes, long[][] counts) {
    this.classes = classes;
    this.counts = counts;
    int k = classes.size();
    this.support = new long[k];
    this.predictedCounts = new long[k];
    long n = 0;
    for (int a = 0; a < k; a++) {
      for (int p = 0; p < k; p++) {
        support[a] += counts[a][p];
        predictedCounts[p] += counts[a][p];
        n += counts[a][p];
      }
    }
    this.total = n;
  }

  /**
   * @param actual actual class indices in [0, classes)
   * @param predicted predicted class indices in [0, classes), same length
   * @param classes the number of classes, &gt;= 2; the classes are named "0", "1", ...
   * @return the confusion matrix
   * @throws IllegalArgumentException if lengths differ, the input is empty, or an index is out of
   *     range
   */
  public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2 but was: " + classes);
    }
    Inputs.classLabels("actual", actual, classes);
    Inputs.classLabels("predicted", predicted, classes);
    Inputs.sameLength("actual", actual.length, "predicted", predicted.length);
    Inputs.nonEmpty("actual", actual.length);
    long[][] counts = new long[classes][classes];
    for (int i = 0; i < actual.length; i++) {
      counts[actual[i]][predicted[i]]++;
    }
    String[] names = new String[classes];
    for (int c = 0; c < classes; c++) {
      names[c] = Integer.toString(c);
    }
    return new ConfusionMatrix(List.of(names), counts);
  }

  /**
   * @param actual actual labels, each one of {@code classes}
   * @param predicted predicted labels, each one of {@code classes}, same size
   * @param classes the class names in row / column order, at least two, distinct
   * @return the confusion matrix
   * @throws IllegalArgumentException if sizes differ, the input is empty, or a label is not one of
   *     the classes
   */
  public static ConfusionMatrix of(List<String> actual, List<String> predicted, List<String> classes) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(predicted, "predicted");
    List<String> names = List.copyOf(classes);
    if (names.size() < 2) {
      throw new IllegalArgumentException("classes must hold at least 2 names but held " + names.size());
    }
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < names.size(); c++) {
      if (index.put(names.get(c), c) != null) {
        throw new IllegalArgumentException("classes must be distinct but '" + names.get(c) + "' appears twice");
      }
    }
    Inputs.sameLength("actual", actual.size(), "predicted", predicted.size());
    Inputs.nonEmpty("actual", actual.size());
    long[][] counts = new long[names.size()][names.size()];
    for (int i = 0; i < actual.size(); i++) {
      counts[position(index, "actual", i, actual.get(i), names)][position(index, "predicted", i, predicted.get(i), names)]++;
    }
    return new ConfusionMatrix(names, counts);
  }

  private static int position(Map<String, Integer> index, String what, int i, String label, List<String> names) {
    Integer c = index.get(label);
    if (c == null) {
      throw new IllegalArgumentException(what + "[" + i + "] is '" + label + "', which is not one of the classes " + names);
    }
    return c;
  }

  /** @return the class names in row and column order */
  public List<String> classes() {
    return classes;
  }

  /**
   * @param actual row: the actual class index
   * @param predicted column: the predicted class index
   * @return how many rows of that actual class were predicted as that class
   */
  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  /** @return a copy of the counts, [actual][predicted] */
  public long[][] toArray() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /** @return the number of rows counted */
  public long total() {
    return total;
  }

  /** @param c a class index @return rows whose actual class is c */
  public long support(int c) {
    return support[c];
  }

  /** @return the share of rows predicted correctly */
  public double accuracy() {
    long correct = 0;
    for (int c = 0; c < counts.length; c++) {
      correct += counts[c][c];
    }
    return (double) correct / total;
  }

  /**
   * @return the mean of per-class recall over classes with support, as scikit-learn's
   *     {@code balanced_accuracy_score}
   */
  public double balancedAccuracy() {
    double sum = 0;
    int present = 0;
    for (int c = 0; c < counts.length; c++) {
      if (support[c] > 0) {
        sum += (double) counts[c][c] / support[c];
        present++;
      }
    }
    return sum / present;
  }

  /** @param c a class index @return tp / (tp + fp) for class c, 0 if it was never predicted */
  public double precision(int c) {
    return ratio(counts[c][c], predictedCounts[c]);
  }

  /** @param c a class index @return tp / (tp + fn) for class c, 0 if it has no support */
  public double recall(int c) {
    return ratio(counts[c][c], support[c]);
  }

  /** @param c a class index @return the harmonic mean of precision and recall, 0 if both are 0 */
  public double f1(int c) {
    return f1(precision(c), recall(c));
  }

  /** @param average how classes are combined @return the averaged precision */
  public double precision(Average average) {
    return average(average, this::precision);
  }

  /** @param average how classes are combined @return the averaged recall */
  public double recall(Average average) {
    return average(average, this::recall);
  }

  /** @param average how classes are combined @return the averaged F1 (a mean of per-class F1 for MACRO and WEIGHTED) */
  public double f1(Average average) {
    if (average == Average.MICRO) {
      return f1(precision(Average.MICRO), recall(Average.MICRO));
    }
    return average(average, this::f1);
  }

  /**
   * Matthews correlation coefficient, in its multi-class form (Gorodkin 2004), which reduces to
   * the usual phi coefficient for two classes; 0 when it is undefined, as scikit-learn returns.
   *
   * @return the coefficient, in [-1, 1]
   */
  public double matthewsCorrelation() {
    double s = total;
    double c = 0;
    double tp = 0;
    double tt = 0;
    double pp = 0;
    for (int k = 0; k < counts.length; k++) {
      c += counts[k][k];
      tp += (double) support[k] * predictedCounts[k];
      tt += (double) support[k] * support[k];
      pp += (double) predictedCounts[k] * predictedCounts[k];
    }
    double covYtYp = c * s - tp;
    double covYpYp = s * s - pp;
    double covYtYt = s * s - tt;
    if (covYpYp * covYtYt == 0) {
      return 0;
    }
    return covYtYp / Math.sqrt(covYtYt * covYpYp);
  }

  private double average(Average average, java.util.function.IntToDoubleFunction perClass) {
    Objects.requireNonNull(average, "average");
    switch (average) {
      case MICRO: {
        long correct = 0;
        for (int c = 0; c < counts.length; c++) {
          correct += counts[c][c];
        }
        return ratio(correct, total);
      }
      case WEIGHTED: {
        double sum = 0;
        for (int c = 0; c < counts.length; c++) {
          sum += perClass.applyAsDouble(c) * support[c];
        }
        return sum / total;
      }
      case MACRO:
      default: {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.length; c++) {
          if (support[c] > 0 || predictedCounts[c] > 0) {
            sum += perClass.applyAsDouble(c);
            present++;
          }
        }
        return sum / present;
      }
    }
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static double f1(double precision, double recall) {
    double denominator = precision + recall;
    return denominator == 0 ? 0 : 2 * precision * recall / denominator;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix m && classes.equals(m.classes) && java.util.Arrays.deepEquals(counts, m.counts);
  }

  @Override
  public int hashCode() {
    return 31 * classes.hashCode() + java.util.Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ConfusionMatrix").append(classes).append('\n');
    for (long[] row : counts) {
      sb.append(java.util.Arrays.toString(row)).append('\n');
    }
    return sb.toString();
  }
}
