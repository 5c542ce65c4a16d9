package dev.mlsys.models;

import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared checks and conversions of model outputs. */
final class Outputs {
  private Outputs() {}

  static void checkInput(TrainedModel model, double[] x) {
    List<String> names = model.featureNames();
    if (x == null) {
      throw new NullPointerException("features");
    }
    if (x.length != names.size()) {
      throw new IllegalArgumentException("model '" + model.name() + "' reads " + names.size() + " features but the vector has "
          + x.length);
    }
    for (int j = 0; j < x.length; j++) {
      if (!Double.isFinite(x[j])) {
        throw new InvalidInputException(List.of(new Violation(names.get(j), x[j], Rule.NOT_FINITE,
            "is not finite; missing values must be imputed by the feature pipeline before the model")));
      }
    }
  }

  static int argmax(double[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }

  static Prediction toPrediction(TrainedModel model, double[] out) {
    if (model.task() == Task.REGRESSION) {
      return Prediction.ofValue(out[0]);
    }
    return classification(model.classes(), out, argmax(out));
  }

  static Prediction classification(List<String> classes, double[] p, int label) {
    Map<String, Double> map = new LinkedHashMap<>(classes.size() * 2);
    for (int k = 0; k < p.length; k++) {
      map.put(classes.get(k), Math.min(1.0, Math.max(0.0, p[k])));
    }
    return Prediction.of(classes.get(label), map);
  }

  /** Normalises in place so the values sum to 1; all-zero becomes uniform. */
  static double[] normalize(double[] p) {
    double sum = 0;
    for (double v : p) {
      sum += v;
    }
    if (sum <= 0 || !Double.isFinite(sum)) {
      java.util.Arrays.fill(p, 1.0 / p.length);
      return p;
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /** Softmax in place, shifted by the maximum for stability. */
  static double[] softmax(double[] d) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : d) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int k = 0; k < d.length; k++) {
      d[k] = Math.exp(d[k] - max);
      sum += d[k];
    }
    for (int k = 0; k < d.length; k++) {
      d[k] /= sum;
    }
    return d;
  }
}
