/**
 * Calibration: turning scores into probabilities that mean what they say, and measuring how far
 * they are from it.
 *
 * <p>Entry points: {@link dev.mlsys.eval.calibration.Calibrators} (Platt scaling and isotonic
 * regression matching scikit-learn, histogram binning, beta calibration, temperature scaling,
 * one-vs-rest; JSON round trip), {@link dev.mlsys.eval.calibration.CalibrationMetrics}
 * (reliability diagrams, expected and maximum calibration error with an explicit binning
 * convention) and {@link dev.mlsys.eval.calibration.ConfidenceCurve} (coverage / accuracy curve
 * and abstention thresholds).
 */
package dev.mlsys.eval.calibration;
