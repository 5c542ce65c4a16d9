package dev.mlsys.monitor.stream;

import java.util.Objects;

/**
 * The tabular CUSUM control chart (Page 1954), as River's {@code drift.CUSUM}: the reference mean
 * and standard deviation are estimated over the first {@code minInstances} values and frozen; then
 * S+ = max(0, S+ + (x - mu - k)) and S- = max(0, S- - (x - mu + k)) with slack k and decision
 * interval h both in units of that standard deviation. No warning zone.
 */
final class Cusum extends AbstractDetector {
  private final int minInstances;
  private final double slack;
  private final double threshold;
  private final ChangeDirection direction;
  private final RunningMean mean = new RunningMean();
  private double varianceS;
  private long n;
  private double sumIncrease;
  private double sumDecrease;
  private boolean frozen;
  private double reference;
  private double sigma;

  Cusum(int minInstances, double slack, double threshold, ChangeDirection direction) {
    require(minInstances >= 1, "minInstances must be >= 1 but was: " + minInstances);
    require(slack >= 0, "slack must be >= 0 but was: " + fmt(slack));
    require(threshold > 0, "threshold must be > 0 but was: " + fmt(threshold));
    this.minInstances = minInstances;
    this.slack = slack;
    this.threshold = threshold;
    this.direction = Objects.requireNonNull(direction, "direction");
    resetState();
  }

  @Override
  public String name() {
    return "cusum(minInstances=" + minInstances + ", slack=" + fmt(slack) + ", threshold=" + fmt(threshold)
        + ", direction=" + direction + ")";
  }

  @Override
  void resetState() {
    mean.clear();
    varianceS = 0;
    n = 0;
    sumIncrease = 0.0;
    sumDecrease = 0.0;
    frozen = false;
    reference = 0;
    sigma = 0;
  }

  @Override
  DriftState step(double x) {
    n++;
    // River keeps a Mean and a Var (whose own Mean is updated identically): one Welford pass here
    double meanOld = mean.mean;
    mean.update(x);
    varianceS += (x - meanOld) * (x - mean.mean);
    if (n < minInstances) {
      return DriftState.STABLE;
    }
    if (!frozen) {
      frozen = true;
      reference = mean.mean;
      double variance = mean.n > 1 ? varianceS / (mean.n - 1) : 0.0;
      sigma = Math.sqrt(Math.max(variance, 0.0));
    }
    double k = slack * sigma;
    double limit = threshold * sigma;
    double deviation = x - reference;
    sumIncrease = Math.max(0.0, sumIncrease + deviation - k);
    sumDecrease = Math.max(0.0, sumDecrease - deviation - k);
    boolean drift = switch (direction) {
      case UP -> sumIncrease > limit;
      case DOWN -> sumDecrease > limit;
      case BOTH -> sumIncrease > limit || sumDecrease > limit;
    };
    return drift ? DriftState.DRIFT : DriftState.STABLE;
  }
}
