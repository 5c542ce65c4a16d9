package dev.mlsys.serving.routing;

import java.util.SplittableRandom;

/**
 * Thompson sampling with Beta-Bernoulli posteriors (Thompson 1933; Chapelle and Li, "An empirical
 * evaluation of Thompson sampling", NIPS 2011, algorithm 2): draw each arm's success rate from
 * Beta(1 + successes, 1 + failures) and play the arm with the largest draw. A fractional reward
 * r counts as r successes and 1 - r failures.
 */
final class ThompsonSampling implements BanditPolicy {
  private final SplittableRandom random;

  ThompsonSampling(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public int choose(long[] rewards, double[] sums, long total) {
    int best = 0;
    double bestDraw = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < rewards.length; i++) {
      double draw = BetaSampler.beta(random, 1 + sums[i], 1 + rewards[i] - sums[i]);
      if (draw > bestDraw) {
        bestDraw = draw;
        best = i;
      }
    }
    return best;
  }

  @Override
  public String describe() {
    return "Thompson sampling (Beta-Bernoulli)";
  }
}
