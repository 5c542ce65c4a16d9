package dev.mlsys.api;

/**
 * A free-text field; any string is valid, including the empty string.
 *
 * @param name the field's name
 * @param nullable whether the field may be absent
 */
public record TextField(String name, boolean nullable) implements Field {

  /** @throws IllegalArgumentException if the name is blank */
  public TextField {
    Field.checkName(name);
  }

  @Override
  public FieldType type() {
    return FieldType.TEXT;
  }

  @Override
  public TextField withNullable(boolean nullable) {
    return new TextField(name, nullable);
  }
}
