package dev.mlsys.api;

/**
 * A true/false field.
 *
 * @param name the field's name
 * @param nullable whether the field may be absent
 */
public record BooleanField(String name, boolean nullable) implements Field {

  /** @throws IllegalArgumentException if the name is blank */
  public BooleanField {
    Field.checkName(name);
  }

  @Override
  public FieldType type() {
    return FieldType.BOOLEAN;
  }

  @Override
  public BooleanField withNullable(boolean nullable) {
    return new BooleanField(name, nullable);
  }
}
