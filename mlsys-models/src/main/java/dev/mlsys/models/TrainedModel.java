package dev.mlsys.models;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.RowTransform;
import dev.mlsys.api.VectorPredictor;
import java.util.List;

/**
 * A trained model over dense feature vectors: one Tribuo model, a baseline, or an ensemble of
 * trained models. The set of kinds is closed so that code which reads models (artifacts, the
 * compiler of fast predictors) can walk every one of them with a {@code switch}:
 *
 * <pre>{@code
 * switch (model) {
 *   case TribuoModel t -> ...      // t.tribuoModel()
 *   case BaselineModel b -> ...    // b.strategy(), b.distribution()
 *   case EnsembleModel e -> ...    // e.members(), e.weights(), e.combiner()
 *   case StackingModel s -> ...    // s.bases(), s.meta()
 * }
 * }</pre>
 *
 * <p>Inputs are vectors in {@link #featureNames()} order; each value must be finite (missing
 * values are imputed by the feature pipeline). {@link #output(double[])} gives class
 * probabilities in {@link #classes()} order, or a single value for regression.
 *
 * <p>Thread-safety: every implementation is immutable and safe for concurrent use.
 */
public sealed interface TrainedModel extends VectorPredictor
    permits TribuoModel, BaselineModel, EnsembleModel, StackingModel {

  /** @return classification or regression */
  Task task();

  /** @return the input feature names, in vector order */
  List<String> featureNames();

  /** @return the classes in probability order; empty for regression */
  List<String> classes();

  /** @return a short description, such as {@code cart(maxDepth=6)} or {@code bagging(25 x cart)} */
  String name();

  /**
   * @param features a vector in {@link #featureNames()} order; not kept or changed
   * @return a new array: class probabilities in {@link #classes()} order (summing to 1), or a
   *     single predicted value for regression
   * @throws dev.mlsys.api.InvalidInputException if a value is not finite, naming the feature
   * @throws IllegalArgumentException if the vector has the wrong length
   */
  double[] output(double[] features);

  /**
   * The outputs of many vectors at once; models with a cheaper batch path (Tribuo's XGBoost builds
   * one native matrix per call) override it.
   *
   * @param rows vectors in {@link #featureNames()} order
   * @return one output per row, each as {@link #output(double[])} gives it
   */
  default double[][] outputs(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = output(rows[i]);
    }
    return out;
  }

  /**
   * @param features a vector in {@link #featureNames()} order
   * @return the most probable class (ties go to the earlier class) with every class probability,
   *     or the predicted value for regression
   */
  @Override
  default Prediction predict(double[] features) {
    return Outputs.toPrediction(this, output(features));
  }

  /**
   * @param transform the fitted transform from a row to this model's input vector
   * @return a thread-safe row predictor: the transform, then this model
   * @throws IllegalArgumentException if the transform's output names differ from
   *     {@link #featureNames()}
   */
  default Predictor onRows(RowTransform transform) {
    if (!transform.outputNames().equals(featureNames())) {
      throw new IllegalArgumentException("the transform writes features " + transform.outputNames()
          + " but the model reads " + featureNames());
    }
    return transform.andThen(this);
  }
}
