package dev.mlsys.data.io;

import dev.mlsys.api.MlsysException;

/**
 * A data file is broken in a way that stops reading: an unreadable or duplicated header, or a
 * record longer than the configured limit. Records that are merely malformed (a ragged row, a
 * stray quote, invalid UTF-8) do not throw this: they are rejected rows, handled by the
 * {@link ValidationPolicy}.
 *
 * <p>Immutable and thread-safe.
 */
public class MalformedRecordException extends MlsysException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;

  /**
   * @param source the file or stream name
   * @param line the 1-based line the problem starts on
   * @param problem what is wrong, phrased to follow "line N: "
   */
  public MalformedRecordException(String source, long line, String problem) {
    super(source + ": line " + line + ": " + problem);
    this.source = source;
    this.line = line;
  }

  /** @return the file or stream name */
  public String source() {
    return source;
  }

  /** @return the 1-based line the problem starts on */
  public long line() {
    return line;
  }
}
