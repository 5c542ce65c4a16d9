package dev.mlsys.data.split;

import java.util.Locale;

/** The parts of a hold-out {@link Split}, in time order for time-based splits. */
public enum Part {
  /** The rows a model is fitted on; the only part resampling accepts. */
  TRAIN,
  /** The rows used to tune and select models. */
  VALIDATION,
  /** The rows held back for the final, unbiased estimate. */
  TEST;

  /** @return the lower-case name used in messages and provenance */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
