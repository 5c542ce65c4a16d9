package dev.mlsys.data.features;

import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import java.time.Instant;

/** How a canonical row value reads as a number or as a categorical token. Stateless. */
final class Tokens {
  /** Marks a missing part of a cross key; no real value can contain it ahead of '='. */
  static final char MISSING = '\u0000';
  /** Separates the parts of a cross, the ASCII unit separator. */
  static final char SEPARATOR = '\u001F';
  static final String MISSING_NAME = "<missing>";
  static final String UNSEEN_NAME = "<unseen>";

  private Tokens() {}

  /** @return the value's text, or {@code null} when missing (a NaN number is missing) */
  static String of(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Double d) {
      return Double.isNaN(d) ? null : Double.toString(d);
    }
    return v.toString();
  }

  /** @return the text of a number read from a numeric column, {@code null} for NaN */
  static String ofNumber(double d) {
    return Double.isNaN(d) ? null : Double.toString(d);
  }

  /** Whether a field's values can be read as numbers. */
  static boolean isNumeric(FieldType t) {
    return t == FieldType.NUMERIC || t == FieldType.BOOLEAN || t == FieldType.TIMESTAMP;
  }

  /** Whether a field fitted as {@code fitted} can be served from a field of type {@code served}. */
  static boolean compatible(FieldType fitted, FieldType served) {
    if (fitted == served) {
      return true;
    }
    boolean fittedText = fitted == FieldType.CATEGORICAL || fitted == FieldType.TEXT;
    boolean servedText = served == FieldType.CATEGORICAL || served == FieldType.TEXT;
    return fittedText && servedText;
  }

  /** @return a canonical value as a number (booleans 1/0, timestamps epoch milliseconds), NaN if missing */
  static double number(Object v, Field f) {
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (v instanceof Instant i) {
      return i.toEpochMilli();
    }
    throw new IllegalArgumentException("field '" + f.name() + "' is " + f.type().id() + "; it cannot be read as a number");
  }
}
