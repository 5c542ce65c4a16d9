package dev.mlsys.data.imbalance;

import dev.mlsys.api.Row;
import dev.mlsys.data.split.TrainingMatrix;
import dev.mlsys.data.split.TrainingSet;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Random under-sampling: keeps a uniform random subset (without replacement) of each class above
 * its target. Kept rows stay in their original order. Made by {@link Resamplers#randomUnder()}.
 *
 * <p>Immutable; every option returns a copy. Thread-safe.
 */
public final class RandomUnderSampler implements Resampler {
  private final SamplingStrategy strategy;
  private final long seed;

  RandomUnderSampler(SamplingStrategy strategy, long seed) {
    this.strategy = strategy;
    this.seed = seed;
  }

  /**
   * @param seed the seed of the draws (default 0)
   * @return a copy with the seed
   */
  public RandomUnderSampler seed(long seed) {
    return new RandomUnderSampler(strategy, seed);
  }

  /**
   * @param strategy the target counts (default {@link SamplingStrategy#balanced()})
   * @return a copy with the strategy
   */
  public RandomUnderSampler strategy(SamplingStrategy strategy) {
    return new RandomUnderSampler(Objects.requireNonNull(strategy, "strategy"), seed);
  }

  @Override
  public TrainingSet<Row> resample(TrainingSet<Row> training) {
    Encoded e = Encoded.labelsOf(training.items());
    return plan(e).apply(training, e, toString());
  }

  @Override
  public TrainingMatrix resample(TrainingMatrix training) {
    Encoded e = Encoded.ofMatrix(training, new int[0], "random under-sampling");
    return plan(e).apply(training, e, toString());
  }

  private Plan plan(Encoded e) {
    int[] counts = e.counts();
    int[] targets = strategy.targets(counts, e.classes, false, "random under-sampling");
    int[][] members = e.members();
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] kept = new boolean[e.size()];
    for (int c = 0; c < counts.length; c++) {
      int[] m = members[c].clone();
      // a partial Fisher-Yates shuffle draws targets[c] distinct members uniformly
      for (int t = 0; t < targets[c]; t++) {
        int j = t + random.nextInt(m.length - t);
        int swap = m[t];
        m[t] = m[j];
        m[j] = swap;
        kept[m[t]] = true;
      }
    }
    Plan p = new Plan();
    for (int i = 0; i < kept.length; i++) {
      if (kept[i]) {
        p.keep.add(i);
      }
    }
    return p;
  }

  @Override
  public String toString() {
    return "random under-sampling seed=" + seed + " strategy=" + strategy;
  }
}
