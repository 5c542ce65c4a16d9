package dev.mlsys.eval.calibration;

/**
 * A way of fitting a multi-class calibrator, from {@link Calibrators#temperature()} or
 * {@link Calibrators#oneVsRest(CalibrationMethod)}. Immutable and thread-safe.
 *
 * @param <C> the fitted calibrator
 */
public interface MulticlassCalibrationMethod<C extends MulticlassCalibrator> {

  /**
   * @param scores one row per example, one column per class (at least two)
   * @param labels class indices in [0, columns)
   * @return the fitted calibrator
   * @throws IllegalArgumentException on ragged rows, non-finite scores, bad labels or empty input
   */
  C fit(double[][] scores, int[] labels);
}
