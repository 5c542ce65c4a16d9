package dev.mlsys.monitor.profile;

import dev.mlsys.api.CategoricalField;
import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.NumericField;
import java.util.List;
import java.util.Objects;

/**
 * A profiled column: its name, type, role and the declared constraints the data-quality checks
 * compare against. Kept in the profile so that a profile read back from JSON needs no schema.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name column name
 * @param type field type
 * @param role feature, label or prediction
 * @param nullable whether missing values are allowed
 * @param min smallest declared value of a numeric field (-infinity if none)
 * @param max largest declared value of a numeric field (+infinity if none)
 * @param values declared categories of a categorical field, empty otherwise
 */
public record FieldSpec(String name, FieldType type, FieldRole role, boolean nullable, double min, double max,
    List<String> values) {

  /**
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if the name is blank or min &gt; max
   */
  public FieldSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(role, "role");
    values = List.copyOf(values);
    if (name.isBlank()) {
      throw new IllegalArgumentException("field name must not be blank");
    }
    if (min > max) {
      throw new IllegalArgumentException("field '" + name + "': min " + min + " must be <= max " + max);
    }
  }

  /**
   * @param field a schema field
   * @param role its role
   * @return the spec of that field
   */
  public static FieldSpec of(Field field, FieldRole role) {
    double min = Double.NEGATIVE_INFINITY;
    double max = Double.POSITIVE_INFINITY;
    List<String> values = List.of();
    if (field instanceof NumericField n) {
      min = n.min();
      max = n.max();
    } else if (field instanceof CategoricalField c) {
      values = c.values();
    }
    return new FieldSpec(field.name(), field.type(), role, field.nullable(), min, max, values);
  }

  /** @return whether a numeric range is declared */
  public boolean hasRange() {
    return min > Double.NEGATIVE_INFINITY || max < Double.POSITIVE_INFINITY;
  }
}
