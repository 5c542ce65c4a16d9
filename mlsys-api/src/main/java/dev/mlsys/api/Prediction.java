package dev.mlsys.api;

import java.util.Map;
import java.util.Objects;

/**
 * What a model said about one row: the predicted label (classification) or value (regression),
 * class probabilities in the order the model gave them (serving reorders them to the schema's
 * label order), the model version that answered, whether the probabilities were calibrated, and
 * where the answer came from.
 *
 * <pre>{@code
 * Prediction p = Prediction.of("yes", Map.of("no", 0.2, "yes", 0.8));
 * double pYes = p.probability("yes");      // 0.8
 * }</pre>
 *
 * <p>Thread-safety: immutable; the probability map is an unmodifiable copy.
 *
 * @param label the predicted class, or {@code null} for a regression prediction
 * @param probabilities class to probability; empty for regression or score-less models
 * @param value the predicted value for regression, NaN for classification
 * @param modelVersion the version that answered, or {@code null} when not served
 * @param calibrated whether the probabilities went through a {@link Calibrator}
 * @param origin whether the answer came from the model, a cache or a fallback
 */
public record Prediction(String label, Map<String, Double> probabilities, double value, String modelVersion,
    boolean calibrated, Origin origin) {

  /** Where a served prediction came from. */
  public enum Origin {
    /** Computed by the model for this request. */
    MODEL,
    /** Served from a prediction cache; computed earlier by the same model version. */
    CACHE,
    /** Given by a fallback because the model failed or missed its deadline. */
    FALLBACK
  }

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a probability is outside [0, 1] or NaN, a class is null,
   *     or a classification has no label
   * @throws NullPointerException if {@code probabilities} or {@code origin} is null
   */
  public Prediction {
    Objects.requireNonNull(probabilities, "probabilities");
    Objects.requireNonNull(origin, "origin");
    probabilities = ClassProbabilities.copyOf(probabilities);
    if (label == null && Double.isNaN(value)) {
      throw new IllegalArgumentException("a prediction needs a label (classification) or a value (regression)");
    }
  }

  /**
   * @param label the predicted class
   * @param probabilities class to probability, each in [0, 1]; iteration order is kept
   * @return an uncalibrated classification from the model, with no version yet
   */
  public static Prediction of(String label, Map<String, Double> probabilities) {
    Objects.requireNonNull(label, "label");
    return new Prediction(label, probabilities, Double.NaN, null, false, Origin.MODEL);
  }

  /**
   * @param label the predicted class
   * @return a classification without probabilities (a hard classifier)
   */
  public static Prediction of(String label) {
    return of(label, Map.of());
  }

  /**
   * @param value the predicted value, not NaN
   * @return a regression prediction
   */
  public static Prediction ofValue(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("a regression value must not be NaN");
    }
    return new Prediction(null, ClassProbabilities.EMPTY, value, null, false, Origin.MODEL);
  }

  /**
   * @param cls a class name
   * @return its probability, or NaN if the prediction has none for that class
   */
  public double probability(String cls) {
    return ((ClassProbabilities) probabilities).probability(cls);
  }

  /** @return whether this is a regression prediction */
  public boolean isRegression() {
    return label == null;
  }

  /**
   * @param version the model version to stamp
   * @return a copy stamped with the version
   */
  public Prediction withModelVersion(String version) {
    return new Prediction(label, probabilities, value, version, calibrated, origin);
  }

  /**
   * @param newOrigin where the prediction came from
   * @return a copy with that origin
   */
  public Prediction withOrigin(Origin newOrigin) {
    return origin == newOrigin ? this : new Prediction(label, probabilities, value, modelVersion, calibrated, newOrigin);
  }

  /**
   * @param newLabel the label the calibrated probabilities point to
   * @param calibratedProbabilities class to calibrated probability
   * @return a copy with calibrated probabilities, flagged as calibrated
   */
  public Prediction withCalibrated(String newLabel, Map<String, Double> calibratedProbabilities) {
    return new Prediction(newLabel, calibratedProbabilities, value, modelVersion, true, origin);
  }
}
