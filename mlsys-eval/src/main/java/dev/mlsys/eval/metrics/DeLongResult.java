package dev.mlsys.eval.metrics;

/**
 * DeLong's test of two correlated ROC AUCs measured on the same rows.
 *
 * <p>Immutable value.
 *
 * @param aucA the AUC of the first scores
 * @param aucB the AUC of the second scores
 * @param varianceA DeLong's variance estimate of aucA
 * @param varianceB DeLong's variance estimate of aucB
 * @param covariance DeLong's covariance estimate of aucA and aucB
 * @param z (aucA - aucB) / sd(aucA - aucB); 0 when the difference and its variance are both 0
 * @param pValue two-sided p-value of z under the standard normal
 */
public record DeLongResult(double aucA, double aucB, double varianceA, double varianceB, double covariance,
    double z, double pValue) {

  /** @return aucA - aucB */
  public double difference() {
    return aucA - aucB;
  }

  /** @return the standard error of the difference */
  public double standardError() {
    return Math.sqrt(Math.max(0, varianceA + varianceB - 2 * covariance));
  }

  /**
   * @param confidence the confidence level in (0, 1)
   * @return the normal-theory interval of aucA - aucB
   */
  public Interval differenceInterval(double confidence) {
    double half = Proportions.normalCriticalValue(confidence) * standardError();
    return new Interval(difference() - half, difference() + half, confidence);
  }
}
