package dev.mlsys.eval.calibration;

import java.util.List;
import java.util.Objects;

/**
 * The data of a reliability diagram: per bin, the mean predicted probability against the observed
 * share of positives. Expected and maximum calibration error are read from it.
 *
 * <p>Immutable value.
 *
 * @param bins every bin, empty ones included, in order
 * @param binning how the edges were chosen
 * @param count the number of rows
 */
public record ReliabilityDiagram(List<ReliabilityBin> bins, Binning binning, long count) {

  /** Copies the bins. */
  public ReliabilityDiagram {
    bins = List.copyOf(bins);
    Objects.requireNonNull(binning, "binning");
  }

  /** @return sum over non-empty bins of (count / n) |fractionPositive - meanProbability| */
  public double expectedCalibrationError() {
    double ece = 0;
    for (ReliabilityBin b : bins) {
      if (b.count() > 0) {
        ece += (double) b.count() / count * b.gap();
      }
    }
    return ece;
  }

  /** @return the largest gap over non-empty bins */
  public double maximumCalibrationError() {
    double mce = 0;
    for (ReliabilityBin b : bins) {
      if (b.count() > 0) {
        mce = Math.max(mce, b.gap());
      }
    }
    return mce;
  }
}
