package dev.mlsys.monitor.stats;

/**
 * A two-sample test between a reference and a current sample of points in d dimensions (rows are
 * points, all of the same length).
 *
 * <p>Every implementation rejects empty samples, ragged rows and non-finite values with an
 * {@link IllegalArgumentException} naming the sample and row. The arrays are never modified.
 *
 * <p>Thread-safety: implementations are immutable and safe for concurrent use.
 */
public interface MultivariateDriftTest {

  /**
   * @param reference reference points, one row each
   * @param current current points, with the same number of columns
   * @return the statistic and p-value
   * @throws IllegalArgumentException if a sample is too small, ragged or holds a non-finite value
   * @throws NullPointerException if a sample or a row is null
   */
  TestResult test(double[][] reference, double[][] current);

  /** @return a short name for reports, such as {@code "mmd"} */
  String name();
}
