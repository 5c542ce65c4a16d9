package dev.mlsys.api;

import java.util.Locale;

/**
 * A real-valued field with an optional inclusive range. NaN and infinities are rejected
 * ({@link Rule#NOT_FINITE}) unless {@link #allowNonFinite()} is set; an allowed NaN passes any
 * range, an allowed infinity must still lie in it.
 *
 * @param name the field's name
 * @param nullable whether the field may be absent
 * @param min smallest allowed value, inclusive ({@code -Infinity} for none)
 * @param max largest allowed value, inclusive ({@code +Infinity} for none)
 * @param allowNonFinite whether NaN and infinities are valid values
 */
public record NumericField(String name, boolean nullable, double min, double max, boolean allowNonFinite)
    implements Field {

  /**
   * @throws IllegalArgumentException if the name is blank, a bound is NaN, or min &gt; max
   */
  public NumericField {
    Field.checkName(name);
    if (Double.isNaN(min) || Double.isNaN(max)) {
      throw new IllegalArgumentException("field '" + name + "': range bounds must not be NaN but were ["
          + min + ", " + max + "]");
    }
    if (min > max) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "field '%s': min (%s) must be <= max (%s)", name, min, max));
    }
  }

  @Override
  public FieldType type() {
    return FieldType.NUMERIC;
  }

  @Override
  public NumericField withNullable(boolean nullable) {
    return new NumericField(name, nullable, min, max, allowNonFinite);
  }

  /** @return a copy that accepts NaN and infinities */
  public NumericField allowingNonFinite() {
    return new NumericField(name, nullable, min, max, true);
  }

  /** @return whether either bound is finite */
  public boolean hasRange() {
    return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY;
  }
}
