package dev.mlsys.monitor.stream;

/**
 * EDDM, the early drift detection method of Baena-García et al. (2006), as River's
 * {@code drift.binary.EDDM}: the mean p' and standard deviation s' (sample, ddof 1) of the
 * distance between consecutive errors; p' + 2 s' is compared with its maximum, and once more than
 * {@code warmStart} values and more than {@code warmStart} errors were seen, a ratio below alpha
 * is a warning and below beta a drift. The warning flag, as in River, changes only on errors.
 */
final class Eddm extends AbstractDetector {
  private final int warmStart;
  private final double alpha;
  private final double beta;
  private final RunningMean distanceMean = new RunningMean();
  private double distanceS;
  private long n;
  private long lastError;
  private long errors;
  private double p2sMax;
  private boolean warning;

  Eddm(int warmStart, double alpha, double beta) {
    require(warmStart >= 0, "warmStart must be >= 0 but was: " + warmStart);
    require(alpha > 0 && alpha <= 1, "alpha must be in (0, 1] but was: " + fmt(alpha));
    require(beta > 0 && beta <= alpha, "beta (" + fmt(beta) + ") must be in (0, alpha = " + fmt(alpha) + "]");
    this.warmStart = warmStart;
    this.alpha = alpha;
    this.beta = beta;
    resetState();
  }

  @Override
  public String name() {
    return "eddm(warmStart=" + warmStart + ", alpha=" + fmt(alpha) + ", beta=" + fmt(beta) + ")";
  }

  @Override
  void check(double value) {
    checkBinary(value);
  }

  @Override
  void resetState() {
    distanceMean.clear();
    distanceS = 0;
    n = 0;
    lastError = 0;
    errors = 0;
    p2sMax = -1;
    warning = false;
  }

  @Override
  DriftState step(double x) {
    n++;
    boolean drift = false;
    if (x == 1.0) {
      errors++;
      double distance = n - lastError;
      double meanOld = distanceMean.mean;
      distanceMean.update(distance);
      distanceS += (distance - meanOld) * (distance - distanceMean.mean);
      if (n > warmStart) {
        double piPrime = distanceMean.mean;
        double variance = distanceMean.n > 1 ? distanceS / (distanceMean.n - 1) : 0.0;
        double siPrime = Math.sqrt(variance);
        double p2s = piPrime + 2 * siPrime;
        if (p2s > p2sMax) {
          p2sMax = p2s;
        } else if (errors > warmStart) {
          double level = p2s / p2sMax;
          if (level < beta) {
            drift = true;
          } else {
            warning = level < alpha;
          }
        }
      }
      lastError = n;
    }
    return drift ? DriftState.DRIFT : warning ? DriftState.WARNING : DriftState.STABLE;
  }
}
