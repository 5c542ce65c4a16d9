package dev.mlsys.serving.routing;

import java.util.List;

/**
 * A multi-armed bandit routing requests between model versions and learning from reward feedback:
 * epsilon-greedy, UCB1 or Thompson sampling (see {@link Routers}). Each request goes to the arm
 * the policy chooses; {@link #recordOutcome(String, double)} feeds back a reward in [0, 1].
 *
 * <pre>{@code
 * Bandit bandit = Routers.thompsonSampling(42, "v1", "v2", "v3");
 * service.route(bandit);
 * Prediction p = service.predict(values);
 * service.recordOutcome(p, clicked);      // reward 1 or 0
 * }</pre>
 *
 * <p>Deterministic: the same seed and the same sequence of calls give the same choices. Thread-
 * safety: safe for concurrent use; each call holds a short lock, so concurrent callers see the
 * calls in some order (the choices are then reproducible only from a single thread).
 */
public interface Bandit extends Router {

  /** @return the arms in the order they were given, with their counts so far */
  List<BanditArm> arms();

  /** @return the arm with the highest mean reward so far (the first of equals), or the first arm before any reward */
  String bestArm();

  /**
   * Records a reward for an arm.
   *
   * @param version the arm that served the prediction
   * @param reward the reward, in [0, 1]
   * @throws IllegalArgumentException if the reward is outside [0, 1] or the version is not an arm
   */
  @Override
  void recordOutcome(String version, double reward);
}
