/**
 * Routing between model versions for testing in production: canary releases, A/B tests with a
 * two-proportion test, and multi-armed bandits (epsilon-greedy, UCB1, Thompson sampling).
 *
 * <p>Start at {@link dev.mlsys.serving.routing.Routers}; hand the router to
 * {@code PredictionService.route(Router)}.
 */
package dev.mlsys.serving.routing;
