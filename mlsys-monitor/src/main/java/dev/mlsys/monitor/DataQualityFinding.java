package dev.mlsys.monitor;

import java.util.Objects;

/**
 * One data-quality finding of a drift check.
 *
 * <p>Thread-safety: immutable.
 *
 * @param field the field concerned
 * @param kind what was found
 * @param severity how much it matters
 * @param count number of records (or values) concerned
 * @param rate count as a fraction of the current records, in [0, 1]
 * @param message a sentence naming the field, the values and the rule
 */
public record DataQualityFinding(String field, FindingKind kind, Severity severity, long count, double rate,
    String message) {

  /**
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if count is negative or rate outside [0, 1]
   */
  public DataQualityFinding {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0 but was: " + count);
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be in [0, 1] but was: " + rate);
    }
  }
}
