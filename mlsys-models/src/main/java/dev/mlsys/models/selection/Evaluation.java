package dev.mlsys.models.selection;

import dev.mlsys.models.LabeledData;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Scores a model on labelled data: accuracy, macro F1, log loss and (binary) ROC AUC for
 * classification; RMSE, MAE and R^2 for regression. The formulas match scikit-learn 1.2.
 *
 * <pre>{@code
 * ModelEvaluation e = Evaluation.of(model, test).against(Baselines.prior().fit(train));
 * double gain = e.gain().get(Metric.ACCURACY);     // accuracy above the baseline's
 * }</pre>
 *
 * <p>Thread-safety: immutable once built.
 */
public final class Evaluation {
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
      m.put(Metric.ACCURACY, Scores.accuracy(y, p.classes()));
      m.put(Metric.MACRO_F1, Scores.macroF1(y, p.classes(), data.classes().size()));
      m.put(Metric.LOG_LOSS, Scores.logLoss(y, p.probabilities()));
      if (data.classes().size() == 2) {
        double[] s = new double[y.length];
        boolean[] pos = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
          s[i] = p.probabilities()[i][1];
          pos[i] = y[i] == 1;
        }
        m.put(Metric.ROC_AUC, Scores.rocAuc(s, pos));
      }
    } else {
      double[] y = data.targets();
      m.put(Metric.RMSE, Scores.rmse(y, p.values()));
      m.put(Metric.MAE, Scores.mae(y, p.values()));
      m.put(Metric.R2, Scores.r2(y, p.values()));
    }
    return java.util.Collections.unmodifiableMap(m);
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
