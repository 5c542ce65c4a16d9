package dev.mlsys.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A field whose values come from a declared, ordered list of strings. The order is the order
 * encoders (one-hot, ordinal) use. A value outside the list is either rejected
 * ({@link Rule#UNSEEN_CATEGORY}, the default) or mapped to a declared "other" value
 * ({@link #mapUnseenTo(String)}).
 *
 * <p>A class rather than a record so that membership is a hash lookup; it is still an immutable
 * value with {@code equals} over all of its state.
 */
public final class CategoricalField implements Field {
  private final String name;
  private final boolean nullable;
  private final List<String> values;
  private final String other;
  private final Map<String, Integer> index;

  /**
   * @param name the field's name
   * @param nullable whether the field may be absent
   * @param values the known values: at least one, distinct, none null
   * @param other the value unseen values map to, or {@code null} to reject them; must be one of
   *     {@code values}
   * @throws IllegalArgumentException if a rule above is broken
   */
  public CategoricalField(String name, boolean nullable, List<String> values, String other) {
    this.name = Field.checkName(name);
    this.nullable = nullable;
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("field '" + name + "': a categorical field needs at least one value");
    }
    Map<String, Integer> positions = new HashMap<>(values.size() * 2);
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null) {
        throw new IllegalArgumentException("field '" + name + "': value " + i + " is null");
      }
      if (positions.putIfAbsent(v, i) != null) {
        throw new IllegalArgumentException("field '" + name + "': value '" + v + "' is declared twice");
      }
    }
    if (other != null && !positions.containsKey(other)) {
      throw new IllegalArgumentException("field '" + name + "': the value for unseen categories ('" + other
          + "') must be one of the declared values " + values);
    }
    this.values = List.copyOf(values);
    this.other = other;
    this.index = Map.copyOf(positions);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean nullable() {
    return nullable;
  }

  @Override
  public FieldType type() {
    return FieldType.CATEGORICAL;
  }

  /** @return the declared values, in encoder order */
  public List<String> values() {
    return values;
  }

  /** @return the value unseen categories map to, or empty if they are rejected */
  public Optional<String> unseenValue() {
    return Optional.ofNullable(other);
  }

  /**
   * @param value a candidate value
   * @return its position in {@link #values()}, or -1 if it is not declared
   */
  public int indexOf(String value) {
    Integer i = index.get(value);
    return i == null ? -1 : i;
  }

  @Override
  public CategoricalField withNullable(boolean nullable) {
    return new CategoricalField(name, nullable, values, other);
  }

  /**
   * @param otherValue one of the declared values
   * @return a copy that maps every unseen value to {@code otherValue}
   * @throws IllegalArgumentException if {@code otherValue} is not declared
   */
  public CategoricalField mapUnseenTo(String otherValue) {
    Objects.requireNonNull(otherValue, "otherValue");
    return new CategoricalField(name, nullable, values, otherValue);
  }

  /** @return a copy that rejects unseen values */
  public CategoricalField rejectUnseen() {
    return new CategoricalField(name, nullable, values, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategoricalField f
        && name.equals(f.name) && nullable == f.nullable && values.equals(f.values)
        && Objects.equals(other, f.other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, nullable, values, other);
  }

  @Override
  public String toString() {
    return "CategoricalField[name=" + name + ", nullable=" + nullable + ", values=" + values
        + (other == null ? "" : ", unseen->" + other) + "]";
  }
}
