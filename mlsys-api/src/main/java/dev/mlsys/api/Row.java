package dev.mlsys.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable record that passed validation against its {@link Schema}, holding canonical
 * values ({@link Double}, {@link String}, {@link Boolean}, {@link Instant}; see {@link FieldType})
 * in {@link Schema#allFields()} order. A row is made only by its schema ({@link Schema#row(Map)},
 * {@link Schema#rowOf(Object...)}) or derived from another row ({@link #with(String, Object)}),
 * so every row is valid.
 *
 * <p>Missing values (nullable fields, or an absent label) are {@code null}. Rows are equal when
 * their schemas and values are equal, whatever the order the record gave its fields in, so a row
 * is a sound cache key.
 *
 * <p>Thread-safety: immutable and safe to share.
 */
public final class Row {
  private final Schema schema;
  private final Object[] values;
  private int hash;

  Row(Schema schema, Object[] values) {
    this.schema = schema;
    this.values = values;
  }

  /** @return the schema this row was validated against */
  public Schema schema() {
    return schema;
  }

  /**
   * @param name a field name
   * @return the canonical value, or {@code null} if it is missing
   * @throws IllegalArgumentException if the schema has no such field
   */
  public Object get(String name) {
    return values[schema.indexOf(name)];
  }

  /**
   * @param index a position in {@link Schema#allFields()}
   * @return the canonical value, or {@code null} if it is missing
   * @throws IndexOutOfBoundsException if the index is outside the schema
   */
  public Object get(int index) {
    return values[Objects.checkIndex(index, values.length)];
  }

  /**
   * Reads a numeric value as a primitive. Boolean fields read as 1 or 0, timestamps as epoch
   * milliseconds; a missing value reads as NaN (use {@link #isMissing(String)} to tell a missing
   * value from an allowed NaN).
   *
   * @param name a field name
   * @return the value as a double
   * @throws IllegalArgumentException if there is no such field, or it is categorical or text
   */
  public double getDouble(String name) {
    return getDouble(schema.indexOf(name));
  }

  /**
   * Reads a value by position as in {@link #getDouble(String)}; the hot path for models that
   * resolved field positions once.
   *
   * @param index a position in {@link Schema#allFields()}
   * @return the value as a double, NaN if missing
   * @throws IllegalArgumentException if the field is categorical or text
   * @throws IndexOutOfBoundsException if the index is outside the schema
   */
  public double getDouble(int index) {
    Object v = values[Objects.checkIndex(index, values.length)];
    if (v instanceof Double d) {
      return d;
    }
    if (v == null) {
      Field f = schema.allFields().get(index);
      if (f.type() == FieldType.NUMERIC || f.type() == FieldType.BOOLEAN || f.type() == FieldType.TIMESTAMP) {
        return Double.NaN;
      }
      throw notNumeric(f);
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (v instanceof Instant i) {
      return i.toEpochMilli();
    }
    throw notNumeric(schema.allFields().get(index));
  }

  /**
   * Reads a categorical or text value; any other kind reads as its text form.
   *
   * @param name a field name
   * @return the value as a string, or {@code null} if it is missing
   * @throws IllegalArgumentException if the schema has no such field
   */
  public String getString(String name) {
    Object v = values[schema.indexOf(name)];
    return v == null ? null : v.toString();
  }

  /**
   * @param name a field name
   * @return whether the value is missing
   * @throws IllegalArgumentException if the schema has no such field
   */
  public boolean isMissing(String name) {
    return values[schema.indexOf(name)] == null;
  }

  /** @return the label value, or {@code null} if the row has none */
  public Object label() {
    return schema.label().isPresent() ? values[values.length - 1] : null;
  }

  /**
   * Derives a row with one value replaced (or set missing with {@code null}), validated with the
   * schema's default coercion. The basis of perturbations in behavioral tests.
   *
   * @param name a field name
   * @param value the new raw value
   * @return a new row
   * @throws InvalidInputException if the new value breaks the schema
   * @throws IllegalArgumentException if the schema has no such field
   */
  public Row with(String name, Object value) {
    int i = schema.indexOf(name);
    Object[] copy = values.clone();
    copy[i] = value;
    return schema.rowOf(copy);
  }

  /** @return this row without a label value (the row a model sees) */
  public Row withoutLabel() {
    if (label() == null) {
      return this;
    }
    Object[] copy = values.clone();
    copy[copy.length - 1] = null;
    return new Row(schema, copy);
  }

  /** @return the present values by field name, in schema order; an unmodifiable map */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        map.put(schema.allFields().get(i).name(), values[i]);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** @return the number of positions, {@code schema().allFields().size()} */
  public int size() {
    return values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Row r && Arrays.equals(values, r.values) && schema.equals(r.schema);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(values);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Row{");
    boolean first = true;
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        sb.append(first ? "" : ", ").append(schema.allFields().get(i).name()).append('=').append(values[i]);
        first = false;
      }
    }
    return sb.append('}').toString();
  }

  private static IllegalArgumentException notNumeric(Field f) {
    return new IllegalArgumentException("field '" + f.name() + "' is " + f.type().id()
        + "; getDouble reads numeric, boolean and timestamp fields only");
  }
}
