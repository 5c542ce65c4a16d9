package dev.mlsys.api;

import java.util.Locale;
import java.util.Objects;

/**
 * One way a record broke its schema: the field, the offending value (as given, possibly
 * {@code null}), the {@link Rule} and a short phrase of what was expected.
 *
 * <p>Example message: {@code field 'age': value -3.0 is below min 0.0 (OUT_OF_RANGE)}.
 *
 * @param field the field name as given in the record (the schema's name for missing fields)
 * @param value the value as given, or {@code null} when it was absent
 * @param rule the rule that was broken
 * @param expected what the field expects, phrased to follow the value ("is below min 0.0")
 */
public record Violation(String field, Object value, Rule rule, String expected) {
  private static final int MAX_VALUE_CHARS = 80;

  /** Validates that every component but {@code value} is present. */
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(expected, "expected");
  }

  /** @return a sentence naming the field, the value and the rule */
  public String message() {
    return "field '" + field + "': value " + render(value) + " " + expected + " (" + rule + ")";
  }

  @Override
  public String toString() {
    return message();
  }

  /** Renders a value for a message: strings quoted and cut to a readable length. */
  static String render(Object value) {
    if (value == null) {
      return "null";
    }
    String text;
    try {
      text = value instanceof Double || value instanceof Float
          ? String.format(Locale.ROOT, "%s", value)
          : String.valueOf(value);
    } catch (RuntimeException e) {
      text = "<" + value.getClass().getName() + " whose toString failed>";
    }
    if (text.length() > MAX_VALUE_CHARS) {
      text = text.substring(0, MAX_VALUE_CHARS) + "...(" + text.length() + " chars)";
    }
    return value instanceof CharSequence ? "'" + text + "'" : text;
  }
}
