package dev.mlsys.serving;

import dev.mlsys.api.Calibrator;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.RowTransform;
import dev.mlsys.api.VectorPredictor;
import java.util.Objects;

/**
 * What a {@link PredictionService} serves as one version: a row {@link Predictor}, or a fitted
 * {@link RowTransform} followed by a {@link VectorPredictor}, with the calibrator fitted for it.
 * A model without a calibrator of its own uses the service's (see
 * {@link PredictionService.Builder#calibrator(Calibrator)}); {@link #withoutCalibration()}
 * opts out of that.
 *
 * <pre>{@code
 * ServedModel v2 = ServedModel.of(pipeline, forest).withCalibrator(isotonic);
 * service.deploy("v2", v2);
 * }</pre>
 *
 * <p>Immutable; every {@code with...} method returns a copy.
 */
public final class ServedModel {
  private enum Calibration { INHERIT, OWN, NONE }

  private final Predictor predictor;
  private final String description;
  private final Calibration calibration;
  private final Calibrator calibrator;

  private ServedModel(Predictor predictor, String description, Calibration calibration, Calibrator calibrator) {
    this.predictor = predictor;
    this.description = description;
    this.calibration = calibration;
    this.calibrator = calibrator;
  }

  /**
   * @param predictor the model over validated rows
   * @return a served model that uses the service's calibrator, if any
   * @throws NullPointerException if the predictor is null
   */
  public static ServedModel of(Predictor predictor) {
    Objects.requireNonNull(predictor, "predictor");
    return new ServedModel(predictor, predictor.toString(), Calibration.INHERIT, null);
  }

  /**
   * @param transform the feature pipeline fitted at training time
   * @param model the model over the pipeline's vectors
   * @return a served model applying the transform, then the model
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the transform writes no features
   */
  public static ServedModel of(RowTransform transform, VectorPredictor model) {
    Objects.requireNonNull(transform, "transform");
    Objects.requireNonNull(model, "model");
    if (transform.outputWidth() < 1) {
      throw new IllegalArgumentException("transform must write at least 1 feature but writes "
          + transform.outputWidth());
    }
    return new ServedModel(transform.andThen(model), transform + " -> " + model, Calibration.INHERIT, null);
  }

  /**
   * @param calibrator the calibrator fitted for this model
   * @return a copy that calibrates with it
   * @throws NullPointerException if the calibrator is null
   */
  public ServedModel withCalibrator(Calibrator calibrator) {
    Objects.requireNonNull(calibrator, "calibrator");
    return new ServedModel(predictor, description, Calibration.OWN, calibrator);
  }

  /** @return a copy that serves the model's probabilities as they are, even if the service has a calibrator */
  public ServedModel withoutCalibration() {
    return new ServedModel(predictor, description, Calibration.NONE, null);
  }

  /** @return the row predictor (the transform and model composed, when built from both) */
  public Predictor predictor() {
    return predictor;
  }

  /**
   * @param serviceDefault the service's calibrator, or {@code null}
   * @return the calibrator this model is served with, or {@code null} for none
   */
  Calibrator calibrator(Calibrator serviceDefault) {
    switch (calibration) {
      case OWN:
        return calibrator;
      case NONE:
        return null;
      default:
        return serviceDefault;
    }
  }

  @Override
  public String toString() {
    return "ServedModel[" + description
        + (calibration == Calibration.OWN ? ", calibrator=" + calibrator : "")
        + (calibration == Calibration.NONE ? ", uncalibrated" : "") + "]";
  }
}
