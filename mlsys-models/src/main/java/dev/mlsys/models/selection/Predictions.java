package dev.mlsys.models.selection;

import dev.mlsys.models.LabeledData;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;

/**
 * A model's predictions on a data set: the predicted class and class probabilities per example
 * (classification), or the predicted value (regression).
 *
 * @param classes predicted class index per example (empty for regression)
 * @param probabilities class probabilities per example (empty for regression)
 * @param values predicted value per example (empty for classification)
 */
public record Predictions(int[] classes, double[][] probabilities, double[] values) {

  static Predictions of(TrainedModel model, LabeledData data) {
    int n = data.size();
    if (model.task() == Task.REGRESSION) {
      double[][] o = model.outputs(data.rows());
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = o[i][0];
      }
      return new Predictions(new int[0], new double[0][], v);
    }
    int[] c = new int[n];
    double[][] p;
    if (!(model instanceof dev.mlsys.models.BaselineModel)) {
      // the most probable class, as TrainedModel.predict chooses it; baselines may draw instead
      p = model.outputs(data.rows());
      for (int i = 0; i < n; i++) {
        int best = 0;
        for (int k = 1; k < p[i].length; k++) {
          if (p[i][k] > p[i][best]) {
            best = k;
          }
        }
        c[i] = best;
      }
      return new Predictions(c, p, new double[0]);
    }
    p = new double[n][];
    for (int i = 0; i < n; i++) {
      dev.mlsys.api.Prediction pr = model.predict(data.features(i));
      p[i] = new double[model.classes().size()];
      for (int k = 0; k < p[i].length; k++) {
        p[i][k] = pr.probabilities().get(model.classes().get(k));
      }
      c[i] = model.classes().indexOf(pr.label());
    }
    return new Predictions(c, p, new double[0]);
  }
}
