package dev.mlsys.api;

import java.util.Objects;

/**
 * One served request, as a {@link PredictionListener} sees it.
 *
 * @param row the validated input row
 * @param prediction what was returned, or {@code null} if the request failed
 * @param modelVersion the version that served it (the active one at the start of the request)
 * @param latencyNanos wall time from request to answer, in nanoseconds
 * @param epochMillis when the request started, for time windows
 * @param error the failure of the model (also when a fallback answered), or {@code null}
 */
public record PredictionEvent(Row row, Prediction prediction, String modelVersion, long latencyNanos,
    long epochMillis, Throwable error) {

  /** @throws NullPointerException if the row is null */
  public PredictionEvent {
    Objects.requireNonNull(row, "row");
  }

  /** @return whether the answer came from the cache */
  public boolean cacheHit() {
    return prediction != null && prediction.origin() == Prediction.Origin.CACHE;
  }

  /** @return whether a fallback answered */
  public boolean fallback() {
    return prediction != null && prediction.origin() == Prediction.Origin.FALLBACK;
  }
}
