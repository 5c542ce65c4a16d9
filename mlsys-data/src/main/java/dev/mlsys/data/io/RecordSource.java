package dev.mlsys.data.io;

import java.io.Closeable;
import java.util.Map;

/**
 * A stream of records of some text format, positioned on one record at a time, for
 * {@link RowReader}. Not thread-safe.
 */
interface RecordSource extends Closeable {

  /** @return the file or stream name, for messages */
  String name();

  /** @return false at the end of input; unchecked I/O failures */
  boolean advance();

  /** @return the 1-based line the current record starts on */
  long line();

  /** @return why the current record is malformed, or null */
  String problem();

  /** @return the current well-formed record as field name to raw value; valid until the next advance */
  Map<String, ?> values();

  /** @return a copy of the current record's bytes as read */
  byte[] rawBytes();

  /** @return the current record's text, for messages */
  String rawText();

  /** @return whether the current record's raw bytes are a JSON value, to embed verbatim in a JSON side file */
  default boolean rawIsJson() {
    return false;
  }

  /** @return empty lines skipped so far */
  long blankLines();

  @Override
  void close();
}
