/**
 * The optional Micrometer binding of a prediction service: timers and counters per version and
 * the cache's statistics. Needs {@code io.micrometer:micrometer-core} on the class path.
 *
 * <p>Start at {@link dev.mlsys.serving.metrics.MicrometerMetrics#bind}.
 */
package dev.mlsys.serving.metrics;
