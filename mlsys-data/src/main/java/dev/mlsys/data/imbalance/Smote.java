package dev.mlsys.data.imbalance;

import dev.mlsys.api.Row;
import dev.mlsys.data.split.TrainingMatrix;
import dev.mlsys.data.split.TrainingSet;
import java.util.Objects;

/**
 * SMOTE: adds synthetic rows on the segments between a class's rows and their nearest same-class
 * neighbours (Chawla et al., JAIR 16, 2002, section 4.2; see {@link Resamplers#smote()}). Every
 * feature must be continuous: numeric or timestamp fields for rows, every column for matrices;
 * missing and non-finite values are rejected. Use {@link SmoteNc} for mixed data. Scale features
 * first if their units differ, since distances are Euclidean.
 *
 * <p>Neighbours are found by exact brute force, O(m^2 d) per class of m rows and d features.
 *
 * <p>Immutable; every option returns a copy. Thread-safe.
 */
public final class Smote implements Resampler {
  private final int k;
  private final SamplingStrategy strategy;
  private final long seed;

  Smote(int k, SamplingStrategy strategy, long seed) {
    this.k = k;
    this.strategy = strategy;
    this.seed = seed;
  }

  /**
   * @param k the number of nearest neighbours to interpolate towards (default 5); a class with
   *     fewer than {@code k + 1} rows uses all of its other rows, noted in the provenance
   * @return a copy with {@code k}
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public Smote k(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1 but was: " + k);
    }
    return new Smote(k, strategy, seed);
  }

  /**
   * @param seed the seed of the draws (default 0)
   * @return a copy with the seed
   */
  public Smote seed(long seed) {
    return new Smote(k, strategy, seed);
  }

  /**
   * @param strategy the target counts (default {@link SamplingStrategy#balanced()})
   * @return a copy with the strategy
   */
  public Smote strategy(SamplingStrategy strategy) {
    return new Smote(k, Objects.requireNonNull(strategy, "strategy"), seed);
  }

  /**
   * @throws IllegalArgumentException also if a feature is not numeric or timestamp, a value is
   *     missing, or a class to grow has fewer than 2 rows
   */
  @Override
  public TrainingSet<Row> resample(TrainingSet<Row> training) {
    Encoded e = Encoded.ofRows(training.items(), false, "SMOTE");
    StringBuilder notes = new StringBuilder();
    Plan p = SmoteEngine.plan(e, k, strategy, seed, false, "SMOTE", notes);
    return p.apply(training, e, this + notes.toString());
  }

  /**
   * @throws IllegalArgumentException also if a value is not finite or a class to grow has fewer
   *     than 2 rows
   */
  @Override
  public TrainingMatrix resample(TrainingMatrix training) {
    Encoded e = Encoded.ofMatrix(training, new int[0], "SMOTE");
    StringBuilder notes = new StringBuilder();
    Plan p = SmoteEngine.plan(e, k, strategy, seed, false, "SMOTE", notes);
    return p.apply(training, e, this + notes.toString());
  }

  @Override
  public String toString() {
    return "SMOTE k=" + k + " seed=" + seed + " strategy=" + strategy;
  }
}
