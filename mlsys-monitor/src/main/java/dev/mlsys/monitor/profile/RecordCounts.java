package dev.mlsys.monitor.profile;

/**
 * The counts every column profile keeps of the records it saw, so that
 * {@code count = missing + typeErrors + valid} is kept in one place. The public accessors are
 * those of {@link FieldProfile}.
 *
 * <p>Not thread-safe: mutated by {@link Profiler} only.
 */
abstract class RecordCounts {
  final FieldSpec spec;
  long count;
  long absent;
  long missing;
  long typeErrors;

  RecordCounts(FieldSpec spec) {
    this.spec = spec;
  }

  void addMissing(boolean wasAbsent) {
    count++;
    missing++;
    if (wasAbsent) {
      absent++;
    }
  }

  void addTypeError() {
    count++;
    typeErrors++;
  }

  /** Sets the counts, as read from a profile's JSON or copied from another profile. */
  void setCounts(long count, long absent, long missing, long typeErrors) {
    this.count = count;
    this.absent = absent;
    this.missing = missing;
    this.typeErrors = typeErrors;
  }

  void mergeCounts(RecordCounts o) {
    count += o.count;
    absent += o.absent;
    missing += o.missing;
    typeErrors += o.typeErrors;
  }

  /** @return the column's spec */
  public FieldSpec spec() {
    return spec;
  }

  /** @return records seen */
  public long count() {
    return count;
  }

  /** @return records whose map had no entry for the column */
  public long absent() {
    return absent;
  }

  /** @return records with no value: absent, null, blank, "NA" or NaN */
  public long missing() {
    return missing;
  }

  /** @return records whose value could not be read as the column's type */
  public long typeErrors() {
    return typeErrors;
  }
}
