package dev.mlsys.eval.calibration;

/**
 * A fitted multi-class calibrator: maps one row's class scores to calibrated probabilities that
 * sum to one. Immutable, thread-safe and JSON round-trippable
 * ({@link Calibrators#multiclassFromJson(String)}).
 */
public sealed interface MulticlassCalibrator permits TemperatureScaling, OneVsRestCalibration {

  /**
   * @param scores one row's scores (logits for temperature scaling, per-class scores for
   *     one-vs-rest), one per class
   * @return calibrated probabilities, a new array summing to one
   * @throws IllegalArgumentException if the number of scores is not the number of classes or a
   *     score is NaN
   */
  double[] calibrate(double[] scores);

  /** @return the number of classes */
  int classes();

  /** @return the method's name: "temperature" or "one-vs-rest" */
  String method();

  /** @return JSON starting with {@code "format": "mlsys.calibrator"} and {@code "formatVersion"} */
  String toJson();
}
