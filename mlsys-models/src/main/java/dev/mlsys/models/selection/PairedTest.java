package dev.mlsys.models.selection;

/**
 * The outcome of a paired significance test between two models evaluated on the same examples
 * or folds.
 *
 * @param test the test's name
 * @param statistic its statistic
 * @param pValue its two-sided p-value
 * @param difference the first model's score minus the second's (accuracy, or the mean fold
 *     metric)
 */
public record PairedTest(String test, double statistic, double pValue, double difference) {

  /**
   * @param alpha the significance level, in (0, 1)
   * @return whether the difference is significant at that level
   */
  public boolean significant(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha (" + alpha + ") must be in (0, 1)");
    }
    return pValue < alpha;
  }
}
