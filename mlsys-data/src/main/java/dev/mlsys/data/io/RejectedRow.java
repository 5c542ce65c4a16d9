package dev.mlsys.data.io;

import dev.mlsys.api.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A record that was not accepted: where it was, its bytes exactly as read, and every violation.
 * A malformed record (ragged, a stray quote, invalid UTF-8, unparseable JSON) carries one
 * violation of rule {@link dev.mlsys.api.Rule#UNPARSEABLE} for the pseudo-field {@value #RECORD}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RejectedRow {
  /** The field name of violations that concern the whole record rather than one field. */
  public static final String RECORD = "(record)";

  private final long line;
  private final byte[] raw;
  private final List<Violation> violations;

  /**
   * @param line the 1-based line the record starts on
   * @param raw the record's bytes as read, without its line terminator (copied)
   * @param violations why it was rejected; at least one
   * @throws IllegalArgumentException if {@code violations} is empty or {@code line < 1}
   */
  public RejectedRow(long line, byte[] raw, List<Violation> violations) {
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1 but was: " + line);
    }
    this.line = line;
    this.raw = raw.clone();
    this.violations = List.copyOf(violations);
    if (this.violations.isEmpty()) {
      throw new IllegalArgumentException("a rejected row needs at least one violation");
    }
  }

  /** @return the 1-based line the record starts on */
  public long line() {
    return line;
  }

  /** @return the record's bytes exactly as read, without its line terminator; a copy */
  public byte[] rawBytes() {
    return raw.clone();
  }

  /** @return the record's text as read (invalid UTF-8 shown as U+FFFD) */
  public String raw() {
    return new String(raw, StandardCharsets.UTF_8);
  }

  /** @return every violation, never empty */
  public List<Violation> violations() {
    return violations;
  }

  /** @return the violations' messages joined with "; " */
  public String reasons() {
    StringBuilder sb = new StringBuilder();
    for (Violation v : violations) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(v.message());
    }
    return sb.toString();
  }

  int rawLength() {
    return raw.length;
  }

  byte[] rawUnsafe() {
    return raw;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RejectedRow r && line == r.line && Arrays.equals(raw, r.raw) && violations.equals(r.violations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(line, Arrays.hashCode(raw), violations);
  }

  @Override
  public String toString() {
    return "RejectedRow[line " + line + ": " + reasons() + "]";
  }
}
