package dev.mlsys.api;

/**
 * The rule a value broke, as reported in a {@link Violation}.
 */
public enum Rule {
  /** A required field is absent or null. */
  MISSING_REQUIRED,
  /** The record has a field the schema does not declare. */
  UNKNOWN_FIELD,
  /** The value has a Java type the field does not accept under the coercion in force. */
  WRONG_TYPE,
  /** A string could not be parsed as the field's type (number, boolean, timestamp). */
  UNPARSEABLE,
  /** A numeric value is NaN or infinite and the field does not allow it. */
  NOT_FINITE,
  /** A numeric value lies outside the field's [min, max] range. */
  OUT_OF_RANGE,
  /** A categorical value (or a label) is not one of the declared values. */
  UNSEEN_CATEGORY
}
