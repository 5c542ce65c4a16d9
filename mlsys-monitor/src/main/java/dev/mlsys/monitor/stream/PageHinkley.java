package dev.mlsys.monitor.stream;

import java.util.Objects;

/**
 * The Page-Hinkley test (Page 1954), as River's {@code drift.PageHinkley}: cumulative deviations
 * from the running mean, faded by alpha and offset by the tolerance delta, compared with their
 * running extremes; a difference above the threshold lambda after {@code minInstances} values is
 * a drift. No warning zone.
 */
final class PageHinkley extends AbstractDetector {
  private final int minInstances;
  private final double delta;
  private final double threshold;
  private final double alpha;
  private final ChangeDirection direction;
  private final RunningMean mean = new RunningMean();
  private double sumIncrease;
  private double sumDecrease;
  private double minIncrease;
  private double maxDecrease;

  PageHinkley(int minInstances, double delta, double threshold, double alpha, ChangeDirection direction) {
    require(minInstances >= 1, "minInstances must be >= 1 but was: " + minInstances);
    require(delta >= 0, "delta must be >= 0 but was: " + fmt(delta));
    require(threshold > 0, "threshold must be > 0 but was: " + fmt(threshold));
    require(alpha > 0 && alpha <= 1, "alpha must be in (0, 1] but was: " + fmt(alpha));
    this.minInstances = minInstances;
    this.delta = delta;
    this.threshold = threshold;
    this.alpha = alpha;
    this.direction = Objects.requireNonNull(direction, "direction");
    resetState();
  }

  @Override
  public String name() {
    return "page-hinkley(minInstances=" + minInstances + ", delta=" + fmt(delta) + ", threshold=" + fmt(threshold)
        + ", alpha=" + fmt(alpha) + ", direction=" + direction + ")";
  }

  @Override
  void resetState() {
    mean.clear();
    sumIncrease = 0.0;
    sumDecrease = 0.0;
    minIncrease = Double.POSITIVE_INFINITY;
    maxDecrease = -1; // River's initial value
  }

  @Override
  DriftState step(double x) {
    mean.update(x);
    double dev = x - mean.mean;
    sumIncrease = alpha * sumIncrease + dev - delta;
    sumDecrease = alpha * sumDecrease + dev + delta;
    if (sumIncrease < minIncrease) {
      minIncrease = sumIncrease;
    }
    if (sumDecrease > maxDecrease) {
      maxDecrease = sumDecrease;
    }
    if (mean.n >= minInstances) {
      double testIncrease = sumIncrease - minIncrease;
      double testDecrease = maxDecrease - sumDecrease;
      boolean drift = switch (direction) {
        case UP -> testIncrease > threshold;
        case DOWN -> testDecrease > threshold;
        case BOTH -> testIncrease > threshold || testDecrease > threshold;
      };
      if (drift) {
        return DriftState.DRIFT;
      }
    }
    return DriftState.STABLE;
  }
}
