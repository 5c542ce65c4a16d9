package dev.mlsys.monitor.profile;

/**
 * The one-pass summary of one column: counts of records, absent and missing values and type
 * errors, and, for numeric and categorical columns, the distribution of the valid values.
 *
 * <p>{@code count() = missing() + typeErrors() + valid()}; {@code absent()} (the key was not in
 * the record at all) is included in {@code missing()}.
 *
 * <p>Thread-safety: immutable once obtained from a {@link ReferenceProfile}.
 */
public sealed interface FieldProfile permits NumericProfile, CategoricalProfile, PresenceProfile {

  /** @return the column's spec */
  FieldSpec spec();

  /** @return the column name */
  default String name() {
    return spec().name();
  }

  /** @return records seen */
  long count();

  /** @return records whose map had no entry for the column */
  long absent();

  /** @return records with no value: absent, null, blank, "NA" or NaN */
  long missing();

  /** @return records whose value could not be read as the column's type */
  long typeErrors();

  /** @return records with a usable value */
  default long valid() {
    return count() - missing() - typeErrors();
  }

  /** @return missing() / count(), 0 when nothing was seen */
  default double missingRate() {
    return count() == 0 ? 0.0 : (double) missing() / count();
  }
}
