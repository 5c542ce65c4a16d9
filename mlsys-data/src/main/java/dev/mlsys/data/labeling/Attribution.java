package dev.mlsys.data.labeling;

/** Which predictions an outcome labels when several of its key fall inside its window. */
public enum Attribution {
  /**
   * The outcome labels the latest prediction of its key in its window that has no outcome yet
   * (last-touch attribution): each outcome labels at most one prediction.
   */
  LATEST_PREDICTION,
  /**
   * The outcome labels every prediction of its key in its window that has no outcome yet (for
   * example a churn event labels every churn score of the week before).
   */
  EACH_PREDICTION
}
