package dev.mlsys.eval.calibration;

/**
 * A way of fitting a binary calibrator, from {@link Calibrators}; {@code fit} learns the map from
 * scores of the positive class to probabilities.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @param <C> the fitted calibrator
 */
public interface CalibrationMethod<C extends FittedCalibrator> {

  /**
   * @param scores held-out scores of the positive class (never the training data of the model)
   * @param labels 0/1 labels, same length
   * @return the fitted calibrator
   * @throws IllegalArgumentException if lengths differ, the input is empty, a score is not
   *     finite or a label is not 0/1, or the method needs something more (documented per method)
   */
  C fit(double[] scores, int[] labels);

  /** @return the method's name as written in JSON: "platt", "isotonic", "histogram", "beta" */
  String name();
}
