package dev.mlsys.eval.calibration;

import dev.mlsys.api.Calibrator;

/**
 * A fitted binary calibrator: an immutable, thread-safe {@link Calibrator} that is cheap to apply
 * (a few nanoseconds, no allocation) and round-trips through JSON
 * ({@link #toJson()}, {@link Calibrators#fromJson(String)}), so serving can load it.
 *
 * <p>{@link #calibrate(double)} throws {@link IllegalArgumentException} for a NaN score.
 */
public sealed interface FittedCalibrator extends Calibrator
    permits PlattScaling, IsotonicCalibration, HistogramBinning, BetaCalibration {

  /** @return the method's name: "platt", "isotonic", "histogram" or "beta" */
  String method();

  /**
   * @return JSON starting with {@code "format": "mlsys.calibrator"} and {@code "formatVersion"},
   *     holding every parameter bit for bit
   */
  String toJson();
}
