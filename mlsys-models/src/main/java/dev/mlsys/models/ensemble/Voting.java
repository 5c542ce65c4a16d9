package dev.mlsys.models.ensemble;

import dev.mlsys.models.Combiner;
import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.Parallel;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains several models on the same data and combines them by a weighted vote: hard (each model
 * votes for its class) or soft (weighted mean of class probabilities); for regression, the
 * weighted mean.
 *
 * <pre>{@code
 * EnsembleModel vote = Ensembles.voting(Trainers.logisticRegression(), Trainers.randomForest())
 *     .weights(1, 2).soft().fit(train);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class Voting implements ModelTrainer {
  private final List<ModelTrainer> trainers;
  private final double[] weights;
  private final boolean hard;
  private final int threads;
  private final long seed;

  Voting(List<ModelTrainer> trainers, double[] weights, boolean hard, int threads, long seed) {
    this.trainers = List.copyOf(trainers);
    if (this.trainers.isEmpty()) {
      throw new IllegalArgumentException("voting needs at least one trainer");
    }
    this.weights = weights;
    this.hard = hard;
    this.threads = threads;
    this.seed = seed;
  }

  /**
   * @param w one weight per trainer, each finite and &gt;= 0, not all zero
   * @return a copy
   * @throws IllegalArgumentException if the count or a value is wrong
   */
  public Voting weights(double... w) {
    if (w.length != trainers.size()) {
      throw new IllegalArgumentException("weights has " + w.length + " values for " + trainers.size() + " trainers");
    }
    return new Voting(trainers, w.clone(), hard, threads, seed);
  }

  /** @return a copy that counts votes */
  public Voting hard() {
    return new Voting(trainers, weights, true, threads, seed);
  }

  /** @return a copy that averages probabilities (the default) */
  public Voting soft() {
    return new Voting(trainers, weights, false, threads, seed);
  }

  /** @param n worker threads, &gt;= 1 @return a copy */
  public Voting threads(int n) {
    return new Voting(trainers, weights, hard, Params.positiveInt("threads", n), seed);
  }

  /** @param s the seed handed to every member trainer (mixed per member) @return a copy */
  public Voting seed(long s) {
    return new Voting(trainers, weights, hard, threads, s);
  }

  @Override
  public EnsembleModel fit(LabeledData data) {
    java.util.SplittableRandom root = new java.util.SplittableRandom(seed);
    long[] seeds = new long[trainers.size()];
    for (int m = 0; m < seeds.length; m++) {
      seeds[m] = root.nextLong();
    }
    List<TrainedModel> members = Parallel.map(trainers.size(), threads,
        m -> trainers.get(m).withSeed(seeds[m]).fit(data));
    return combine(members, weights, data.task() == Task.REGRESSION ? Combiner.MEAN
        : hard ? Combiner.HARD_VOTE : Combiner.SOFT_VOTE);
  }

  static EnsembleModel combine(List<? extends TrainedModel> members, double[] weights, Combiner combiner) {
    double[] w = weights;
    if (w == null) {
      w = new double[members.size()];
      java.util.Arrays.fill(w, 1.0);
    }
    return EnsembleModel.of("voting", members, w, combiner, null);
  }

  @Override
  public String name() {
    return hard ? "hard-voting" : "soft-voting";
  }

  @Override
  public Map<String, Object> params() {
    List<String> names = new ArrayList<>();
    trainers.forEach(t -> names.add(t.describe()));
    return Params.ordered("members", names, "weights", weights == null ? "uniform" : java.util.Arrays.toString(weights),
        "threads", threads, "seed", seed);
  }

  @Override
  public ModelTrainer with(String name, Object value) {
    return switch (name) {
      case "threads" -> threads(Params.positiveInt(name, value));
      case "seed" -> seed(Params.seed(value));
      default -> throw Params.unknown(name(), name, params());
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
