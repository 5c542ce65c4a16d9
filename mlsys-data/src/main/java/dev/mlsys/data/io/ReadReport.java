package dev.mlsys.data.io;

import java.util.List;

/**
 * What a {@link RowReader} did with its input: rows read, accepted and rejected. Always
 * {@code rows == accepted + rejected}; under {@link ValidationPolicy#SKIP_AND_COLLECT} the
 * rejected rows are in {@link #collected()}, under {@link ValidationPolicy#QUARANTINE} in the
 * side file.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file or stream read
 * @param rows records read (after the header; empty lines hold no record and are not rows)
 * @param accepted rows that passed validation
 * @param rejected rows that did not
 * @param blankLines empty lines skipped
 * @param collected the rejected rows kept in memory (only under SKIP_AND_COLLECT), in input order
 */
public record ReadReport(String source, long rows, long accepted, long rejected, long blankLines,
    List<RejectedRow> collected) {

  /** @throws IllegalArgumentException if a count is negative or rows != accepted + rejected */
  public ReadReport {
    collected = List.copyOf(collected);
    if (accepted < 0 || rejected < 0 || blankLines < 0) {
      throw new IllegalArgumentException("counts must be >= 0 but were accepted=" + accepted + ", rejected="
          + rejected + ", blankLines=" + blankLines);
    }
    if (rows != accepted + rejected) {
      throw new IllegalArgumentException("rows (" + rows + ") must equal accepted (" + accepted + ") + rejected ("
          + rejected + ")");
    }
  }

  /** @return whether every row was accepted */
  public boolean allValid() {
    return rejected == 0;
  }
}
