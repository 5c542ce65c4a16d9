package dev.mlsys.data.imbalance;

import dev.mlsys.api.Row;
import dev.mlsys.data.split.TrainingMatrix;
import dev.mlsys.data.split.TrainingSet;
import java.util.Arrays;
import java.util.Objects;

/**
 * SMOTE-NC, for data with both continuous and nominal features (Chawla et al., JAIR 16, 2002,
 * section 6.1; see {@link Resamplers#smoteNc()}). Continuous features are interpolated as in
 * SMOTE; each nominal feature of a synthetic row takes the value most frequent among its seed's
 * {@code k} nearest neighbours (ties broken at random); the distance adds the squared median of
 * the class's continuous standard deviations for each differing nominal value.
 *
 * <p>For rows, numeric and timestamp fields are continuous and categorical, text and boolean
 * fields nominal. For matrices, name the nominal columns with {@link #categoricalColumns(int...)};
 * their values are category codes.
 *
 * <p>Imbalanced-learn's {@code SMOTENC} (0.10) weighs a nominal mismatch as {@code Med^2 / 2}
 * and computes {@code Med} once from the smallest class; this follows the paper: {@code Med^2},
 * computed for each class grown.
 *
 * <p>Immutable; every option returns a copy. Thread-safe.
 */
public final class SmoteNc implements Resampler {
  private final int k;
  private final SamplingStrategy strategy;
  private final long seed;
  private final int[] categorical;

  SmoteNc(int k, SamplingStrategy strategy, long seed, int[] categorical) {
    this.k = k;
    this.strategy = strategy;
    this.seed = seed;
    this.categorical = categorical;
  }

  /**
   * @param k the number of nearest neighbours (default 5)
   * @return a copy with {@code k}
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public SmoteNc k(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1 but was: " + k);
    }
    return new SmoteNc(k, strategy, seed, categorical);
  }

  /**
   * @param seed the seed of the draws (default 0)
   * @return a copy with the seed
   */
  public SmoteNc seed(long seed) {
    return new SmoteNc(k, strategy, seed, categorical);
  }

  /**
   * @param strategy the target counts (default {@link SamplingStrategy#balanced()})
   * @return a copy with the strategy
   */
  public SmoteNc strategy(SamplingStrategy strategy) {
    return new SmoteNc(k, Objects.requireNonNull(strategy, "strategy"), seed, categorical);
  }

  /**
   * @param columns the nominal columns of a matrix (rows take theirs from the schema)
   * @return a copy with the columns
   */
  public SmoteNc categoricalColumns(int... columns) {
    return new SmoteNc(k, strategy, seed, columns.clone());
  }

  /**
   * @throws IllegalArgumentException also if the rows have no continuous or no nominal feature,
   *     a value is missing, or a class to grow has fewer than 2 rows
   */
  @Override
  public TrainingSet<Row> resample(TrainingSet<Row> training) {
    Encoded e = Encoded.ofRows(training.items(), true, "SMOTE-NC");
    checkMixed(e);
    StringBuilder notes = new StringBuilder();
    Plan p = SmoteEngine.plan(e, k, strategy, seed, true, "SMOTE-NC", notes);
    return p.apply(training, e, this + notes.toString());
  }

  /**
   * @throws IllegalArgumentException also if no categorical columns were named or all columns
   *     are, a value is not finite, or a class to grow has fewer than 2 rows
   */
  @Override
  public TrainingMatrix resample(TrainingMatrix training) {
    Encoded e = Encoded.ofMatrix(training, categorical, "SMOTE-NC");
    checkMixed(e);
    StringBuilder notes = new StringBuilder();
    Plan p = SmoteEngine.plan(e, k, strategy, seed, true, "SMOTE-NC", notes);
    return p.apply(training, e, this + notes.toString());
  }

  private static void checkMixed(Encoded e) {
    int nominal = 0;
    for (boolean b : e.nominal) {
      nominal += b ? 1 : 0;
    }
    if (e.size() > 0 && (nominal == 0 || nominal == e.nominal.length)) {
      throw new IllegalArgumentException("SMOTE-NC needs both continuous and nominal features, but "
          + (nominal == 0 ? "none is nominal (use Resamplers.smote(), or name the categorical columns)"
          : "all " + nominal + " are nominal"));
    }
  }

  @Override
  public String toString() {
    return "SMOTE-NC k=" + k + " seed=" + seed + " strategy=" + strategy
        + (categorical.length == 0 ? "" : " categorical=" + Arrays.toString(categorical));
  }
}
