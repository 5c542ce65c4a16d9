package dev.mlsys.monitor.stream;

/**
 * HDDM_A, drift detection with Hoeffding's bound on moving averages (Frías-Blanco et al., IEEE
 * TKDE 27(3), 2015, section 4.1), as River's {@code drift.binary.HDDM_A}: the cut point tracking
 * the minimum (and, two-sided, maximum) of the mean plus its Hoeffding bound, and a test of the
 * mean since the cut point against the bound at the drift and warning confidences. Values are
 * expected in [0, 1] (the bound assumes bounded values): 1 an error, 0 a correct prediction.
 */
final class HddmA extends AbstractDetector {
  private final double driftConfidence;
  private final double warningConfidence;
  private final boolean twoSided;
  private final RunningMean xMin = new RunningMean();
  private final RunningMean xMax = new RunningMean();
  private final RunningMean z = new RunningMean();
  // logarithms of the confidences, computed once (the same values River computes per update)
  private final double logInverseDrift;
  private final double logTwoOverDrift;
  private final double logTwoOverWarning;

  HddmA(double driftConfidence, double warningConfidence, boolean twoSided) {
    require(driftConfidence > 0 && driftConfidence < 1, "driftConfidence must be in (0, 1) but was: " + fmt(driftConfidence));
    require(warningConfidence > 0 && warningConfidence < 1,
        "warningConfidence must be in (0, 1) but was: " + fmt(warningConfidence));
    this.driftConfidence = driftConfidence;
    this.warningConfidence = warningConfidence;
    this.twoSided = twoSided;
    this.logInverseDrift = Math.log(1.0 / driftConfidence);
    this.logTwoOverDrift = Math.log(2.0 / driftConfidence);
    this.logTwoOverWarning = Math.log(2.0 / warningConfidence);
    resetState();
  }

  @Override
  public String name() {
    return "hddm_a(driftConfidence=" + fmt(driftConfidence) + ", warningConfidence=" + fmt(warningConfidence)
        + ", twoSided=" + twoSided + ")";
  }

  @Override
  void check(double value) {
    checkUnit(value);
  }

  @Override
  void resetState() {
    xMin.clear();
    xMax.clear();
    z.clear();
  }

  private double hoeffding(double n) {
    return Math.sqrt(1.0 / (2 * n) * logInverseDrift);
  }

  @Override
  DriftState step(double x) {
    z.update(x);
    if (xMin.n == 0) {
      xMin.copyFrom(z);
    }
    if (xMax.n == 0) {
      xMax.copyFrom(z);
    }
    double epsZ = hoeffding(z.n);
    double epsX = hoeffding(xMin.n);
    if (xMin.mean + epsX >= z.mean + epsZ) {
      xMin.copyFrom(z);
    }
    epsX = hoeffding(xMax.n);
    if (xMax.mean - epsX <= z.mean - epsZ) {
      xMax.copyFrom(z);
    }
    boolean drift = false;
    boolean warning = false;
    if (meanIncreased(logTwoOverDrift)) {
      drift = true;
    } else if (meanIncreased(logTwoOverWarning)) {
      warning = true;
    }
    if (twoSided) {
      if (meanDecreased(logTwoOverDrift)) {
        drift = true;
      } else if (meanDecreased(logTwoOverWarning)) {
        warning = true;
      }
    }
    return drift ? DriftState.DRIFT : warning ? DriftState.WARNING : DriftState.STABLE;
  }

  /** @param logTwoOverConfidence log(2 / confidence) */
  private boolean meanIncreased(double logTwoOverConfidence) {
    if (xMin.n == z.n) {
      return false;
    }
    double m = (z.n - xMin.n) / xMin.n * (1.0 / z.n);
    double eps = Math.sqrt(m / 2 * logTwoOverConfidence);
    return z.mean - xMin.mean >= eps;
  }

  private boolean meanDecreased(double logTwoOverConfidence) {
    if (xMax.n == z.n) {
      return false;
    }
    double m = (z.n - xMax.n) / xMax.n * (1.0 / z.n);
    double eps = Math.sqrt(m / 2 * logTwoOverConfidence);
    return xMax.mean - z.mean >= eps;
  }
}
