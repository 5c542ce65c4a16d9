package dev.mlsys.models;

import java.util.Objects;

/**
 * Entry point for baseline trainers, the models every evaluation compares against:
 *
 * <pre>{@code
 * TrainedModel baseline = Baselines.mostFrequent().fit(train);
 * ModelEvaluation eval = Evaluation.of(model, test).against(baseline);   // reports the gain
 * }</pre>
 *
 * <p>Thread-safety: the trainers are immutable.
 */
public final class Baselines {
  private Baselines() {}

  /** @return a trainer that always predicts the most frequent class, with probability 1 */
  public static ModelTrainer mostFrequent() {
    return new BaselineTrainer(BaselineStrategy.MOST_FREQUENT, null, Double.NaN, 0L);
  }

  /** @return a trainer that predicts the most frequent class with the class priors as probabilities */
  public static ModelTrainer prior() {
    return new BaselineTrainer(BaselineStrategy.PRIOR, null, Double.NaN, 0L);
  }

  /** @return a trainer that draws a class from the class priors (seeded, per input) */
  public static ModelTrainer stratified() {
    return new BaselineTrainer(BaselineStrategy.STRATIFIED, null, Double.NaN, 0L);
  }

  /** @return a trainer that draws a class uniformly (seeded, per input) */
  public static ModelTrainer uniform() {
    return new BaselineTrainer(BaselineStrategy.UNIFORM, null, Double.NaN, 0L);
  }

  /**
   * @param cls the class to predict; must be one of the training classes
   * @return a trainer that always predicts {@code cls}
   */
  public static ModelTrainer constant(String cls) {
    return new BaselineTrainer(BaselineStrategy.CONSTANT, Objects.requireNonNull(cls, "cls"), Double.NaN, 0L);
  }

  /**
   * @param value the value to predict, finite
   * @return a regression trainer that always predicts {@code value}
   * @throws IllegalArgumentException if the value is not finite
   */
  public static ModelTrainer constant(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite but was: " + value);
    }
    return new BaselineTrainer(BaselineStrategy.CONSTANT, null, value, 0L);
  }

  /** @return a regression trainer that predicts the training mean */
  public static ModelTrainer mean() {
    return new BaselineTrainer(BaselineStrategy.MEAN, null, Double.NaN, 0L);
  }

  /** @return a regression trainer that predicts the training median */
  public static ModelTrainer median() {
    return new BaselineTrainer(BaselineStrategy.MEDIAN, null, Double.NaN, 0L);
  }

  /**
   * @param task the task
   * @return the usual baseline for it: most frequent class, or the mean
   */
  public static ModelTrainer defaultFor(Task task) {
    return task == Task.CLASSIFICATION ? prior() : mean();
  }
}
