package dev.mlsys.data.io;

/**
 * What a {@link RowReader} does with a record that breaks its schema or is malformed. Under every
 * policy, rows read = rows accepted + rows rejected: a record is never dropped without a trace,
 * and a rejected record is kept byte for byte as read.
 */
public enum ValidationPolicy {
  /** Stop at the first bad record: an {@link InvalidRowException} with its line and violations. */
  REJECT,
  /** Keep reading; collect each bad record with its violations in {@link ReadReport#collected()}. */
  SKIP_AND_COLLECT,
  /**
   * Keep reading; write each bad record, untouched, with its line and violations to a side file
   * ({@link RowReader.Builder#quarantine(java.nio.file.Path)}).
   */
  QUARANTINE
}
