package dev.mlsys.eval.calibration;

import dev.mlsys.eval.metrics.Proportions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How well probabilities are calibrated, with the binning convention stated, because libraries
 * disagree: bin i covers [e_i, e_i+1) and the last bin is closed; equal-width edges are i / B
 * (the default) and equal-mass edges are quantiles of the probabilities (see {@link Binning}).
 *
 * <pre>{@code
 * double ece = CalibrationMetrics.expectedCalibrationError(probs, labels, 10);
 * ReliabilityDiagram d = CalibrationMetrics.reliabilityDiagram(probs, labels, 10, Binning.EQUAL_MASS);
 * }</pre>
 *
 * <p>Pure functions: thread-safe; arguments are not modified.
 */
public final class CalibrationMetrics {
  private CalibrationMetrics() {}

  /**
   * Expected calibration error with equal-width bins: the sum over non-empty bins of
   * (bin size / n) |mean label - mean probability| (Naeini, Cooper and Hauskrecht 2015).
   *
   * @param probabilities probabilities of the positive class, each in [0, 1]
   * @param labels 0/1 labels, same length
   * @param bins the number of bins, &gt;= 1
   * @return the ECE, in [0, 1]
   * @throws IllegalArgumentException if lengths differ, the input is empty, a probability is
   *     outside [0, 1], a label is not 0/1 or bins &lt; 1
   */
  public static double expectedCalibrationError(double[] probabilities, int[] labels, int bins) {
    return reliabilityDiagram(probabilities, labels, bins, Binning.EQUAL_WIDTH).expectedCalibrationError();
  }

  /**
   * @return the expected calibration error with the given binning; arguments as
   *     {@link #expectedCalibrationError(double[], int[], int)}
   */
  public static double expectedCalibrationError(double[] probabilities, int[] labels, int bins, Binning binning) {
    return reliabilityDiagram(probabilities, labels, bins, binning).expectedCalibrationError();
  }

  /**
   * @return the largest |mean label - mean probability| over non-empty equal-width bins;
   *     arguments as {@link #expectedCalibrationError(double[], int[], int)}
   */
  public static double maximumCalibrationError(double[] probabilities, int[] labels, int bins) {
    return reliabilityDiagram(probabilities, labels, bins, Binning.EQUAL_WIDTH).maximumCalibrationError();
  }

  /**
   * @param probabilities probabilities of the positive class, each in [0, 1]
   * @param labels 0/1 labels, same length
   * @param bins the number of bins, &gt;= 1
   * @param binning equal-width or equal-mass edges
   * @return every bin with its counts, means and a Wilson interval of the share of positives
   * @throws IllegalArgumentException as {@link #expectedCalibrationError(double[], int[], int)}
   */
  public static ReliabilityDiagram reliabilityDiagram(double[] probabilities, int[] labels, int bins, Binning binning) {
    Checks.fitInput(probabilities, labels);
    Checks.probabilities("probabilities", probabilities);
    Checks.bins(bins);
    Objects.requireNonNull(binning, "binning");
    double[] edges = binning.edges(bins, probabilities);
    long[] counts = new long[bins];
    long[] positives = new long[bins];
    double[] sums = new double[bins];
    for (int i = 0; i < probabilities.length; i++) {
      int b = Binning.bin(edges, probabilities[i]);
      counts[b]++;
      positives[b] += labels[i];
      sums[b] += probabilities[i];
    }
    List<ReliabilityBin> out = new ArrayList<>(bins);
    for (int b = 0; b < bins; b++) {
      double mean = counts[b] == 0 ? Double.NaN : sums[b] / counts[b];
      double fraction = counts[b] == 0 ? Double.NaN : (double) positives[b] / counts[b];
      out.add(new ReliabilityBin(b, edges[b], edges[b + 1], counts[b], mean, fraction,
          Proportions.wilson(positives[b], counts[b], 0.95)));
    }
    return new ReliabilityDiagram(out, binning, probabilities.length);
  }
}
