package dev.mlsys.monitor.profile;

/**
 * A distribution as sorted values with cumulative weights: the exact values with weight 1 each,
 * or a quantile sketch's retained items with their weights. The CDF at x is the cumulative weight
 * of the last value &lt;= x divided by {@link #total()}.
 *
 * <p>Thread-safety: holds arrays owned by the caller once returned; treat as read-only.
 *
 * @param values sorted values
 * @param cumulativeWeights non-decreasing cumulative weights, one per value
 */
public record WeightedValues(double[] values, double[] cumulativeWeights) {

  /** @throws IllegalArgumentException if the arrays differ in length or are empty */
  public WeightedValues {
    if (values.length != cumulativeWeights.length || values.length == 0) {
      throw new IllegalArgumentException("values (" + values.length + ") and cumulative weights ("
          + cumulativeWeights.length + ") must be non-empty and of equal length");
    }
  }

  /** @return the total weight */
  public double total() {
    return cumulativeWeights[cumulativeWeights.length - 1];
  }
}
