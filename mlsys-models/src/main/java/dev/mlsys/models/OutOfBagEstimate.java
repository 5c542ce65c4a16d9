package dev.mlsys.models;

/**
 * The out-of-bag estimate of a bagged ensemble (Breiman 1996, "Out-of-bag estimation"): every
 * training example is predicted by the members whose bootstrap sample left it out.
 *
 * @param score accuracy (classification) or root mean squared error (regression) over the
 *     covered examples
 * @param covered the number of examples left out by at least one member
 * @param total the number of training examples
 */
public record OutOfBagEstimate(double score, int covered, int total) {

  /** @return the share of training examples the estimate covers */
  public double coverage() {
    return total == 0 ? 0 : (double) covered / total;
  }
}
