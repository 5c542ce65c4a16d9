package dev.mlsys.api;

/**
 * Maps a binary classifier's score for the positive (second) class to a calibrated probability.
 * Any lambda is a calibrator: {@code Calibrator identity = s -> s;}
 *
 * <p>Thread-safety: implementations must be safe for concurrent use and cheap (serving applies
 * them on every request).
 */
@FunctionalInterface
public interface Calibrator {

  /**
   * @param score the model's score or uncalibrated probability of the positive class
   * @return the calibrated probability, in [0, 1]
   */
  double calibrate(double score);

  /**
   * Calibrates many scores.
   *
   * @param scores scores of the positive class
   * @return calibrated probabilities, a new array of the same length
   */
  default double[] calibrateAll(double[] scores) {
    double[] out = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      out[i] = calibrate(scores[i]);
    }
    return out;
  }
}
