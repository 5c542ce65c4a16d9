package dev.mlsys.data.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a CSV file as text: its line number, its field values ({@code null} where a
 * value is missing) and its bytes exactly as read. A malformed record (ragged, a stray quote,
 * invalid UTF-8) has a {@link #problem()} and no values.
 *
 * <p>Immutable and thread-safe.
 */
public final class CsvRecord {
  private final long line;
  private final List<String> values;
  private final byte[] raw;
  private final String terminator;
  private final String problem;

  CsvRecord(long line, String[] values, byte[] raw, String terminator, String problem) {
    this.line = line;
    this.values = values == null ? List.of() : Collections.unmodifiableList(Arrays.asList(values));
    this.raw = raw;
    this.terminator = terminator;
    this.problem = problem;
  }

  /** @return the 1-based line the record starts on (the header is line 1) */
  public long line() {
    return line;
  }

  /**
   * @return the field values in column order, {@code null} for missing; empty for a malformed
   *     record; an unmodifiable list
   */
  public List<String> values() {
    return values;
  }

  /**
   * @param column a 0-based column
   * @return the value, or {@code null} if missing
   * @throws IndexOutOfBoundsException if the record has no such column
   */
  public String value(int column) {
    return values.get(Objects.checkIndex(column, values.size()));
  }

  /** @return what is wrong with the record, if it is malformed */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** @return the record's bytes exactly as read, without its line terminator; a copy */
  public byte[] rawBytes() {
    return raw.clone();
  }

  /**
   * The line terminator that ended the record, so that {@link #rawBytes()} followed by it gives
   * back the input's bytes exactly (a copy of a file keeps its mixed line ends).
   *
   * @return {@code "\n"}, {@code "\r\n"} or {@code "\r"} as read, or {@code ""} for a last
   *     record with no line break after it
   */
  public String terminator() {
    return terminator;
  }

  /** @return the record's text as read (invalid UTF-8 shown as U+FFFD) */
  public String raw() {
    return new String(raw, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "CsvRecord[line " + line + (problem == null ? ", " + values : ", malformed: " + problem) + "]";
  }
}
