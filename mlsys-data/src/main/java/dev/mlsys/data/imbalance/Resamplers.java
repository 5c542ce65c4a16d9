package dev.mlsys.data.imbalance;

/**
 * Entry point to class-imbalance methods that change the training data. Each returns an immutable
 * {@link Resampler} that accepts only training data:
 *
 * <pre>{@code
 * Split split = Splits.stratified(0.8, 0.2).seed(1).split(rows, Row::label);
 * TrainingSet<Row> train = split.training(rows);
 * TrainingSet<Row> balanced = Resamplers.smoteNc().k(5).seed(7).resample(train);
 * List<Row> test = split.take(Part.TEST, rows);        // a plain list: no resampler takes it
 * }</pre>
 *
 * <p>To weigh classes instead of resampling, see {@link ClassWeights}. Thread-safe.
 */
public final class Resamplers {
  private Resamplers() {}

  /** @return random over-sampling with replacement, balanced, seed 0 */
  public static RandomOverSampler randomOver() {
    return new RandomOverSampler(SamplingStrategy.balanced(), 0);
  }

  /** @return random under-sampling without replacement, balanced, seed 0 */
  public static RandomUnderSampler randomUnder() {
    return new RandomUnderSampler(SamplingStrategy.balanced(), 0);
  }

  /** @return SMOTE with k = 5, balanced, seed 0 */
  public static Smote smote() {
    return new Smote(5, SamplingStrategy.balanced(), 0);
  }

  /** @return SMOTE-NC with k = 5, balanced, seed 0 */
  public static SmoteNc smoteNc() {
    return new SmoteNc(5, SamplingStrategy.balanced(), 0, new int[0]);
  }

  /** @return Tomek-link removal of the links' members outside the smallest class */
  public static TomekLinks tomekLinks() {
    return new TomekLinks(false);
  }
}
