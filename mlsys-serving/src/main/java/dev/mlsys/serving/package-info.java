/**
 * Serving models inside a JVM: the {@link dev.mlsys.serving.PredictionService} validates,
 * calibrates, caches (Caffeine), hot-swaps versions, falls back on failures and deadlines, and
 * routes traffic for shadow, canary, A/B and bandit tests.
 *
 * <p>Start at {@link dev.mlsys.serving.PredictionService#builder(dev.mlsys.api.Schema)}. Routers
 * live in {@link dev.mlsys.serving.routing}; the optional Micrometer binding in
 * {@link dev.mlsys.serving.metrics}.
 */
package dev.mlsys.serving;
