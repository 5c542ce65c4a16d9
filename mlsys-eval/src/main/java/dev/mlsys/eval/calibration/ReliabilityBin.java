package dev.mlsys.eval.calibration;

import dev.mlsys.eval.metrics.Interval;

/**
 * One bin of a {@link ReliabilityDiagram}.
 *
 * <p>Immutable value.
 *
 * @param index the bin's position, 0-based
 * @param lower the bin's lower edge (inclusive)
 * @param upper the bin's upper edge (exclusive, inclusive for the last bin)
 * @param count rows in the bin
 * @param meanProbability the mean predicted probability in the bin; NaN when empty
 * @param fractionPositive the share of positives in the bin; NaN when empty
 * @param interval the 95 % Wilson interval of fractionPositive ([0, 1] when empty)
 */
public record ReliabilityBin(int index, double lower, double upper, long count, double meanProbability,
    double fractionPositive, Interval interval) {

  /** @return |fractionPositive - meanProbability|, the bin's calibration gap; NaN when empty */
  public double gap() {
    return Math.abs(fractionPositive - meanProbability);
  }
}
