package dev.mlsys.monitor.stream;

/**
 * Static factories for the streaming drift detectors, with River's defaults and semantics: the
 * entry point of this package.
 *
 * <pre>{@code
 * DriftDetector ddm = DriftDetectors.ddm();            // feed 1 for an error, 0 for a correct prediction
 * DriftDetector ph = DriftDetectors.pageHinkley();     // feed any real-valued stream
 * }</pre>
 *
 * <table>
 *   <caption>Defaults (River: {@code river.drift} and {@code river.drift.binary})</caption>
 *   <tr><th>detector</th><th>input</th><th>defaults</th><th>warning zone</th></tr>
 *   <tr><td>ADWIN</td><td>real</td><td>delta 0.002, clock 32, maxBuckets 5, minWindowLength 5, gracePeriod 10</td><td>no</td></tr>
 *   <tr><td>DDM</td><td>0 / 1</td><td>warmStart 30, warningThreshold 2, driftThreshold 3</td><td>yes</td></tr>
 *   <tr><td>EDDM</td><td>0 / 1</td><td>warmStart 30, alpha 0.95, beta 0.9</td><td>yes</td></tr>
 *   <tr><td>Page-Hinkley</td><td>real</td><td>minInstances 30, delta 0.005, threshold 50, alpha 0.9999, both directions</td><td>no</td></tr>
 *   <tr><td>CUSUM</td><td>real</td><td>minInstances 30, slack 0.5, threshold 5 (reference standard deviations), both directions</td><td>no</td></tr>
 *   <tr><td>KSWIN</td><td>real</td><td>alpha 0.005, windowSize 100, statSize 30</td><td>no</td></tr>
 *   <tr><td>HDDM_A</td><td>[0, 1]</td><td>driftConfidence 0.001, warningConfidence 0.005, one-sided</td><td>yes</td></tr>
 *   <tr><td>HDDM_W</td><td>[0, 1]</td><td>driftConfidence 0.001, warningConfidence 0.005, lambda 0.05, one-sided</td><td>yes</td></tr>
 * </table>
 *
 * <p>After a {@link DriftState#DRIFT}, every detector resets its whole state at its next update,
 * as River does; warm-up counts (warmStart, minInstances, gracePeriod) start again from zero.
 * Where a warning and a drift would be raised by the same update (two-sided HDDM tests), the
 * state is {@link DriftState#DRIFT}.
 *
 * <p>Thread-safety: each call returns a new detector for a single thread.
 */
public final class DriftDetectors {
  private DriftDetectors() {}

  /** @return ADWIN with River's defaults (delta 0.002, clock 32, maxBuckets 5, minWindowLength 5, gracePeriod 10) */
  public static DriftDetector adwin() {
    return adwin(0.002);
  }

  /**
   * @param delta significance of the cut test, in (0, 1)
   * @return ADWIN with River's other defaults
   * @throws IllegalArgumentException if delta is outside (0, 1)
   */
  public static DriftDetector adwin(double delta) {
    return adwin(delta, 32, 5, 5, 10);
  }

  /**
   * @param delta significance of the cut test, in (0, 1)
   * @param clock test for a cut every {@code clock} updates, >= 1
   * @param maxBuckets buckets kept per size before merging, >= 2
   * @param minWindowLength smallest sub-window a cut may leave, >= 1
   * @param gracePeriod no test until the window holds more values than this, >= 0
   * @return ADWIN
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static DriftDetector adwin(double delta, int clock, int maxBuckets, int minWindowLength, int gracePeriod) {
    return new Adwin(delta, clock, maxBuckets, minWindowLength, gracePeriod);
  }

  /** @return DDM for a 0/1 error stream (warmStart 30, warningThreshold 2, driftThreshold 3) */
  public static DriftDetector ddm() {
    return ddm(30, 2.0, 3.0);
  }

  /**
   * @param warmStart values seen before a warning or drift can be raised, >= 0
   * @param warningThreshold multiple of s_min for the warning zone, > 0
   * @param driftThreshold multiple of s_min for a drift, >= warningThreshold
   * @return DDM for a 0/1 error stream
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static DriftDetector ddm(int warmStart, double warningThreshold, double driftThreshold) {
    return new Ddm(warmStart, warningThreshold, driftThreshold);
  }

  /** @return EDDM for a 0/1 error stream (warmStart 30, alpha 0.95, beta 0.9) */
  public static DriftDetector eddm() {
    return eddm(30, 0.95, 0.9);
  }

  /**
   * @param warmStart values and errors seen before a warning or drift can be raised, >= 0
   * @param alpha warning when (p' + 2s') / max falls below this, in (0, 1]
   * @param beta drift when the ratio falls below this, in (0, alpha]
   * @return EDDM for a 0/1 error stream
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static DriftDetector eddm(int warmStart, double alpha, double beta) {
    return new Eddm(warmStart, alpha, beta);
  }

  /** @return Page-Hinkley (minInstances 30, delta 0.005, threshold 50, alpha 0.9999, both directions) */
  public static DriftDetector pageHinkley() {
    return pageHinkley(30, 0.005, 50.0, 1 - 0.0001, ChangeDirection.BOTH);
  }

  /**
   * @param minInstances values seen before a drift can be raised, >= 1
   * @param delta tolerated deviation, >= 0
   * @param threshold detection threshold lambda, > 0
   * @param alpha forgetting factor of the cumulative sums, in (0, 1]
   * @param direction the changes to watch for
   * @return Page-Hinkley
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static DriftDetector pageHinkley(int minInstances, double delta, double threshold, double alpha,
      ChangeDirection direction) {
    return new PageHinkley(minInstances, delta, threshold, alpha, direction);
  }

  /** @return CUSUM (minInstances 30, slack 0.5, threshold 5, both directions) */
  public static DriftDetector cusum() {
    return cusum(30, 0.5, 5.0, ChangeDirection.BOTH);
  }

  /**
   * @param minInstances warm-up values that estimate the reference mean and deviation, >= 1
   * @param slack slack k in reference standard deviations, >= 0
   * @param threshold decision interval h in reference standard deviations, > 0
   * @param direction the changes to watch for
   * @return CUSUM
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static DriftDetector cusum(int minInstances, double slack, double threshold, ChangeDirection direction) {
    return new Cusum(minInstances, slack, threshold, direction);
  }

  /**
   * @param seed seed of the reference-sample draws (River's {@code seed})
   * @return KSWIN (alpha 0.005, windowSize 100, statSize 30)
   */
  public static DriftDetector kswin(long seed) {
    return kswin(0.005, 100, 30, seed);
  }

  /**
   * @param alpha significance of the KS test, in [0, 1]
   * @param windowSize sliding window length, >= 2 * statSize
   * @param statSize size of the recent and reference samples, >= 1
   * @param seed seed of the reference-sample draws
   * @return KSWIN
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static DriftDetector kswin(double alpha, int windowSize, int statSize, long seed) {
    return new Kswin(alpha, windowSize, statSize, seed);
  }

  /** @return HDDM_A for an error stream in [0, 1] (driftConfidence 0.001, warningConfidence 0.005, one-sided) */
  public static DriftDetector hddmA() {
    return hddmA(0.001, 0.005, false);
  }

  /**
   * @param driftConfidence confidence of the drift test, in (0, 1)
   * @param warningConfidence confidence of the warning test, in (0, 1)
   * @param twoSided also watch for decreases of the mean
   * @return HDDM_A
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static DriftDetector hddmA(double driftConfidence, double warningConfidence, boolean twoSided) {
    return new HddmA(driftConfidence, warningConfidence, twoSided);
  }

  /** @return HDDM_W for an error stream in [0, 1] (driftConfidence 0.001, warningConfidence 0.005, lambda 0.05, one-sided) */
  public static DriftDetector hddmW() {
    return hddmW(0.001, 0.005, 0.05, false);
  }

  /**
   * @param driftConfidence confidence of the drift test, in (0, 1)
   * @param warningConfidence confidence of the warning test, in (0, 1)
   * @param lambda weight of the newest value in the moving average, in (0, 1]
   * @param twoSided also watch for decreases of the mean
   * @return HDDM_W
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static DriftDetector hddmW(double driftConfidence, double warningConfidence, double lambda, boolean twoSided) {
    return new HddmW(driftConfidence, warningConfidence, lambda, twoSided);
  }
}
