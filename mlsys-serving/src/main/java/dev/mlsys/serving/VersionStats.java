package dev.mlsys.serving;

import java.util.Locale;

/**
 * What one model version served since it was deployed. Every request routed to the version is
 * counted once, by how it ended: {@code cacheHits + modelAnswers + fallbacks + failed}. Model
 * errors and missed deadlines are counted besides, whether a fallback answered or not:
 * {@code errors + deadlinesExceeded == fallbacks + failed}.
 *
 * @param version the version name
 * @param role whether the version is active, staged, or kept for rollback
 * @param cacheHits answers from the cache (including requests that waited for another request's
 *     computation of the same row)
 * @param modelAnswers answers computed by the model for the request
 * @param fallbacks answers given by the fallback
 * @param failed requests that ended in an exception
 * @param errors requests whose model call threw or returned an unusable answer
 * @param deadlinesExceeded requests whose model call missed the deadline
 */
public record VersionStats(String version, Role role, long cacheHits, long modelAnswers, long fallbacks, long failed,
    long errors, long deadlinesExceeded) {

  /** The place of a version in the service. */
  public enum Role {
    /** Serves all traffic not routed elsewhere. */
    ACTIVE,
    /** Deployed beside the active version for shadow, canary, A/B or bandit routing. */
    STAGED,
    /** An earlier active version, kept for {@link PredictionService#rollback()}. */
    PREVIOUS
  }

  /** @return the number of requests routed to this version */
  public long requests() {
    return cacheHits + modelAnswers + fallbacks + failed;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (%s): %d requests, %d cache hits, %d model answers, %d fallbacks, "
        + "%d failed, %d errors, %d deadlines exceeded", version, role, requests(), cacheHits, modelAnswers,
        fallbacks, failed, errors, deadlinesExceeded);
  }
}
