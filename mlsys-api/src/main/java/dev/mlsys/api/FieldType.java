package dev.mlsys.api;

/**
 * The kind of a {@link Field}, with the Java type of its canonical values in a {@link Row}.
 */
public enum FieldType {
  /** Real numbers; canonical value {@link Double}. */
  NUMERIC(Double.class),
  /** One of a declared set of strings; canonical value {@link String}. */
  CATEGORICAL(String.class),
  /** Free text; canonical value {@link String}. */
  TEXT(String.class),
  /** True or false; canonical value {@link Boolean}. */
  BOOLEAN(Boolean.class),
  /** A point in time; canonical value {@link java.time.Instant}. */
  TIMESTAMP(java.time.Instant.class);

  private final Class<?> valueType;

  FieldType(Class<?> valueType) {
    this.valueType = valueType;
  }

  /** @return the Java type of this kind's canonical values */
  public Class<?> valueType() {
    return valueType;
  }

  /** @return the lower-case name used in messages and JSON ("numeric", "categorical", ...) */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
