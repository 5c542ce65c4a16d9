package dev.mlsys.monitor.stream;

import java.util.Locale;

/**
 * River's update protocol: reject bad input first, reset everything if the previous update
 * detected a drift, then take one step.
 */
abstract class AbstractDetector implements DriftDetector {
  private DriftState state = DriftState.STABLE;

  @Override
  public final DriftState update(double value) {
    check(value);
    if (state == DriftState.DRIFT) {
      resetState();
    }
    state = step(value);
    return state;
  }

  @Override
  public final DriftState state() {
    return state;
  }

  @Override
  public final void reset() {
    resetState();
    state = DriftState.STABLE;
  }

  /** @throws IllegalArgumentException if the value is outside the detector's domain */
  void check(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name() + ": value must be finite but was: " + value);
    }
  }

  /** For detectors of a stream of errors: 0 (correct) or 1 (error). */
  final void checkBinary(double value) {
    if (value != 0.0 && value != 1.0) {
      throw new IllegalArgumentException(name() + ": value must be 0 (correct) or 1 (error) but was: "
          + String.format(Locale.ROOT, "%s", value));
    }
  }

  /** For detectors of bounded values. */
  final void checkUnit(double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name() + ": value must be in [0, 1] but was: "
          + String.format(Locale.ROOT, "%s", value));
    }
  }

  /** One update of the statistics; returns the new state. */
  abstract DriftState step(double value);

  /** Returns the statistics to their state after construction. */
  abstract void resetState();

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
