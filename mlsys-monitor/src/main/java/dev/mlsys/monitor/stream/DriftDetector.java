package dev.mlsys.monitor.stream;

/**
 * A streaming change detector: fed one value at a time, it says whether the stream's distribution
 * (usually a model's error indicator or a feature) has changed.
 *
 * <pre>{@code
 * DriftDetector adwin = DriftDetectors.adwin();
 * for (double error : errors) {
 *   if (adwin.update(error) == DriftState.DRIFT) {
 *     retrain();
 *   }
 * }
 * }</pre>
 *
 * <p>Semantics follow River (online-ml/river, BSD-3-Clause): {@link DriftState#DRIFT} is reported
 * on the update that detects the change, and the detector resets its whole state at the start of
 * the next update; warm-up counts and defaults are River's, as each factory in
 * {@link DriftDetectors} states.
 *
 * <p>Updates take O(1) (ADWIN: amortised O(log W) for a window of W values) and allocate nothing.
 * A value that is NaN, infinite, or outside the detector's domain (0 or 1 for the binary
 * detectors) is rejected with an {@link IllegalArgumentException} and leaves the state unchanged.
 *
 * <p>Thread-safety: not thread-safe; confine a detector to one thread (single writer).
 */
public interface DriftDetector {

  /**
   * Feeds one value.
   *
   * @param value the next value of the stream
   * @return the state after this value
   * @throws IllegalArgumentException if the value is NaN, infinite or outside the detector's domain
   */
  DriftState update(double value);

  /** @return the state after the latest update ({@link DriftState#STABLE} before any) */
  DriftState state();

  /** Forgets everything seen, returning to the state after construction. */
  void reset();

  /** @return the detector's name and parameters, for reports */
  String name();
}
