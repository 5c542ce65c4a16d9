package dev.mlsys.models;

import dev.mlsys.api.Prediction;
import java.util.List;
import java.util.Locale;

/**
 * A model that ignores its features beyond a seeded draw: the yardstick of the book's first step,
 * "start with a baseline". Random strategies ({@link BaselineStrategy#STRATIFIED},
 * {@link BaselineStrategy#UNIFORM}) draw from a hash of the input vector and the seed, so the same
 * row always gets the same answer and predictions are reproducible.
 *
 * <p>Thread-safety: immutable.
 */
public final class BaselineModel implements TrainedModel {
  private final BaselineStrategy strategy;
  private final Task task;
  private final List<String> featureNames;
  private final List<String> classes;
  private final double[] distribution;
  private final double value;
  private final long seed;

  private BaselineModel(BaselineStrategy strategy, Task task, List<String> featureNames, List<String> classes,
      double[] distribution, double value, long seed) {
    this.strategy = strategy;
    this.task = task;
    this.featureNames = List.copyOf(featureNames);
    this.classes = List.copyOf(classes);
    this.distribution = distribution;
    this.value = value;
    this.seed = seed;
  }

  /**
   * A classification baseline.
   *
   * @param strategy a classification strategy
   * @param featureNames the input names
   * @param classes the class order
   * @param distribution class priors for PRIOR / STRATIFIED, one-hot of the answer for
   *     MOST_FREQUENT / CONSTANT, anything of the right length for UNIFORM
   * @param seed the seed of random strategies
   * @return the model
   * @throws IllegalArgumentException if the strategy is a regression one or the distribution is
   *     not one per class summing to 1
   */
  public static BaselineModel classification(BaselineStrategy strategy, List<String> featureNames, List<String> classes,
      double[] distribution, long seed) {
    if (strategy == BaselineStrategy.MEAN || strategy == BaselineStrategy.MEDIAN) {
      throw new IllegalArgumentException("strategy " + strategy + " is for regression");
    }
    if (distribution.length != classes.size()) {
      throw new IllegalArgumentException("distribution has " + distribution.length + " values for " + classes.size()
          + " classes");
    }
    double sum = 0;
    for (double p : distribution) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("distribution values must be in [0, 1] but one was: " + p);
      }
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("distribution must sum to 1 but summed to: " + sum);
    }
    return new BaselineModel(strategy, Task.CLASSIFICATION, featureNames, classes, distribution.clone(), Double.NaN, seed);
  }

  /**
   * A regression baseline.
   *
   * @param strategy MEAN, MEDIAN or CONSTANT
   * @param featureNames the input names
   * @param value the value it always predicts, finite
   * @return the model
   * @throws IllegalArgumentException for a classification strategy or a non-finite value
   */
  public static BaselineModel regression(BaselineStrategy strategy, List<String> featureNames, double value) {
    if (strategy != BaselineStrategy.MEAN && strategy != BaselineStrategy.MEDIAN && strategy != BaselineStrategy.CONSTANT) {
      throw new IllegalArgumentException("strategy " + strategy + " is for classification");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite but was: " + value);
    }
    return new BaselineModel(strategy, Task.REGRESSION, featureNames, List.of(), new double[0], value, 0L);
  }

  /** @return how this baseline guesses */
  public BaselineStrategy strategy() {
    return strategy;
  }

  /** @return a copy of the class distribution it was built with (empty for regression) */
  public double[] distribution() {
    return distribution.clone();
  }

  /** @return the regression value, NaN for classification */
  public double value() {
    return value;
  }

  /** @return the seed of the random strategies */
  public long seed() {
    return seed;
  }

  @Override
  public Task task() {
    return task;
  }

  @Override
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public List<String> classes() {
    return classes;
  }

  @Override
  public String name() {
    return "baseline(" + strategy.name().toLowerCase(Locale.ROOT) + ")";
  }

  @Override
  public double[] output(double[] features) {
    Outputs.checkInput(this, features);
    if (task == Task.REGRESSION) {
      return new double[] {value};
    }
    return switch (strategy) {
      case STRATIFIED -> {
        double[] out = new double[classes.size()];
        out[draw(features, distribution)] = 1.0;
        yield out;
      }
      case UNIFORM -> {
        double[] out = new double[classes.size()];
        java.util.Arrays.fill(out, 1.0 / out.length);
        yield out;
      }
      default -> distribution.clone();
    };
  }

  @Override
  public Prediction predict(double[] features) {
    double[] out = output(features);
    if (strategy == BaselineStrategy.UNIFORM) {
      return Outputs.classification(classes, out, draw(features, out));
    }
    return Outputs.toPrediction(this, out);
  }

  /** Draws a class from {@code p} with a uniform number hashed from the vector and the seed. */
  private int draw(double[] features, double[] p) {
    long h = seed;
    for (double v : features) {
      h = SplitMix.mix(h ^ Double.doubleToLongBits(v));
    }
    double u = (SplitMix.mix(h) >>> 11) * 0x1.0p-53;
    double cumulative = 0;
    for (int k = 0; k < p.length; k++) {
      cumulative += p[k];
      if (u < cumulative) {
        return k;
      }
    }
    return p.length - 1;
  }
}
