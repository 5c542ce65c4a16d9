package dev.mlsys.eval.metrics;

import java.util.Locale;
import java.util.Objects;

/** Argument checks shared by the metrics; every message names the argument, the value and the rule. */
final class Inputs {
  private Inputs() {}

  static void sameLength(String nameA, int a, String nameB, int b) {
    if (a != b) {
      throw new IllegalArgumentException(nameA + " and " + nameB + " must have the same length but had "
          + a + " and " + b);
    }
  }

  static void nonEmpty(String name, int length) {
    if (length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  /** @return the number of positives (label 1) */
  static int binaryLabels(int[] labels) {
    Objects.requireNonNull(labels, "labels");
    int positives = 0;
    for (int i = 0; i < labels.length; i++) {
      int y = labels[i];
      if (y != 0 && y != 1) {
        throw new IllegalArgumentException("labels[" + i + "] must be 0 or 1 but was: " + y);
      }
      positives += y;
    }
    return positives;
  }

  static void classLabels(String name, int[] labels, int classes) {
    Objects.requireNonNull(labels, name);
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(name + "[" + i + "] must be a class index in [0, " + classes
            + ") but was: " + labels[i]);
      }
    }
  }

  static void notNaN(String name, double[] values) {
    Objects.requireNonNull(values, name);
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must not be NaN");
      }
    }
  }

  static void finite(String name, double[] values) {
    Objects.requireNonNull(values, name);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite but was: " + values[i]);
      }
    }
  }

  static void probabilities(String name, double[] values) {
    Objects.requireNonNull(values, name);
    for (int i = 0; i < values.length; i++) {
      double p = values[i];
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(name + "[" + i + "] must be a probability in [0, 1] but was: " + p);
      }
    }
  }

  static void confidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1) but was: "
          + String.format(Locale.ROOT, "%s", confidence));
    }
  }

  /** Neumaier's compensated sum: exact to the last bit or two whatever n is. */
  static double sum(double[] values) {
    double sum = 0;
    double compensation = 0;
    for (double v : values) {
      double t = sum + v;
      if (Math.abs(sum) >= Math.abs(v)) {
        compensation += (sum - t) + v;
      } else {
        compensation += (v - t) + sum;
      }
      sum = t;
    }
    return sum + compensation;
  }

  static double mean(double[] values) {
    return sum(values) / values.length;
  }
}
