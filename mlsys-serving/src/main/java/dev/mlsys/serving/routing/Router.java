package dev.mlsys.serving.routing;

import java.util.Set;

/**
 * Chooses which deployed model version answers a request: a canary, an A/B test, a bandit, or
 * a policy of your own. A {@code PredictionService} asks its router once per request, before
 * the cache, and stamps the answer with the chosen version.
 *
 * <pre>{@code
 * service.stage("v2", candidate);
 * service.route(Routers.canary("v2", 0.05));   // 5% of entities see v2
 * }</pre>
 *
 * <p>Thread-safety: implementations must be safe for concurrent use; {@link #route} is on the
 * request path, so keep it short and free of blocking.
 */
public interface Router {

  /**
   * @return the versions this router may send traffic to, other than the active one; the
   *     service checks that each is deployed before it routes through this router
   */
  Set<String> versions();

  /**
   * Chooses the version for one request.
   *
   * @param entityHash a well-mixed 64-bit hash of the request's entity key (the same entity
   *     always gives the same hash; see {@link Routers#entityHash(CharSequence)})
   * @param activeVersion the service's active version
   * @return the version to serve: {@code activeVersion} or one of {@link #versions()}
   */
  String route(long entityHash, String activeVersion);

  /**
   * Feeds back the outcome of a prediction served by {@code version}. Routers that learn nothing
   * from outcomes ignore it.
   *
   * @param version the version that served the prediction
   * @param reward the outcome, in [0, 1] (1 = success)
   * @throws IllegalArgumentException if the reward is outside [0, 1] or the version is not one
   *     this router routes to
   */
  default void recordOutcome(String version, double reward) {}
}
