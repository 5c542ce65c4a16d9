package dev.mlsys.eval.metrics;

/**
 * Any statistic of a data set of n rows, computed on a resample given as row indices (with
 * repeats); the most general unit {@link Bootstrap} works with. Each call gets its own array.
 */
@FunctionalInterface
public interface ResampleStatistic {
  /**
   * @param rows indices into the caller's data, each in [0, n), possibly repeated; for the
   *     estimate on the data itself they are 0, 1, ..., n - 1
   * @return the statistic; NaN or an {@link IllegalArgumentException} when undefined
   */
  double compute(int[] rows);
}
