package dev.mlsys.api;

/**
 * A point-in-time field, held as an {@link java.time.Instant}. Accepts ISO-8601 strings and epoch
 * milliseconds; see {@link Coercion} for every accepted form.
 *
 * @param name the field's name
 * @param nullable whether the field may be absent
 */
public record TimestampField(String name, boolean nullable) implements Field {

  /** @throws IllegalArgumentException if the name is blank */
  public TimestampField {
    Field.checkName(name);
  }

  @Override
  public FieldType type() {
    return FieldType.TIMESTAMP;
  }

  @Override
  public TimestampField withNullable(boolean nullable) {
    return new TimestampField(name, nullable);
  }
}
