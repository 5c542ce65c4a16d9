package dev.mlsys.models.ensemble;

import dev.mlsys.eval.metrics.ClassificationMetrics;
import dev.mlsys.eval.metrics.RegressionMetrics;
import dev.mlsys.models.Combiner;
import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.OutOfBagEstimate;
import dev.mlsys.models.Parallel;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Bootstrap aggregating (Breiman 1996, "Bagging predictors"): members trained on bootstrap
 * samples, combined by soft voting (or hard voting, or the mean for regression), with an
 * out-of-bag estimate.
 *
 * <pre>{@code
 * EnsembleModel bagged = Ensembles.bagging(Trainers.cart().maxDepth(8)).members(50).seed(3).fit(train);
 * double oobAccuracy = bagged.outOfBag().orElseThrow().score();
 * }</pre>
 *
 * <p>Determinism: every member's bootstrap seed and trainer seed are drawn from the bagging seed
 * before any member trains, so the ensemble is identical for any number of threads.
 *
 * <p>Thread-safety: immutable; members train on {@code threads} threads of a pool owned by each
 * {@link #fit(LabeledData)} call.
 */
public final class Bagging implements ModelTrainer {
  private final ModelTrainer member;
  private final int members;
  private final double sampleFraction;
  private final boolean hardVoting;
  private final boolean outOfBag;
  private final int threads;
  private final long seed;

  Bagging(ModelTrainer member, int members, double sampleFraction, boolean hardVoting, boolean outOfBag, int threads,
      long seed) {
    this.member = Objects.requireNonNull(member, "member");
    this.members = members;
    this.sampleFraction = sampleFraction;
    this.hardVoting = hardVoting;
    this.outOfBag = outOfBag;
    this.threads = threads;
    this.seed = seed;
  }

  /** @param n the number of members, &gt;= 1 @return a copy */
  public Bagging members(int n) {
    return new Bagging(member, Params.positiveInt("members", n), sampleFraction, hardVoting, outOfBag, threads, seed);
  }

  /** @param fraction bootstrap sample size as a fraction of the data, in (0, 1] @return a copy */
  public Bagging sampleFraction(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("sampleFraction must be in (0, 1] but was: " + fraction);
    }
    return new Bagging(member, members, fraction, hardVoting, outOfBag, threads, seed);
  }

  /** @return a copy that counts votes instead of averaging probabilities */
  public Bagging hardVoting() {
    return new Bagging(member, members, sampleFraction, true, outOfBag, threads, seed);
  }

  /** @param on whether to compute the out-of-bag estimate (default on) @return a copy */
  public Bagging outOfBag(boolean on) {
    return new Bagging(member, members, sampleFraction, hardVoting, on, threads, seed);
  }

  /** @param n worker threads, &gt;= 1; never changes the model @return a copy */
  public Bagging threads(int n) {
    return new Bagging(member, members, sampleFraction, hardVoting, outOfBag, Params.positiveInt("threads", n), seed);
  }

  /** @param s the seed @return a copy */
  public Bagging seed(long s) {
    return new Bagging(member, members, sampleFraction, hardVoting, outOfBag, threads, s);
  }

  @Override
  public EnsembleModel fit(LabeledData data) {
    Objects.requireNonNull(data, "data");
    int n = data.size();
    int sample = Math.max(1, (int) Math.round(n * sampleFraction));
    // Seeds are drawn in member order before training: the model cannot depend on scheduling.
    SplittableRandom root = new SplittableRandom(seed);
    long[] bagSeeds = new long[members];
    long[] memberSeeds = new long[members];
    for (int m = 0; m < members; m++) {
      SplittableRandom r = root.split();
      bagSeeds[m] = r.nextLong();
      memberSeeds[m] = r.nextLong();
    }
    int[][] bags = new int[members][];
    for (int m = 0; m < members; m++) {
      SplittableRandom r = new SplittableRandom(bagSeeds[m]);
      int[] idx = new int[sample];
      for (int j = 0; j < sample; j++) {
        idx[j] = r.nextInt(n);
      }
      bags[m] = idx;
    }
    List<TrainedModel> trained = Parallel.map(members, threads,
        m -> member.withSeed(memberSeeds[m]).fit(data.subset(bags[m])));
    Combiner combiner = data.task() == Task.REGRESSION ? Combiner.MEAN
        : hardVoting ? Combiner.HARD_VOTE : Combiner.SOFT_VOTE;
    double[] weights = new double[members];
    java.util.Arrays.fill(weights, 1.0);
    EnsembleModel model = EnsembleModel.of("bagging", trained, weights, combiner, null);
    return outOfBag ? model.withOutOfBag(outOfBag(model, data, bags)) : model;
  }

  private OutOfBagEstimate outOfBag(EnsembleModel model, LabeledData data, int[][] bags) {
    int n = data.size();
    boolean[][] inBag = new boolean[bags.length][n];
    for (int m = 0; m < bags.length; m++) {
      for (int i : bags[m]) {
        inBag[m][i] = true;
      }
    }
    double[][] rows = data.rows();
    List<double[][]> memberOutputs = Parallel.map(bags.length, threads, m -> model.members().get(m).outputs(rows));
    List<double[]> perRow = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<TrainedModel> outside = new java.util.ArrayList<>();
      List<double[]> outputs = new java.util.ArrayList<>();
      for (int m = 0; m < bags.length; m++) {
        if (!inBag[m][i]) {
          outside.add(model.members().get(m));
          outputs.add(memberOutputs.get(m)[i]);
        }
      }
      if (outside.isEmpty()) {
        perRow.add(null);
        continue;
      }
      double[] w = new double[outside.size()];
      java.util.Arrays.fill(w, 1.0);
      perRow.add(EnsembleModel.of("oob", outside, w, model.combiner(), null).combine(outputs.toArray(new double[0][])));
    }
    int covered = 0;
    for (double[] out : perRow) {
      covered += out == null ? 0 : 1;
    }
    if (covered == 0) {
      return new OutOfBagEstimate(Double.NaN, 0, n);
    }
    boolean regression = data.task() == Task.REGRESSION;
    double[] actualValue = new double[regression ? covered : 0];
    double[] predictedValue = new double[regression ? covered : 0];
    int[] actualClass = new int[regression ? 0 : covered];
    int[] predictedClass = new int[regression ? 0 : covered];
    for (int i = 0, j = 0; i < n; i++) {
      double[] out = perRow.get(i);
      if (out == null) {
        continue;
      }
      if (regression) {
        actualValue[j] = data.targetOf(i);
        predictedValue[j] = out[0];
      } else {
        int best = 0;
        for (int k = 1; k < out.length; k++) {
          if (out[k] > out[best]) {
            best = k;
          }
        }
        actualClass[j] = data.classOf(i);
        predictedClass[j] = best;
      }
      j++;
    }
    double value = regression ? RegressionMetrics.rootMeanSquaredError(actualValue, predictedValue)
        : ClassificationMetrics.accuracy(actualClass, predictedClass);
    return new OutOfBagEstimate(value, covered, n);
  }

  @Override
  public String name() {
    return "bagging";
  }

  @Override
  public Map<String, Object> params() {
    return Params.ordered("member", member.describe(), "members", members, "sampleFraction", sampleFraction,
        "hardVoting", hardVoting, "outOfBag", outOfBag, "threads", threads, "seed", seed);
  }

  @Override
  public ModelTrainer with(String name, Object value) {
    return switch (name) {
      case "members" -> members(Params.positiveInt(name, value));
      case "sampleFraction" -> sampleFraction(Params.positive(name, value));
      case "threads" -> threads(Params.positiveInt(name, value));
      case "seed" -> seed(Params.seed(value));
      default -> {
        if (name.startsWith("member.")) {
          yield new Bagging(member.with(name.substring(7), value), members, sampleFraction, hardVoting, outOfBag, threads,
              seed);
        }
        throw Params.unknown("bagging", name, params());
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
