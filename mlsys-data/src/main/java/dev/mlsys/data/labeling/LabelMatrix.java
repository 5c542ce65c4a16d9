package dev.mlsys.data.labeling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The votes of {@code m} labeling functions on {@code n} items ({@link LabelingFunction#ABSTAIN}
 * where a function abstained), with the analysis and vote combination of weak supervision.
 *
 * <p>Majority vote picks the class with the most votes; weighted vote the class with the largest
 * sum of its voters' weights. With weights from {@link #accuracyWeights(int[])}, the weighted vote
 * is the most probable class when the functions err independently (Nitzan and Paroush, "Optimal
 * decision rules in uncertain dichotomous choice situations", Int. Economic Review 23, 1982), and
 * {@link #weightedProbabilities(double[])} gives those posterior probabilities. Items with no vote
 * get {@link LabelingFunction#ABSTAIN}; ties abstain too, unless a seed breaks them at random.
 *
 * <p>Immutable and thread-safe.
 */
public final class LabelMatrix {
  private final int[][] votes;
  private final List<String> names;
  private final List<String> classes;

  LabelMatrix(int[][] votes, List<String> names, List<String> classes) {
    this.votes = votes;
    this.names = names;
    this.classes = classes;
  }

  /** @return the number of items */
  public int items() {
    return votes.length;
  }

  /** @return the labeling functions' names, in column order */
  public List<String> functions() {
    return names;
  }

  /** @return the class names */
  public List<String> classes() {
    return classes;
  }

  /** @return the vote of function {@code j} on item {@code i} */
  public int vote(int i, int j) {
    return votes[i][j];
  }

  /** @return a copy of the votes, one row per item */
  public int[][] votes() {
    int[][] out = new int[votes.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = votes[i].clone();
    }
    return out;
  }

  /** @return the fraction of items with at least one vote (NaN for no items) */
  public double coverage() {
    int covered = 0;
    for (int[] row : votes) {
      covered += voters(row) > 0 ? 1 : 0;
    }
    return (double) covered / votes.length;
  }

  /** @return the fraction of items with votes for at least two different classes (NaN for no items) */
  public double conflict() {
    int conflicted = 0;
    for (int[] row : votes) {
      conflicted += conflicted(row, -1) ? 1 : 0;
    }
    return (double) conflicted / votes.length;
  }

  /** @return coverage, overlap and conflict of every function, in column order */
  public List<LabelingFunctionStats> analysis() {
    return analysis(null);
  }

  /**
   * @param gold the true class index of each item, or {@link LabelingFunction#ABSTAIN} where
   *     unknown (for example a small hand-labelled development set)
   * @return the statistics of every function, with correct and incorrect counts against gold
   * @throws IllegalArgumentException if {@code gold} has another length or an invalid class
   */
  public List<LabelingFunctionStats> analysis(int[] gold) {
    if (gold != null) {
      checkGold(gold);
    }
    int n = votes.length;
    int m = names.size();
    List<LabelingFunctionStats> out = new ArrayList<>(m);
    for (int j = 0; j < m; j++) {
      int covered = 0;
      int overlapped = 0;
      int conflicted = 0;
      int correct = 0;
      int incorrect = 0;
      TreeSet<Integer> polarity = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        int v = votes[i][j];
        if (v == LabelingFunction.ABSTAIN) {
          continue;
        }
        covered++;
        polarity.add(v);
        if (voters(votes[i]) > 1) {
          overlapped++;
        }
        if (conflicted(votes[i], j)) {
          conflicted++;
        }
        if (gold != null && gold[i] != LabelingFunction.ABSTAIN) {
          if (gold[i] == v) {
            correct++;
          } else {
            incorrect++;
          }
        }
      }
      out.add(new LabelingFunctionStats(names.get(j), new ArrayList<>(polarity), (double) covered / n,
          (double) overlapped / n, (double) conflicted / n, correct, incorrect));
    }
    return out;
  }

  private void checkGold(int[] gold) {
    Objects.requireNonNull(gold, "gold");
    if (gold.length != votes.length) {
      throw new IllegalArgumentException("gold has " + gold.length + " labels but there are " + votes.length
          + " items");
    }
    for (int i = 0; i < gold.length; i++) {
      if (gold[i] < LabelingFunction.ABSTAIN || gold[i] >= classes.size()) {
        throw new IllegalArgumentException("gold label " + i + " is " + gold[i] + "; expected a class index in [0, "
            + classes.size() + ") or ABSTAIN (-1)");
      }
    }
  }

  private static int voters(int[] row) {
    int c = 0;
    for (int v : row) {
      c += v != LabelingFunction.ABSTAIN ? 1 : 0;
    }
    return c;
  }

  /** Whether the row holds two different non-abstain votes (one of them function {@code j}'s, if j >= 0). */
  private static boolean conflicted(int[] row, int j) {
    int first = j >= 0 ? row[j] : LabelingFunction.ABSTAIN;
    for (int v : row) {
      if (v == LabelingFunction.ABSTAIN) {
        continue;
      }
      if (first == LabelingFunction.ABSTAIN) {
        first = v;
      } else if (v != first) {
        return true;
      }
    }
    return false;
  }

  /** @return the majority class of each item; ABSTAIN where there is no vote or a tie */
  public int[] majorityVote() {
    return weighted(ones(), null);
  }

  /**
   * @param tieBreakSeed the seed that breaks ties uniformly at random among the tied classes
   * @return the majority class of each item; ABSTAIN only where there is no vote
   */
  public int[] majorityVote(long tieBreakSeed) {
    return weighted(ones(), new SplittableRandom(tieBreakSeed));
  }

  /**
   * @param weights one non-negative finite weight per function
   * @return the class with the largest total weight of each item; ABSTAIN where there is no vote
   *     or a tie
   * @throws IllegalArgumentException if a weight is negative or not finite, or the count differs
   */
  public int[] weightedVote(double[] weights) {
    return weighted(checkWeights(weights), null);
  }

  /**
   * @param weights one non-negative finite weight per function
   * @param tieBreakSeed the seed that breaks ties uniformly at random
   * @return the class with the largest total weight of each item; ABSTAIN only where there is no vote
   */
  public int[] weightedVote(double[] weights, long tieBreakSeed) {
    return weighted(checkWeights(weights), new SplittableRandom(tieBreakSeed));
  }

  /**
   * The class posteriors of each item when functions err independently with the accuracies behind
   * the weights (log-odds weights, as from {@link #accuracyWeights(int[])}) and classes are a priori
   * equally likely: a softmax of the classes' weight sums. An item with no vote gets the uniform
   * distribution.
   *
   * @param weights one finite weight per function
   * @return one probability vector per item, in class order
   */
  public double[][] weightedProbabilities(double[] weights) {
    double[] w = checkWeights(weights, true);
    int k = classes.size();
    double[][] out = new double[votes.length][k];
    for (int i = 0; i < votes.length; i++) {
      double[] s = out[i];
      for (int j = 0; j < w.length; j++) {
        if (votes[i][j] != LabelingFunction.ABSTAIN) {
          s[votes[i][j]] += w[j];
        }
      }
      double max = Arrays.stream(s).max().orElse(0);
      double z = 0;
      for (int c = 0; c < k; c++) {
        s[c] = Math.exp(s[c] - max);
        z += s[c];
      }
      for (int c = 0; c < k; c++) {
        s[c] /= z;
      }
    }
    return out;
  }

  /**
   * Log-odds weights from a labelled development set: {@code log(a / (1 - a)) + log(k - 1)} for a
   * function of accuracy {@code a} on the items it voted on, with {@code k} classes. The accuracy
   * is Laplace-smoothed, {@code (correct + 1) / (votes + 2)}, so a function that is always right on
   * a few items does not get an infinite weight. A weight below zero (worse than chance) is kept:
   * use {@link #weightedProbabilities(double[])} with it, or clamp it to zero for
   * {@link #weightedVote(double[])}.
   *
   * @param gold the true class of each item, or ABSTAIN where unknown
   * @return one weight per function
   */
  public double[] accuracyWeights(int[] gold) {
    List<LabelingFunctionStats> stats = analysis(gold);
    double[] w = new double[stats.size()];
    for (int j = 0; j < w.length; j++) {
      LabelingFunctionStats s = stats.get(j);
      double a = (s.correct() + 1.0) / (s.correct() + s.incorrect() + 2.0);
      w[j] = Math.log(a / (1 - a)) + Math.log(classes.size() - 1);
    }
    return w;
  }

  private double[] ones() {
    double[] w = new double[names.size()];
    Arrays.fill(w, 1.0);
    return w;
  }

  private double[] checkWeights(double[] weights) {
    return checkWeights(weights, false);
  }

  private double[] checkWeights(double[] weights, boolean allowNegative) {
    Objects.requireNonNull(weights, "weights");
    if (weights.length != names.size()) {
      throw new IllegalArgumentException("expected " + names.size() + " weights, one per labeling function, but got "
          + weights.length);
    }
    for (int j = 0; j < weights.length; j++) {
      if (!Double.isFinite(weights[j]) || (!allowNegative && weights[j] < 0)) {
        throw new IllegalArgumentException("weight of '" + names.get(j) + "' must be finite"
            + (allowNegative ? "" : " and >= 0") + " but was: " + weights[j]);
      }
    }
    return weights.clone();
  }

  private int[] weighted(double[] w, SplittableRandom random) {
    int k = classes.size();
    int[] out = new int[votes.length];
    double[] score = new double[k];
    int[] tied = new int[k];
    for (int i = 0; i < votes.length; i++) {
      Arrays.fill(score, 0);
      boolean any = false;
      for (int j = 0; j < w.length; j++) {
        int v = votes[i][j];
        if (v != LabelingFunction.ABSTAIN) {
          score[v] += w[j];
          any = true;
        }
      }
      if (!any) {
        out[i] = LabelingFunction.ABSTAIN;
        continue;
      }
      double best = Double.NEGATIVE_INFINITY;
      int t = 0;
      for (int c = 0; c < k; c++) {
        if (score[c] > best) {
          best = score[c];
          t = 0;
        }
        if (score[c] == best) {
          tied[t++] = c;
        }
      }
      out[i] = t == 1 ? tied[0] : random == null ? LabelingFunction.ABSTAIN : tied[random.nextInt(t)];
    }
    return out;
  }

  @Override
  public String toString() {
    return "LabelMatrix[" + votes.length + " items x " + names.size() + " functions " + names + "]";
  }
}
