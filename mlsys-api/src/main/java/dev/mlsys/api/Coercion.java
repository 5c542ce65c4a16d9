package dev.mlsys.api;

/**
 * How far validation converts a value to its field's type. Both modes reject what they cannot
 * convert with a {@link Violation}; neither guesses silently.
 *
 * <table>
 *   <caption>Accepted Java values per field type</caption>
 *   <tr><th>field</th><th>{@link #STRICT}</th><th>{@link #LENIENT} adds</th></tr>
 *   <tr><td>numeric</td><td>the JDK's numbers ({@code Integer}, {@code Long}, {@code Double}, {@code Float}, {@code Short}, {@code Byte}, {@code BigDecimal}, {@code BigInteger}, atomics)</td><td>decimal strings ("42", "-1.5e3"); a blank
 *       string is missing</td></tr>
 *   <tr><td>categorical</td><td>{@link CharSequence}</td><td>numbers and booleans by their text
 *       (integral numbers without ".0"); surrounding blanks trimmed</td></tr>
 *   <tr><td>text</td><td>{@link CharSequence}</td><td>numbers, booleans and characters by their
 *       text</td></tr>
 *   <tr><td>boolean</td><td>{@link Boolean}</td><td>"true"/"false", "yes"/"no", "y"/"n", "t"/"f",
 *       "1"/"0" (any case) and the numbers 0 and 1</td></tr>
 *   <tr><td>timestamp</td><td>{@link java.time.Instant}, {@link java.time.OffsetDateTime},
 *       {@link java.time.ZonedDateTime}, {@link java.time.LocalDate} and
 *       {@link java.time.LocalDateTime} (read as UTC), {@link java.util.Date}, integral numbers
 *       as epoch milliseconds, ISO-8601 strings (instant, offset date-time, local date-time or
 *       date, the last two read as UTC)</td><td>strings of digits as epoch milliseconds</td></tr>
 * </table>
 */
public enum Coercion {
  /** Java types must match the field; strings are not parsed (but ISO-8601 timestamps are). */
  STRICT,
  /** Also parses strings, for records read from text formats such as CSV. */
  LENIENT
}
