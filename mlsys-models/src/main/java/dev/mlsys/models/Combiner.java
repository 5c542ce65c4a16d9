package dev.mlsys.models;

/**
 * How an {@link EnsembleModel} turns its members' outputs into one. Each combiner adds one
 * weighted term per member to a decision vector (over classes, or one value); the terms are what
 * {@link EnsembleModel#contributions(double[])} reports.
 */
public enum Combiner {
  /** Hard voting: each member votes for its most probable class with its weight; probabilities are vote shares. */
  HARD_VOTE,
  /** Soft voting: the weighted mean of the members' class probabilities. */
  SOFT_VOTE,
  /**
   * AdaBoost SAMME (Zhu, Zou, Rosset and Hastie 2009, "Multi-class AdaBoost", algorithm 2): each
   * member votes for its class with weight alpha; probabilities are
   * {@code softmax(decision / (k - 1))} of the normalised votes, as scikit-learn computes them.
   */
  SAMME,
  /**
   * AdaBoost SAMME.R (same paper, algorithm 4): each member adds
   * {@code (k - 1) * (log p_c - mean_j log p_j)} for every class c; probabilities are
   * {@code softmax(decision / (k - 1))} of the mean decision.
   */
  SAMME_R,
  /** Regression: the weighted mean of the members' values. */
  MEAN
}
