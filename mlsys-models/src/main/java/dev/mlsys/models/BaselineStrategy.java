package dev.mlsys.models;

/**
 * How a {@link BaselineModel} guesses, as scikit-learn's {@code DummyClassifier} and
 * {@code DummyRegressor} do. A real model has to beat the chosen baseline to be worth serving.
 */
public enum BaselineStrategy {
  /** Always the most frequent training class; probability 1 for it. */
  MOST_FREQUENT,
  /** Always the most frequent training class; probabilities are the training class priors. */
  PRIOR,
  /** A class drawn from the training priors; probability 1 for the drawn class. */
  STRATIFIED,
  /** A class drawn uniformly; every class has probability 1 / k. */
  UNIFORM,
  /** A given class or value. */
  CONSTANT,
  /** The training mean (regression). */
  MEAN,
  /** The training median (regression). */
  MEDIAN
}
