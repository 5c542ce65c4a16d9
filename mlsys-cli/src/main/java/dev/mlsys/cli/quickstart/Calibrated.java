package dev.mlsys.cli.quickstart;

import dev.mlsys.eval.calibration.FittedCalibrator;

/**
 * The calibrator chosen for the best model.
 *
 * @param method "platt" or "isotonic"
 * @param calibrator the fitted calibrator, applied to the positive class's probability
 */
record Calibrated(String method, FittedCalibrator calibrator) {}
