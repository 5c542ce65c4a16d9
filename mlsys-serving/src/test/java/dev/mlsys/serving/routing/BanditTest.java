package dev.mlsys.serving.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Bandits on a simulated Bernoulli problem: three versions with success rates 0.3, 0.5 and 0.7,
 * 5,000 rounds, 20 seeded runs each. Tolerances are derived per policy in each test.
 */
class BanditTest {
  private static final double[] RATES = {0.3, 0.5, 0.7};
  private static final String[] ARMS = {"v1", "v2", "v3"};
  private static final int BEST = 2;
  private static final int ROUNDS = 5_000;
  private static final int RUNS = 20;

  /** Per-run result: the arm chosen each round, and the bandit at the end. */
  record Run(int[] choices, Bandit bandit) {
    long suboptimal(int from, int to) {
      long n = 0;
      for (int t = from; t < to; t++) {
        n += choices[t] == BEST ? 0 : 1;
      }
      return n;
    }
  }

  static Run simulate(Bandit bandit, long environmentSeed) {
    SplittableRandom environment = new SplittableRandom(environmentSeed);
    int[] choices = new int[ROUNDS];
    for (int t = 0; t < ROUNDS; t++) {
      String arm = bandit.route(t, "unused");
      int i = List.of(ARMS).indexOf(arm);
      choices[t] = i;
      bandit.recordOutcome(arm, environment.nextDouble() < RATES[i] ? 1.0 : 0.0);
    }
    return new Run(choices, bandit);
  }

  static List<Run> runs(LongFunction<Bandit> bandit) {
    List<Run> out = new ArrayList<>();
    for (long seed = 0; seed < RUNS; seed++) {
      out.add(simulate(bandit.apply(seed), 1_000 + seed));
    }
    return out;
  }

  @Test
  void ucb1StaysWithinItsFiniteTimeRegretBound() {
    // Auer et al. 2002, theorem 1: E[n_i] <= 8 ln T / delta_i^2 + 1 + pi^2 / 3 for each worse arm.
    double bound = 0;
    for (int i = 0; i < RATES.length; i++) {
      if (i != BEST) {
        double delta = RATES[BEST] - RATES[i];
        bound += 8 * Math.log(ROUNDS) / (delta * delta) + 1 + Math.PI * Math.PI / 3;
      }
    }
    List<Run> runs = runs(seed -> Routers.ucb1(ARMS));
    double mean = runs.stream().mapToLong(r -> r.suboptimal(0, ROUNDS)).average().orElseThrow();
    assertTrue(mean <= bound, String.format(Locale.ROOT, "mean suboptimal pulls %.1f > bound %.1f", mean, bound));
    // each worse arm is pulled about 2 ln T / delta^2 times at most, and at least once
    assertTrue(mean >= RATES.length - 1, "UCB1 must explore every arm");
    for (Run r : runs) {
      assertEquals("v3", r.bandit().bestArm());
    }
    // Convergence: the bound grows by 8 ln(T / 0.8T) / delta_i^2 per worse arm over the last
    // fifth of the rounds; UCB1 is bursty run by run, so compare the mean over the runs.
    double lateBound = 0;
    for (int i = 0; i < RATES.length; i++) {
      if (i != BEST) {
        double delta = RATES[BEST] - RATES[i];
        lateBound += 8 * Math.log(1.25) / (delta * delta) + 1 + Math.PI * Math.PI / 3;
      }
    }
    double late = runs.stream().mapToLong(r -> r.suboptimal(4 * ROUNDS / 5, ROUNDS)).average().orElseThrow();
    assertTrue(late <= lateBound, String.format(Locale.ROOT, "mean late suboptimal pulls %.1f > %.1f", late,
        lateBound));
  }

  @Test
  void epsilonGreedyExploresAtItsRateAndOtherwiseExploitsTheBestArm() {
    double epsilon = 0.1;
    List<Run> runs = runs(seed -> Routers.epsilonGreedy(epsilon, seed, ARMS));
    // Once greedy has locked on the best arm, a round is suboptimal exactly when it explores a
    // worse arm: probability q = epsilon (K - 1) / K. Over the second half (n = 2,500 rounds) of
    // 20 runs the mean share has standard error sqrt(q (1 - q) / (n * 20)); allow 5 of them.
    double q = epsilon * (RATES.length - 1) / RATES.length;
    int n = ROUNDS / 2;
    double se = Math.sqrt(q * (1 - q) / ((double) n * RUNS));
    double share = runs.stream().mapToLong(r -> r.suboptimal(ROUNDS - n, ROUNDS)).sum() / ((double) n * RUNS);
    assertEquals(q, share, 5 * se, "suboptimal share in the second half");
    for (Run r : runs) {
      assertEquals("v3", r.bandit().bestArm());
    }
  }

  @Test
  void thompsonSamplingConvergesNearTheLaiRobbinsRate() {
    // Thompson sampling is asymptotically optimal (Kaufmann, Korda and Munos 2012; Agrawal and
    // Goyal 2013): E[n_i] ~ ln T / KL(mu_i, mu*). At T = 5,000 that is about 123 suboptimal pulls
    // in all; finite-T constants are not given by the theorems, so we allow three times the
    // asymptotic rate and require it to beat UCB1's bound by far.
    double asymptotic = 0;
    for (int i = 0; i < RATES.length; i++) {
      if (i != BEST) {
        asymptotic += Math.log(ROUNDS) / kl(RATES[i], RATES[BEST]);
      }
    }
    List<Run> runs = runs(seed -> Routers.thompsonSampling(seed, ARMS));
    double mean = runs.stream().mapToLong(r -> r.suboptimal(0, ROUNDS)).average().orElseThrow();
    assertTrue(mean <= 3 * asymptotic, String.format(Locale.ROOT, "mean suboptimal pulls %.1f > 3 x %.1f", mean,
        asymptotic));
    for (Run r : runs) {
      assertEquals("v3", r.bandit().bestArm());
    }
    // over the last fifth the same rate predicts ln(1.25) / KL pulls per worse arm; again 3x
    double late = runs.stream().mapToLong(r -> r.suboptimal(4 * ROUNDS / 5, ROUNDS)).average().orElseThrow();
    double lateRate = asymptotic * Math.log(1.25) / Math.log(ROUNDS);
    assertTrue(late <= 3 * lateRate, String.format(Locale.ROOT, "mean late suboptimal pulls %.1f > 3 x %.1f",
        late, lateRate));
  }

  @Test
  void theSameSeedGivesTheSameChoicesAndNearbySeedsDiffer() {
    Run a = simulate(Routers.thompsonSampling(7, ARMS), 99);
    Run b = simulate(Routers.thompsonSampling(7, ARMS), 99);
    Run c = simulate(Routers.thompsonSampling(8, ARMS), 99);
    assertEquals(List.of(box(a.choices())), List.of(box(b.choices())));
    assertNotEquals(List.of(box(a.choices())), List.of(box(c.choices())));
    Run e1 = simulate(Routers.epsilonGreedy(0.2, 1, ARMS), 5);
    Run e2 = simulate(Routers.epsilonGreedy(0.2, 1, ARMS), 5);
    assertEquals(List.of(box(e1.choices())), List.of(box(e2.choices())));
    assertEquals(e1.bandit().arms(), e2.bandit().arms());
  }

  @Test
  void armsReportSelectionsRewardsAndMeans() {
    Bandit b = Routers.ucb1("a", "b");
    assertEquals("a", b.route(0, "x"));
    assertEquals("a", b.route(0, "x"));   // no reward yet: a is still untried
    b.recordOutcome("a", 1.0);
    assertEquals("b", b.route(0, "x"));
    b.recordOutcome("b", 0.25);
    List<BanditArm> arms = b.arms();
    assertEquals(new BanditArm("a", 2, 1, 1.0), arms.get(0));
    assertEquals(new BanditArm("b", 1, 1, 0.25), arms.get(1));
    assertEquals("a", b.bestArm());
    assertEquals(java.util.Set.of("a", "b"), b.versions());
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Routers.ucb1("only"));
    assertEquals("a bandit needs at least 2 arms but got 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Routers.ucb1("a", "a"));
    assertEquals("arm 'a' is given twice", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Routers.epsilonGreedy(1.5, 0, "a", "b"));
    assertEquals("epsilon must be in [0, 1] but was: 1.5", e.getMessage());
    Bandit b = Routers.thompsonSampling(0, "a", "b");
    e = assertThrows(IllegalArgumentException.class, () -> b.recordOutcome("a", 2));
    assertEquals("reward must be in [0, 1] but was: 2.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.recordOutcome("c", 1));
    assertEquals("version 'c' is not an arm of this bandit; arms are [a, b]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Routers.ucb1("a", " "));
    assertEquals("arm 1 must be a non-blank version but was: ' '", e.getMessage());
  }

  @Test
  void betaDrawsHaveTheBetaMean() {
    // mean of Beta(a, b) is a / (a + b); variance ab / ((a+b)^2 (a+b+1)); 20,000 draws, 5 standard errors
    SplittableRandom random = new SplittableRandom(3);
    double[][] shapes = {{1, 1}, {2, 5}, {30, 10}, {0.5, 0.5}};
    for (double[] s : shapes) {
      double a = s[0];
      double b = s[1];
      int n = 20_000;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double x = BetaSampler.beta(random, a, b);
        assertTrue(x >= 0 && x <= 1);
        sum += x;
      }
      double mean = a / (a + b);
      double var = a * b / ((a + b) * (a + b) * (a + b + 1));
      assertEquals(mean, sum / n, 5 * Math.sqrt(var / n), "Beta(" + a + ", " + b + ")");
    }
  }

  private static double kl(double p, double q) {
    return p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
  }

  private static Integer[] box(int[] a) {
    Integer[] out = new Integer[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }
}
