package dev.mlsys.models.selection;

import dev.mlsys.eval.metrics.Average;
import dev.mlsys.eval.metrics.BinaryMetrics;
import dev.mlsys.eval.metrics.ClassificationMetrics;
import dev.mlsys.eval.metrics.ConfusionMatrix;
import dev.mlsys.eval.metrics.RegressionMetrics;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Scores a model on labelled data: accuracy, macro F1, log loss and (binary) ROC AUC for
 * classification; RMSE, MAE and R^2 for regression. The metrics are mlsys-eval's
 * ({@link ClassificationMetrics}, {@link BinaryMetrics}, {@link RegressionMetrics}), which match
 * scikit-learn 1.2; a binary ROC AUC is NaN when the data holds one class only.
 *
 * <pre>{@code
 * ModelEvaluation e = Evaluation.of(model, test).against(Baselines.prior().fit(train));
 * double gain = e.gain().get(Metric.ACCURACY);     // accuracy above the baseline's
 * }</pre>
 *
 * <p>Thread-safety: immutable once built.
 */
public final class Evaluation {
  /** How far rounding may carry a probability outside [0, 1]. */
  private static final double ROUNDING = 1e-9;

  private final String model;
  private final Map<Metric, Double> metrics;
  private final Predictions predictions;
  private final LabeledData data;

  private Evaluation(String model, Map<Metric, Double> metrics, Predictions predictions, LabeledData data) {
    this.model = model;
    this.metrics = metrics;
    this.predictions = predictions;
    this.data = data;
  }

  /**
   * @param model a trained model
   * @param data labelled examples of the model's task and classes
   * @return the evaluation
   * @throws IllegalArgumentException if the data does not fit the model
   */
  public static Evaluation of(TrainedModel model, LabeledData data) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(data, "data");
    if (model.task() != data.task() || !model.classes().equals(data.classes())
        || !model.featureNames().equals(data.featureNames())) {
      throw new IllegalArgumentException("the data (" + data + ") does not fit model '" + model.name() + "'");
    }
    Predictions p = Predictions.of(model, data);
    return new Evaluation(model.name(), compute(p, data), p, data);
  }

  static Map<Metric, Double> compute(Predictions p, LabeledData data) {
    Map<Metric, Double> m = new EnumMap<>(Metric.class);
    if (data.task() == Task.CLASSIFICATION) {
      int[] y = data.classIndices();
      int k = data.classes().size();
      // one class is degenerate, but the data allows it; a confusion matrix needs two
      ConfusionMatrix cm = ClassificationMetrics.confusionMatrix(y, p.classes(), Math.max(2, k));
      m.put(Metric.ACCURACY, cm.accuracy());
      m.put(Metric.MACRO_F1, cm.f1(Average.MACRO));
      // with one class its probability is 1, which clips to 1 - eps and renormalises to 1: loss 0
      m.put(Metric.LOG_LOSS, k < 2 ? 0.0 : ClassificationMetrics.logLoss(probabilities(p.probabilities()), y));
      if (k == 2) {
        m.put(Metric.ROC_AUC, rocAuc(p.probabilities(), y));
      }
    } else {
      double[] y = data.targets();
      m.put(Metric.RMSE, RegressionMetrics.rootMeanSquaredError(y, p.values()));
      m.put(Metric.MAE, RegressionMetrics.meanAbsoluteError(y, p.values()));
      m.put(Metric.R2, RegressionMetrics.r2(y, p.values()));
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The ROC AUC of the second class's probability; NaN where one class is absent (a small fold), where it is undefined. */
  private static double rocAuc(double[][] probabilities, int[] y) {
    double[] scores = new double[y.length];
    int positives = 0;
    for (int i = 0; i < y.length; i++) {
      scores[i] = probabilities[i][1];
      positives += y[i];
    }
    return positives == 0 || positives == y.length ? Double.NaN : BinaryMetrics.rocAuc(scores, y);
  }

  /**
   * The probabilities with values that rounding put a few ulps outside [0, 1] (a sum of member
   * probabilities, a float32 softmax) moved onto the bound. Log loss clips them to [eps, 1 - eps]
   * anyway, so the value is unchanged; anything further out, or NaN, is left for the metric to
   * refuse.
   */
  private static double[][] probabilities(double[][] p) {
    double[][] out = p;
    for (int i = 0; i < p.length; i++) {
      for (int c = 0; c < p[i].length; c++) {
        double v = p[i][c];
        if ((v < 0 && v >= -ROUNDING) || (v > 1 && v <= 1 + ROUNDING)) {
          if (out == p) {
            out = p.clone();
          }
          if (out[i] == p[i]) {
            out[i] = p[i].clone();
          }
          out[i][c] = v < 0 ? 0 : 1;
        }
      }
    }
    return out;
  }

  /** @return every metric computed, in {@link Metric} order */
  public Map<Metric, Double> metrics() {
    return metrics;
  }

  /**
   * @param metric a metric
   * @return its value
   * @throws IllegalArgumentException if it was not computed for this task
   */
  public double get(Metric metric) {
    Double v = metrics.get(metric);
    if (v == null) {
      throw new IllegalArgumentException(metric.key() + " is not computed for this task; computed: " + metrics.keySet());
    }
    return v;
  }

  /** @return the model's name */
  public String model() {
    return model;
  }

  /** @return the model's predictions on the data */
  public Predictions predictions() {
    return predictions;
  }

  /**
   * @param baseline a baseline model fitted on the same training data
   * @return this evaluation with the baseline's metrics and the gain over it
   */
  public ModelEvaluation against(TrainedModel baseline) {
    Evaluation b = of(baseline, data);
    Map<Metric, Double> gain = new EnumMap<>(Metric.class);
    for (Map.Entry<Metric, Double> e : metrics.entrySet()) {
      double base = b.metrics.get(e.getKey());
      gain.put(e.getKey(), e.getKey().higherIsBetter() ? e.getValue() - base : base - e.getValue());
    }
    return new ModelEvaluation(model, baseline.name(), metrics, b.metrics, java.util.Collections.unmodifiableMap(gain));
  }

  @Override
  public String toString() {
    return "Evaluation[" + model + ", " + metrics + "]";
  }
}
