package dev.mlsys.serving;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a {@link PredictionService}'s counters.
 *
 * @param activeVersion the active version when the snapshot was taken
 * @param versions the versions the service knows (active, staged, kept for rollback)
 * @param cache the cache's counters
 * @param rejectedInputs requests rejected by schema validation (never cached, never predicted)
 * @param listenerErrors exceptions thrown by prediction listeners (counted and dropped)
 */
public record ServingStats(String activeVersion, List<VersionStats> versions, CacheStats cache, long rejectedInputs,
    long listenerErrors) {

  /** Copies the list. */
  public ServingStats {
    versions = List.copyOf(versions);
    Objects.requireNonNull(cache, "cache");
  }

  /**
   * @param version a version name
   * @return its statistics, if the service knows it
   */
  public Optional<VersionStats> version(String version) {
    return versions.stream().filter(v -> v.version().equals(version)).findFirst();
  }
}
