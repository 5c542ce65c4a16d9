package dev.mlsys.serving.routing;

/**
 * UCB1 (Auer, Cesa-Bianchi and Fischer, "Finite-time analysis of the multiarmed bandit problem",
 * Machine Learning 47, 2002, figure 1): play each arm once, then the arm maximising
 * {@code mean + sqrt(2 ln n / n_i)}. Deterministic; ties go to the lowest index.
 */
final class Ucb1 implements BanditPolicy {

  @Override
  public int choose(long[] rewards, double[] sums, long total) {
    int untried = BanditPolicy.firstUnobserved(rewards);
    if (untried >= 0) {
      return untried;
    }
    double logTotal = Math.log(total);
    int best = 0;
    double bestIndex = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < rewards.length; i++) {
      double index = sums[i] / rewards[i] + Math.sqrt(2 * logTotal / rewards[i]);
      if (index > bestIndex) {
        bestIndex = index;
        best = i;
      }
    }
    return best;
  }

  @Override
  public String describe() {
    return "UCB1";
  }
}
