package dev.mlsys.api;

/**
 * One named column of a {@link Schema}: numeric, categorical, text, boolean or timestamp, each
 * nullable or required. Fields are immutable values; every {@code with...} method returns a copy.
 *
 * <pre>{@code
 * Field age = Field.numeric("age", 0, 130);
 * Field plan = Field.categorical("plan", "free", "pro").mapUnseenTo("free");
 * Field note = Field.text("note").withNullable(true);
 * }</pre>
 *
 * <p>Names must be non-blank; that is checked here, uniqueness is checked by the schema.
 */
public sealed interface Field
    permits NumericField, CategoricalField, TextField, BooleanField, TimestampField {

  /** @return the field's name, unique within its schema */
  String name();

  /** @return whether the field may be absent or {@code null} in a record */
  boolean nullable();

  /** @return the kind of field */
  FieldType type();

  /**
   * @param nullable whether the copy may be absent or {@code null}
   * @return a copy of this field with the given nullability
   */
  Field withNullable(boolean nullable);

  /**
   * @param name the field's name
   * @return a required numeric field with no range, rejecting NaN and infinities
   */
  static NumericField numeric(String name) {
    return new NumericField(name, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
  }

  /**
   * @param name the field's name
   * @param min smallest allowed value, inclusive
   * @param max largest allowed value, inclusive
   * @return a required numeric field accepting values in [min, max]
   */
  static NumericField numeric(String name, double min, double max) {
    return new NumericField(name, false, min, max, false);
  }

  /**
   * @param name the field's name
   * @param values the known values, in the order encoders will use
   * @return a required categorical field that rejects unseen values
   */
  static CategoricalField categorical(String name, String... values) {
    return new CategoricalField(name, false, java.util.List.of(values), null);
  }

  /**
   * @param name the field's name
   * @return a required free-text field
   */
  static TextField text(String name) {
    return new TextField(name, false);
  }

  /**
   * @param name the field's name
   * @return a required boolean field
   */
  static BooleanField bool(String name) {
    return new BooleanField(name, false);
  }

  /**
   * @param name the field's name
   * @return a required timestamp field
   */
  static TimestampField timestamp(String name) {
    return new TimestampField(name, false);
  }

  /** Checks a field name: non-null and not blank. */
  static String checkName(String name) {
    if (name == null) {
      throw new IllegalArgumentException("field name must not be null");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("field name must not be blank but was: '" + name + "'");
    }
    return name;
  }
}
