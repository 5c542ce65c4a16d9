package dev.mlsys.monitor.stream;

/**
 * DDM, the drift detection method of Gama, Medas, Castillo and Rodrigues (SBIA 2004), as River's
 * {@code drift.binary.DDM}: the running error rate p_i with s_i = sqrt(p_i (1 - p_i) / i); after
 * {@code warmStart} values, the minimum of p_i + s_i is tracked, and p_i + s_i above
 * p_min + w s_min is a warning, above p_min + d s_min a drift.
 */
final class Ddm extends AbstractDetector {
  private final int warmStart;
  private final double warningThreshold;
  private final double driftThreshold;
  private final RunningMean p = new RunningMean();
  private double pMin;
  private double sMin;
  private double psMin;

  Ddm(int warmStart, double warningThreshold, double driftThreshold) {
    require(warmStart >= 0, "warmStart must be >= 0 but was: " + warmStart);
    require(warningThreshold > 0, "warningThreshold must be > 0 but was: " + fmt(warningThreshold));
    require(driftThreshold >= warningThreshold, "driftThreshold (" + fmt(driftThreshold)
        + ") must be >= warningThreshold (" + fmt(warningThreshold) + ")");
    this.warmStart = warmStart;
    this.warningThreshold = warningThreshold;
    this.driftThreshold = driftThreshold;
    resetState();
  }

  @Override
  public String name() {
    return "ddm(warmStart=" + warmStart + ", warningThreshold=" + fmt(warningThreshold)
        + ", driftThreshold=" + fmt(driftThreshold) + ")";
  }

  @Override
  void check(double value) {
    checkBinary(value);
  }

  @Override
  void resetState() {
    p.clear();
    pMin = Double.POSITIVE_INFINITY;
    sMin = Double.POSITIVE_INFINITY;
    psMin = Double.POSITIVE_INFINITY;
  }

  @Override
  DriftState step(double x) {
    p.update(x);
    double pi = p.mean;
    double n = p.n;
    double si = Math.sqrt(pi * (1 - pi) / n);
    if (n > warmStart) {
      if (pi + si <= psMin) {
        pMin = pi;
        sMin = si;
        psMin = pMin + sMin;
      }
      if (pi + si > pMin + driftThreshold * sMin) {
        return DriftState.DRIFT;
      }
      if (pi + si > pMin + warningThreshold * sMin) {
        return DriftState.WARNING;
      }
    }
    return DriftState.STABLE;
  }
}
