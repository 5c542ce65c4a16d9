package dev.mlsys.models;

/** What a model predicts: a class out of a fixed list, or a real value. */
public enum Task {
  /** Predicts one of a fixed, ordered list of classes, with a probability for each. */
  CLASSIFICATION,
  /** Predicts a real value. */
  REGRESSION
}
