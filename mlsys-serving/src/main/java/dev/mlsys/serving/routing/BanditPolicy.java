package dev.mlsys.serving.routing;

/**
 * How a bandit picks an arm from its statistics. Implementations are called under the bandit's
 * lock and may keep mutable state (a random generator).
 */
sealed interface BanditPolicy permits EpsilonGreedy, Ucb1, ThompsonSampling {

  /**
   * @param rewards number of rewards observed per arm
   * @param sums sum of rewards per arm
   * @param total total number of rewards observed
   * @return the chosen arm's index
   */
  int choose(long[] rewards, double[] sums, long total);

  /** @return the policy's name and parameters */
  String describe();

  /** The index of the first unobserved arm, or -1 if every arm has a reward. */
  static int firstUnobserved(long[] rewards) {
    for (int i = 0; i < rewards.length; i++) {
      if (rewards[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Argmax of the empirical means; ties go to the lowest index. Arms must all be observed. */
  static int greedy(long[] rewards, double[] sums) {
    int best = 0;
    double bestMean = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < rewards.length; i++) {
      double mean = sums[i] / rewards[i];
      if (mean > bestMean) {
        bestMean = mean;
        best = i;
      }
    }
    return best;
  }
}
