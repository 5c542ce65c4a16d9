package dev.mlsys.serving;

import java.util.Locale;

/**
 * The prediction cache's counters.
 *
 * @param enabled whether the service has a cache
 * @param size the estimated number of entries
 * @param hits lookups that found an entry
 * @param misses lookups that found none
 * @param evictions entries evicted for size or expiry
 */
public record CacheStats(boolean enabled, long size, long hits, long misses, long evictions) {

  /** The statistics of a service without a cache. */
  public static final CacheStats DISABLED = new CacheStats(false, 0, 0, 0, 0);

  /** @return hits / (hits + misses), NaN before the first lookup */
  public double hitRate() {
    long lookups = hits + misses;
    return lookups == 0 ? Double.NaN : (double) hits / lookups;
  }

  @Override
  public String toString() {
    return enabled
        ? String.format(Locale.ROOT, "cache: %d entries, %d hits, %d misses (hit rate %.4f), %d evictions", size, hits,
            misses, hitRate(), evictions)
        : "cache: disabled";
  }
}
