package dev.mlsys.data.sampling;

/**
 * One draw of an importance sample: the item with its importance weight, so the two cannot be
 * separated by accident.
 *
 * @param item the drawn item (may be null if the stream held nulls)
 * @param weight the importance weight p(x) / q(x) of the normalised target p and proposal q;
 *     the plain average of {@code weight * f(item)} over the draws is an unbiased estimate of the
 *     target mean of f
 * @param normalizedWeight the self-normalised weight, {@code weight} divided by the sum of the
 *     weights of all draws; these add up to 1
 * @param <T> the item type
 */
public record Weighted<T>(T item, double weight, double normalizedWeight) {
  /**
   * @throws IllegalArgumentException if a weight is negative or NaN
   */
  public Weighted {
    if (!(weight >= 0) || !(normalizedWeight >= 0)) {
      throw new IllegalArgumentException("weights must be >= 0 but were: weight=" + weight
          + ", normalizedWeight=" + normalizedWeight);
    }
  }
}
