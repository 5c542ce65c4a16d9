package dev.mlsys.monitor;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Multiple-testing correction of the per-feature p-values of one drift check. Each method returns
 * adjusted p-values to compare with the significance level alpha, as
 * {@code statsmodels.stats.multitest.multipletests} computes them.
 */
public enum Correction {
  /** No correction: each feature is tested at alpha on its own (the family-wise error grows with the features). */
  NONE,
  /** Bonferroni: p * m, capped at 1. Controls the family-wise error rate; conservative. */
  BONFERRONI,
  /**
   * Holm's step-down method (Holm 1979): the i-th smallest p-value times (m - i + 1), made
   * monotone. Controls the family-wise error rate and is never less powerful than Bonferroni.
   */
  HOLM,
  /**
   * Benjamini-Hochberg step-up method (1995): the i-th smallest p-value times m / i, made
   * monotone from the largest down. Controls the false discovery rate under independence or
   * positive dependence.
   */
  BENJAMINI_HOCHBERG;

  /**
   * @param pValues raw p-values, each in [0, 1]
   * @return adjusted p-values in the same order, each in [0, 1]
   * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1]
   */
  public double[] adjust(double[] pValues) {
    Objects.requireNonNull(pValues, "pValues");
    for (int i = 0; i < pValues.length; i++) {
      if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
        throw new IllegalArgumentException("p-value " + i + " must be in [0, 1] but was: " + pValues[i]);
      }
    }
    int m = pValues.length;
    double[] out = new double[m];
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    switch (this) {
      case NONE:
        return pValues.clone();
      case BONFERRONI:
        for (int i = 0; i < m; i++) {
          out[i] = Math.min(1.0, pValues[i] * m);
        }
        return out;
      case HOLM: {
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
          int i = order[rank];
          running = Math.max(running, Math.min(1.0, (m - rank) * pValues[i]));
          out[i] = running;
        }
        return out;
      }
      case BENJAMINI_HOCHBERG: {
        double running = 1.0;
        for (int rank = m - 1; rank >= 0; rank--) {
          int i = order[rank];
          running = Math.min(running, pValues[i] * m / (rank + 1));
          out[i] = Math.min(1.0, running);
        }
        return out;
      }
      default:
        throw new AssertionError(this);
    }
  }
}
