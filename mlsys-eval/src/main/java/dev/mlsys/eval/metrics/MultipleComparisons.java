package dev.mlsys.eval.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Adjusted p-values for many comparisons at once (many slices, many models), so that "at least
 * one looks significant" does not happen by chance alone. Results equal statsmodels'
 * {@code multipletests} adjusted p-values ({@code fdr_bh}, {@code holm}).
 *
 * <pre>{@code
 * double[] adjusted = MultipleComparisons.benjaminiHochberg(pValues);
 * boolean[] rejected = MultipleComparisons.rejected(adjusted, 0.05);
 * }</pre>
 *
 * <p>Pure functions: thread-safe; the argument is not modified and results are in its order.
 */
public final class MultipleComparisons {
  private MultipleComparisons() {}

  /**
   * Benjamini and Hochberg (1995), controlling the false discovery rate: the i-th smallest of m
   * p-values becomes min over j &gt;= i of p_(j) m / j, capped at 1.
   *
   * @param pValues p-values in [0, 1]
   * @return adjusted p-values in the same order
   * @throws IllegalArgumentException if a value is outside [0, 1] or NaN
   */
  public static double[] benjaminiHochberg(double[] pValues) {
    int[] order = order(pValues);
    int m = pValues.length;
    double[] adjusted = new double[m];
    double running = 1;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, pValues[i] * m / rank);
      adjusted[i] = running;
    }
    return adjusted;
  }

  /**
   * Holm (1979), controlling the family-wise error rate: the i-th smallest p-value becomes
   * max over j &lt;= i of min(1, (m - j + 1) p_(j)).
   *
   * @param pValues p-values in [0, 1]
   * @return adjusted p-values in the same order
   * @throws IllegalArgumentException if a value is outside [0, 1] or NaN
   */
  public static double[] holm(double[] pValues) {
    int[] order = order(pValues);
    int m = pValues.length;
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 1; rank <= m; rank++) {
      int i = order[rank - 1];
      running = Math.max(running, Math.min(1, (m - rank + 1) * pValues[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }

  /**
   * @param adjusted adjusted p-values
   * @param alpha the level, in (0, 1)
   * @return whether each hypothesis is rejected (adjusted p &lt;= alpha)
   * @throws IllegalArgumentException if alpha is outside (0, 1)
   */
  public static boolean[] rejected(double[] adjusted, double alpha) {
    Objects.requireNonNull(adjusted, "adjusted");
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1) but was: " + alpha);
    }
    boolean[] out = new boolean[adjusted.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = adjusted[i] <= alpha;
    }
    return out;
  }

  private static int[] order(double[] pValues) {
    Inputs.probabilities("pValues", pValues);
    Integer[] boxed = new Integer[pValues.length];
    Arrays.setAll(boxed, i -> i);
    // stable: equal p-values keep their input order, as numpy's mergesort in statsmodels
    Arrays.sort(boxed, (x, y) -> Double.compare(pValues[x], pValues[y]));
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }
}
