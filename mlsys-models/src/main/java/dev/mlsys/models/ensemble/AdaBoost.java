package dev.mlsys.models.ensemble;

import dev.mlsys.models.Combiner;
import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * AdaBoost for k classes (Zhu, Zou, Rosset and Hastie 2009, "Multi-class AdaBoost"): SAMME
 * (algorithm 2, discrete votes weighted by {@code alpha}) or SAMME.R (algorithm 4, real-valued
 * votes from class probabilities). Each round fits the weak learner on the reweighted examples;
 * the weights are renormalised every round, and the Tribuo bridge rescales them to mean 1 so that
 * tree learners still split (see {@link dev.mlsys.models.tribuo.TribuoData}).
 *
 * <p>Stopping follows scikit-learn 1.2: a perfect round keeps its learner and stops; a round no
 * better than chance ({@code error >= 1 - 1/k}, SAMME) is dropped and stops, and is an error if it
 * is the first.
 *
 * <pre>{@code
 * EnsembleModel boosted = Ensembles.adaBoost(Trainers.cart().maxDepth(1)).rounds(100).fit(train);
 * }</pre>
 *
 * <p>Thread-safety: immutable. Rounds are sequential by nature.
 */
public final class AdaBoost implements ModelTrainer {
  /** Which AdaBoost variant. */
  public enum Algorithm {
    /** Discrete multi-class AdaBoost. */
    SAMME,
    /** Real multi-class AdaBoost over class probabilities. */
    SAMME_R
  }

  private static final double EPS = Math.ulp(1.0);

  private final ModelTrainer weak;
  private final int rounds;
  private final double learningRate;
  private final Algorithm algorithm;
  private final long seed;

  AdaBoost(ModelTrainer weak, int rounds, double learningRate, Algorithm algorithm, long seed) {
    this.weak = Objects.requireNonNull(weak, "weak");
    this.rounds = rounds;
    this.learningRate = learningRate;
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.seed = seed;
  }

  /** @param n the largest number of boosting rounds, &gt;= 1 @return a copy */
  public AdaBoost rounds(int n) {
    return new AdaBoost(weak, Params.positiveInt("rounds", n), learningRate, algorithm, seed);
  }

  /** @param rate the shrinkage of every round's weight, &gt; 0 @return a copy */
  public AdaBoost learningRate(double rate) {
    return new AdaBoost(weak, rounds, Params.positive("learningRate", rate), algorithm, seed);
  }

  /** @param a SAMME or SAMME.R @return a copy */
  public AdaBoost algorithm(Algorithm a) {
    return new AdaBoost(weak, rounds, learningRate, a, seed);
  }

  /** @param s the seed @return a copy */
  public AdaBoost seed(long s) {
    return new AdaBoost(weak, rounds, learningRate, algorithm, s);
  }

  @Override
  public EnsembleModel fit(LabeledData data) {
    if (data.task() != Task.CLASSIFICATION) {
      throw new IllegalArgumentException("AdaBoost SAMME / SAMME.R is for classification but the data is " + data);
    }
    int n = data.size();
    int k = data.classes().size();
    if (k < 2) {
      throw new IllegalArgumentException("AdaBoost needs at least 2 classes but the data has " + data.classes());
    }
    int[] y = data.classIndices();
    double[] w = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      w[i] = data.weightOf(i);
      total += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] /= total;
    }
    double[][] rows = data.rows();
    SplittableRandom seeds = new SplittableRandom(seed);
    List<TrainedModel> members = new ArrayList<>();
    List<Double> alphas = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long roundSeed = seeds.nextLong();
      TrainedModel h = weak.withSeed(roundSeed).fit(data.withWeights(w));
      double[][] p = h.outputs(rows);
      boolean[] wrong = new boolean[n];
      double error = 0;
      for (int i = 0; i < n; i++) {
        wrong[i] = argmax(p[i]) != y[i];
        if (wrong[i]) {
          error += w[i];
        }
      }
      double wsum = sum(w);
      error /= wsum;
      if (error <= 0) {
        members.add(h);
        alphas.add(1.0);
        break;
      }
      if (algorithm == Algorithm.SAMME) {
        if (error >= 1.0 - 1.0 / k) {
          if (members.isEmpty()) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                "the weak learner %s is no better than chance on the first round (weighted error %.4f >= %.4f);"
                    + " AdaBoost cannot start", weak.describe(), error, 1.0 - 1.0 / k));
          }
          break;
        }
        double alpha = learningRate * (Math.log((1 - error) / error) + Math.log(k - 1));
        members.add(h);
        alphas.add(alpha);
        if (round < rounds - 1) {
          for (int i = 0; i < n; i++) {
            if (wrong[i] && w[i] > 0) {
              w[i] *= Math.exp(alpha);
            }
          }
        }
      } else {
        members.add(h);
        alphas.add(1.0);
        if (round < rounds - 1) {
          for (int i = 0; i < n; i++) {
            // y coding: 1 for the true class, -1/(k-1) for the others; sum_c y_c log p_c.
            double dot = 0;
            for (int c = 0; c < k; c++) {
              double logp = Math.log(Math.max(p[i][c], EPS));
              dot += (c == y[i] ? 1.0 : -1.0 / (k - 1)) * logp;
            }
            double factor = -learningRate * (k - 1.0) / k * dot;
            if (w[i] > 0 || factor < 0) {
              w[i] *= Math.exp(factor);
            }
          }
        }
      }
      double s = sum(w);
      if (!(s > 0) || Double.isInfinite(s)) {
        break;
      }
      for (int i = 0; i < n; i++) {
        w[i] /= s;
      }
    }
    double[] weights = alphas.stream().mapToDouble(Double::doubleValue).toArray();
    return EnsembleModel.of("adaboost", members, weights,
        algorithm == Algorithm.SAMME ? Combiner.SAMME : Combiner.SAMME_R, null);
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }

  private static double sum(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v;
    }
    return s;
  }

  @Override
  public String name() {
    return algorithm == Algorithm.SAMME ? "adaboost-samme" : "adaboost-samme.r";
  }

  @Override
  public Map<String, Object> params() {
    return Params.ordered("weak", weak.describe(), "rounds", rounds, "learningRate", learningRate, "seed", seed);
  }

  @Override
  public ModelTrainer with(String name, Object value) {
    return switch (name) {
      case "rounds" -> rounds(Params.positiveInt(name, value));
      case "learningRate" -> learningRate(Params.positive(name, value));
      case "seed" -> seed(Params.seed(value));
      default -> {
        if (name.startsWith("weak.")) {
          yield new AdaBoost(weak.with(name.substring(5), value), rounds, learningRate, algorithm, seed);
        }
        throw Params.unknown(name(), name, params());
      }
    };
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public ModelTrainer withSeed(long s) {
    return seed(s);
  }

  @Override
  public String toString() {
    return describe();
  }
}
