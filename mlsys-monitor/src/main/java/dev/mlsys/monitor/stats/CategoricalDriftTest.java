package dev.mlsys.monitor.stats;

import java.util.Map;

/**
 * A two-sample test or distance between the category counts of a reference sample and a current
 * sample. Categories are the union of both maps' keys: a category seen on one side only counts as
 * zero on the other.
 *
 * <pre>{@code
 * TestResult r = DriftTests.chiSquared().test(Map.of("sun", 120L, "rain", 80L), Map.of("sun", 90L, "rain", 95L));
 * }</pre>
 *
 * <p>Every implementation rejects negative counts, null keys and samples whose counts sum to
 * zero with an {@link IllegalArgumentException} naming the sample. The maps are never modified.
 *
 * <p>Thread-safety: implementations are immutable and safe for concurrent use.
 */
public interface CategoricalDriftTest {

  /**
   * @param reference category to count in the reference sample
   * @param current category to count in the current sample
   * @return the statistic and p-value (NaN for distances)
   * @throws IllegalArgumentException if a count is negative or null, or a side has no counts
   * @throws NullPointerException if a map is null
   */
  TestResult test(Map<String, Long> reference, Map<String, Long> current);

  /** @return a short name for reports, such as {@code "chi2"} */
  String name();

  /** @return whether {@link #test} gives a p-value, as opposed to a distance only */
  boolean hasPValue();
}
