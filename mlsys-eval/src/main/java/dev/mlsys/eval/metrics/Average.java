package dev.mlsys.eval.metrics;

/** How per-class precision, recall, F1 or ROC AUC are combined into one number. */
public enum Average {
  /**
   * Unweighted mean over classes. Classes that appear neither among the actual nor among the
   * predicted labels are left out, as scikit-learn does when it is not given {@code labels}.
   */
  MACRO,
  /** Mean over classes weighted by each class's support (its count among the actual labels). */
  WEIGHTED,
  /** Computed from the pooled counts of all classes; for single-label data equal to accuracy. */
  MICRO
}
