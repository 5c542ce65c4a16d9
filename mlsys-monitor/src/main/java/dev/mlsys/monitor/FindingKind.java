package dev.mlsys.monitor;

/** The kinds of data-quality findings a drift check reports. */
public enum FindingKind {
  /** A schema field is absent from every current record. */
  MISSING_FEATURE,
  /** Missing values where the field is required, or a missing rate well above the reference's. */
  MISSING_VALUES,
  /** Values that cannot be read as the field's type. */
  TYPE_ERROR,
  /** Numeric values outside the schema's declared range. */
  OUT_OF_RANGE,
  /** Numeric values outside the range seen in the reference. */
  OUT_OF_REFERENCE_RANGE,
  /** Categories never seen in the reference (or not declared by the schema). */
  UNSEEN_CATEGORY,
  /** Record keys that the schema does not declare. */
  UNKNOWN_FIELD,
  /** Too few values on one side to run the drift test. */
  INSUFFICIENT_DATA
}
