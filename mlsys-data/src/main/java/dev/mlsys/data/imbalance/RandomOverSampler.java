package dev.mlsys.data.imbalance;

import dev.mlsys.api.Row;
import dev.mlsys.data.split.TrainingMatrix;
import dev.mlsys.data.split.TrainingSet;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Random over-sampling: adds copies of rows drawn uniformly with replacement from each class
 * below its target. Works on any features (missing values included), since it never reads them.
 * Made by {@link Resamplers#randomOver()}.
 *
 * <p>Immutable; every option returns a copy. Thread-safe.
 */
public final class RandomOverSampler implements Resampler {
  private final SamplingStrategy strategy;
  private final long seed;

  RandomOverSampler(SamplingStrategy strategy, long seed) {
    this.strategy = strategy;
    this.seed = seed;
  }

  /**
   * @param seed the seed of the draws (default 0)
   * @return a copy with the seed
   */
  public RandomOverSampler seed(long seed) {
    return new RandomOverSampler(strategy, seed);
  }

  /**
   * @param strategy the target counts (default {@link SamplingStrategy#balanced()})
   * @return a copy with the strategy
   */
  public RandomOverSampler strategy(SamplingStrategy strategy) {
    return new RandomOverSampler(Objects.requireNonNull(strategy, "strategy"), seed);
  }

  @Override
  public TrainingSet<Row> resample(TrainingSet<Row> training) {
    Encoded e = Encoded.labelsOf(training.items());
    return plan(e).apply(training, e, toString());
  }

  @Override
  public TrainingMatrix resample(TrainingMatrix training) {
    Encoded e = Encoded.ofMatrix(training, new int[0], "random over-sampling");
    return plan(e).apply(training, e, toString());
  }

  private Plan plan(Encoded e) {
    int[] counts = e.counts();
    int[] targets = strategy.targets(counts, e.classes, true, "random over-sampling");
    int[][] members = e.members();
    SplittableRandom random = new SplittableRandom(seed);
    Plan p = new Plan();
    for (int i = 0; i < e.size(); i++) {
      p.keep.add(i);
    }
    for (int c = 0; c < counts.length; c++) {
      for (int t = counts[c]; t < targets[c]; t++) {
        p.keep.add(members[c][random.nextInt(members[c].length)]);
      }
    }
    return p;
  }

  @Override
  public String toString() {
    return "random over-sampling seed=" + seed + " strategy=" + strategy;
  }
}
