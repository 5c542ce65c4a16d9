package dev.mlsys.monitor.stats;

/**
 * A two-sample test or distance between a reference sample and a current sample of numbers.
 *
 * <pre>{@code
 * TestResult r = DriftTests.kolmogorovSmirnov().test(reference, current);
 * boolean drifted = r.pValue() < 0.05;
 * }</pre>
 *
 * <p>Every implementation rejects empty samples and samples holding NaN or infinities with an
 * {@link IllegalArgumentException} naming the sample, and never returns a NaN statistic. The
 * input arrays are never modified.
 *
 * <p>Thread-safety: implementations are immutable and safe for concurrent use.
 */
public interface NumericDriftTest {

  /**
   * @param reference the reference (training) sample
   * @param current the current (serving) sample
   * @return the statistic and p-value (NaN for distances)
   * @throws IllegalArgumentException if a sample is empty, too small for the test, or holds a
   *     non-finite value
   * @throws NullPointerException if a sample is null
   */
  TestResult test(double[] reference, double[] current);

  /** @return a short name for reports, such as {@code "ks"} or {@code "psi(10)"} */
  String name();

  /** @return whether {@link #test} gives a p-value, as opposed to a distance only */
  boolean hasPValue();
}
