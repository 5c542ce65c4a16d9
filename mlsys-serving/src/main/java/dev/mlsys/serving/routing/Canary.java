package dev.mlsys.serving.routing;

/**
 * A canary release: a fixed share of entities, chosen by a deterministic hash of their key, is
 * served by the canary version; everyone else by the active version. Raising the share only
 * moves entities from the active version to the canary, never back, so a user who has seen the
 * canary keeps seeing it while it grows.
 *
 * <pre>{@code
 * Canary canary = Routers.canary("v2", 0.01);
 * service.route(canary);
 * canary.share(0.10);        // widen at run time
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use; a share change is seen by the next request.
 */
public interface Canary extends Router {

  /** @return the canary version */
  String version();

  /** @return the share of entities served by the canary, in [0, 1] */
  double share();

  /**
   * @param share the new share of entities served by the canary
   * @throws IllegalArgumentException if the share is outside [0, 1] or NaN
   */
  void share(double share);
}
