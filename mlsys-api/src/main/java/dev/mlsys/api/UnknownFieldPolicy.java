package dev.mlsys.api;

/** What validation does with a record's fields that the schema does not declare. */
public enum UnknownFieldPolicy {
  /** Report each one as a {@link Rule#UNKNOWN_FIELD} violation (the default). */
  REJECT,
  /** Leave them out of the row without a violation. */
  IGNORE
}
