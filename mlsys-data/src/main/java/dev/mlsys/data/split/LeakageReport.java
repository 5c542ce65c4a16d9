package dev.mlsys.data.split;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link LeakageCheck} found: rows shared by two parts, records duplicated across parts,
 * groups present in more than one part, and (for time splits) rows of an earlier part at or after
 * the first timestamp of a later part. Examples are capped at {@value LeakageCheck#MAX_EXAMPLES}
 * per kind; the counts are complete.
 *
 * @param sharedIndices the number of row indices that appear in more than one part
 * @param duplicateRows the number of rows of a later part whose record (or key) equals one of an
 *     earlier part
 * @param duplicates examples of such duplicates
 * @param sharedGroups the number of groups with rows in more than one part
 * @param sharedGroupExamples examples of such groups, by their text
 * @param timeOverlaps one entry per ordered pair of parts that overlap in time
 */
public record LeakageReport(long sharedIndices, long duplicateRows, List<Duplicate> duplicates, long sharedGroups,
    List<String> sharedGroupExamples, List<TimeOverlap> timeOverlaps) {

  /** Copies the lists. */
  public LeakageReport {
    duplicates = List.copyOf(duplicates);
    sharedGroupExamples = List.copyOf(sharedGroupExamples);
    timeOverlaps = List.copyOf(timeOverlaps);
  }

  /**
   * A record of a later part equal to one of an earlier part.
   *
   * @param earlierPart the part of the first occurrence
   * @param earlierIndex its row index
   * @param laterPart the part of the duplicate
   * @param laterIndex its row index
   */
  public record Duplicate(Part earlierPart, int earlierIndex, Part laterPart, int laterIndex) {
    /** Checks for nulls. */
    public Duplicate {
      Objects.requireNonNull(earlierPart, "earlierPart");
      Objects.requireNonNull(laterPart, "laterPart");
    }
  }

  /**
   * Rows of an earlier part at or after the first timestamp of a later part: with a time split,
   * training on the future.
   *
   * @param earlierPart the part that should end first
   * @param laterPart the part that should start after it
   * @param rows the number of rows of the earlier part at or after {@code laterStart}
   * @param earlierEnd the last timestamp of the earlier part
   * @param laterStart the first timestamp of the later part
   */
  public record TimeOverlap(Part earlierPart, Part laterPart, long rows, Instant earlierEnd, Instant laterStart) {
    /** Checks for nulls. */
    public TimeOverlap {
      Objects.requireNonNull(earlierPart, "earlierPart");
      Objects.requireNonNull(laterPart, "laterPart");
    }
  }

  /** @return whether nothing leaks: no shared rows, duplicates, shared groups or time overlaps */
  public boolean isClean() {
    return sharedIndices == 0 && duplicateRows == 0 && sharedGroups == 0 && timeOverlaps.isEmpty();
  }

  @Override
  public String toString() {
    if (isClean()) {
      return "LeakageReport[clean]";
    }
    StringBuilder sb = new StringBuilder("LeakageReport[");
    if (sharedIndices > 0) {
      sb.append(sharedIndices).append(" row indices in two parts; ");
    }
    if (duplicateRows > 0) {
      sb.append(duplicateRows).append(" duplicated records across parts, e.g. ").append(duplicates).append("; ");
    }
    if (sharedGroups > 0) {
      sb.append(sharedGroups).append(" groups in several parts, e.g. ").append(sharedGroupExamples).append("; ");
    }
    for (TimeOverlap t : timeOverlaps) {
      sb.append(t.rows()).append(' ').append(t.earlierPart().id()).append(" rows at or after the first ")
          .append(t.laterPart().id()).append(" timestamp ").append(t.laterStart()).append(" (")
          .append(t.earlierPart().id()).append(" ends ").append(t.earlierEnd()).append("); ");
    }
    sb.setLength(sb.length() - 2);
    return sb.append(']').toString();
  }
}
