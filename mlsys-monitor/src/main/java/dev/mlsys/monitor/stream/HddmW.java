package dev.mlsys.monitor.stream;

/**
 * HDDM_W, drift detection with McDiarmid's bound on exponentially weighted moving averages
 * (Frías-Blanco et al., IEEE TKDE 27(3), 2015, section 4.2), as River's
 * {@code drift.binary.HDDM_W}. Values are expected in [0, 1]: 1 an error, 0 a correct prediction.
 */
final class HddmW extends AbstractDetector {
  private final double driftConfidence;
  private final double warningConfidence;
  private final double lambda;
  private final boolean twoSided;
  private final Ewma total;
  private final Ewma s1Decr;
  private final Ewma s1Incr;
  private final Ewma s2Decr;
  private final Ewma s2Incr;
  private final double logInverseDrift;
  private final double logInverseWarning;
  private double incrCutpoint;
  private double decrCutpoint;

  /** River's SampleInfo: an exponentially weighted mean and its independent bound condition. */
  static final class Ewma {
    private final double lambda;
    private final double lambdaSq;
    private final double complementSq;
    double mean;
    boolean init;
    double ibc = 1.0;

    Ewma(double lambda) {
      this.lambda = lambda;
      this.lambdaSq = lambda * lambda;
      this.complementSq = (1 - lambda) * (1 - lambda);
    }

    void update(double x) {
      // River's EWMean starts from the first value: a mean of exactly 0 is treated as unset
      mean = mean != 0 ? lambda * x + (1.0 - lambda) * mean : x;
      init = true;
      ibc = lambdaSq + complementSq * ibc;
    }

    void copyFrom(Ewma o) {
      mean = o.mean;
      init = o.init;
      ibc = o.ibc;
    }

    void clear() {
      mean = 0;
      init = false;
      ibc = 1.0;
    }
  }

  HddmW(double driftConfidence, double warningConfidence, double lambda, boolean twoSided) {
    require(driftConfidence > 0 && driftConfidence < 1, "driftConfidence must be in (0, 1) but was: " + fmt(driftConfidence));
    require(warningConfidence > 0 && warningConfidence < 1,
        "warningConfidence must be in (0, 1) but was: " + fmt(warningConfidence));
    require(lambda > 0 && lambda <= 1, "lambda must be in (0, 1] but was: " + fmt(lambda));
    this.driftConfidence = driftConfidence;
    this.warningConfidence = warningConfidence;
    this.lambda = lambda;
    this.twoSided = twoSided;
    this.logInverseDrift = Math.log(1 / driftConfidence);
    this.logInverseWarning = Math.log(1 / warningConfidence);
    this.total = new Ewma(lambda);
    this.s1Decr = new Ewma(lambda);
    this.s1Incr = new Ewma(lambda);
    this.s2Decr = new Ewma(lambda);
    this.s2Incr = new Ewma(lambda);
    resetState();
  }

  @Override
  public String name() {
    return "hddm_w(driftConfidence=" + fmt(driftConfidence) + ", warningConfidence=" + fmt(warningConfidence)
        + ", lambda=" + fmt(lambda) + ", twoSided=" + twoSided + ")";
  }

  @Override
  void check(double value) {
    checkUnit(value);
  }

  @Override
  void resetState() {
    total.clear();
    s1Decr.clear();
    s1Incr.clear();
    s2Decr.clear();
    s2Incr.clear();
    incrCutpoint = Double.POSITIVE_INFINITY;
    decrCutpoint = Double.NEGATIVE_INFINITY;
  }

  /** McDiarmid's bound, given log(1 / confidence) (computed once per detector). */
  private static double mcdiarmid(double ibc, double logInverseConfidence) {
    return Math.sqrt(ibc * logInverseConfidence / 2);
  }

  @Override
  DriftState step(double x) {
    total.update(x);
    double eps = mcdiarmid(total.ibc, logInverseDrift);
    if (total.mean + eps < incrCutpoint) {
      incrCutpoint = total.mean + eps;
      s1Incr.copyFrom(total);
      s2Incr.clear();
    } else {
      s2Incr.update(x);
    }
    boolean drift = false;
    boolean warning = false;
    if (changed(s1Incr, s2Incr, logInverseDrift)) {
      drift = true;
    } else if (changed(s1Incr, s2Incr, logInverseWarning)) {
      warning = true;
    }
    eps = mcdiarmid(total.ibc, logInverseDrift);
    if (total.mean - eps > decrCutpoint) {
      decrCutpoint = total.mean - eps;
      s1Decr.copyFrom(total);
      s2Decr.clear();
    } else {
      s2Decr.update(x);
    }
    if (twoSided) {
      if (changed(s2Decr, s1Decr, logInverseDrift)) {
        drift = true;
      } else if (changed(s2Decr, s1Decr, logInverseWarning)) {
        warning = true;
      }
    }
    return drift ? DriftState.DRIFT : warning ? DriftState.WARNING : DriftState.STABLE;
  }

  private static boolean changed(Ewma sample1, Ewma sample2, double logInverseConfidence) {
    if (!(sample1.init && sample2.init)) {
      return false;
    }
    double bound = mcdiarmid(sample1.ibc + sample2.ibc, logInverseConfidence);
    return sample2.mean - sample1.mean > bound;
  }
}
