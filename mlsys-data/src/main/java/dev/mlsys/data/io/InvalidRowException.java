package dev.mlsys.data.io;

import dev.mlsys.api.InvalidInputException;

/**
 * A record of a data file broke its schema or was malformed, and the policy was
 * {@link ValidationPolicy#REJECT}. The message starts with the source and line; the
 * {@link #rejectedRow()} holds the record as read.
 *
 * <p>Immutable and thread-safe.
 */
public class InvalidRowException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final transient RejectedRow row;

  /**
   * @param source the file or stream name
   * @param row the rejected record
   */
  public InvalidRowException(String source, RejectedRow row) {
    super(row.violations());
    this.source = source;
    this.row = row;
  }

  /** @return the file or stream name */
  public String source() {
    return source;
  }

  /** @return the 1-based line the record starts on */
  public long line() {
    return row.line();
  }

  /** @return the record as read, with its violations */
  public RejectedRow rejectedRow() {
    return row;
  }

  @Override
  public String getMessage() {
    return source + ": line " + row.line() + ": " + super.getMessage();
  }
}
