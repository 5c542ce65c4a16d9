package dev.mlsys.serving.routing;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Epsilon-greedy (Sutton and Barto, "Reinforcement Learning", 2nd ed., section 2.2): with
 * probability epsilon a uniformly random arm, otherwise the arm with the best mean reward; each
 * arm is tried once before the greedy choice starts.
 */
final class EpsilonGreedy implements BanditPolicy {
  private final double epsilon;
  private final SplittableRandom random;

  EpsilonGreedy(double epsilon, long seed) {
    if (!(epsilon >= 0 && epsilon <= 1)) {
      throw new IllegalArgumentException("epsilon must be in [0, 1] but was: " + epsilon);
    }
    this.epsilon = epsilon;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public int choose(long[] rewards, double[] sums, long total) {
    // draw on every call, so the stream of choices depends only on the seed and the rewards
    double u = random.nextDouble();
    int arm = random.nextInt(rewards.length);
    if (u < epsilon) {
      return arm;
    }
    int untried = BanditPolicy.firstUnobserved(rewards);
    return untried >= 0 ? untried : BanditPolicy.greedy(rewards, sums);
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "epsilon-greedy(epsilon=%s)", epsilon);
  }
}
