package dev.mlsys.monitor.stats;

/**
 * The population stability index: B bins cut at the reference sample's quantiles i/B (i = 1..B-1,
 * linear interpolation as numpy's default {@code numpy.quantile}); the outer bins are open-ended,
 * so current values beyond the reference range fall in them; a value equal to a cut point goes to
 * the bin above it. Proportions are floored at 1e-4 (no renormalisation), then
 * PSI = sum (cur - ref) * ln(cur / ref).
 *
 * <p>A distance with no p-value. Conventional reading: below 0.1 no shift, 0.1 to 0.25 moderate,
 * above 0.25 major; 0.2 is a common alarm threshold (give it to {@code DriftMonitor.Builder.test}).
 * With heavy ties several cut points may coincide; their empty bins contribute zero. Assumptions:
 * none beyond independent samples; NaN, infinite or empty input is rejected.
 *
 * <p>Thread-safety: immutable.
 */
final class PopulationStabilityIndex implements NumericDriftTest {
  /** Proportions are floored at this value so that empty bins keep the logarithm finite. */
  static final double FLOOR = 1e-4;
  private final int bins;

  PopulationStabilityIndex(int bins) {
    if (bins < 2) {
      throw new IllegalArgumentException("bins must be >= 2 but was: " + bins);
    }
    this.bins = bins;
  }

  @Override
  public String name() {
    return "psi(" + bins + ")";
  }

  @Override
  public boolean hasPValue() {
    return false;
  }

  @Override
  public TestResult test(double[] reference, double[] current) {
    double[] a = Samples.sortedCopy(reference, "reference", 1);
    double[] b = Samples.sortedCopy(current, "current", 1);
    double[] cuts = new double[bins - 1];
    for (int i = 1; i < bins; i++) {
      cuts[i - 1] = quantile(a, (double) i / bins);
    }
    return new TestResult(name(), psi(proportionsAbove(a, cuts), proportionsAbove(b, cuts)), Double.NaN);
  }

  static double psi(double[] ref, double[] cur) {
    double s = 0;
    for (int i = 0; i < ref.length; i++) {
      double r = Math.max(ref[i], FLOOR);
      double c = Math.max(cur[i], FLOOR);
      s += (c - r) * Math.log(c / r);
    }
    return s;
  }

  /** Proportions in bins (-inf, c0), [c0, c1), ..., [c_last, inf) of a sorted sample. */
  static double[] proportionsAbove(double[] sorted, double[] cuts) {
    double[] out = new double[cuts.length + 1];
    int prev = 0;
    for (int i = 0; i < cuts.length; i++) {
      int next = BinnedDistance.lowerBound(sorted, cuts[i]);
      out[i] = (next - prev) / (double) sorted.length;
      prev = next;
    }
    out[cuts.length] = (sorted.length - prev) / (double) sorted.length;
    return out;
  }

  /** numpy.quantile(sorted, q), method 'linear', including numpy's two-sided interpolation. */
  static double quantile(double[] sorted, double q) {
    int n = sorted.length;
    double virtual = (n - 1) * q;
    if (virtual >= n - 1) {
      return sorted[n - 1];
    }
    if (virtual < 0) {
      return sorted[0];
    }
    int prev = (int) Math.floor(virtual);
    double gamma = virtual - prev;
    double a = sorted[prev];
    double b = sorted[prev + 1];
    double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }
}
