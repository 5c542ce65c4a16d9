package dev.mlsys.monitor.profile;

/**
 * The profile of a text or timestamp column: only presence is tracked (drift of free text or of
 * time itself is not tested; missing values still are).
 *
 * <p>Thread-safety: immutable once obtained from a {@link ReferenceProfile}.
 */
public final class PresenceProfile implements FieldProfile {
  private final FieldSpec spec;
  long count;
  long absent;
  long missing;

  PresenceProfile(FieldSpec spec) {
    this.spec = spec;
  }

  PresenceProfile copy() {
    PresenceProfile c = new PresenceProfile(spec);
    c.merge(this);
    return c;
  }

  void add() {
    count++;
  }

  void addMissing(boolean wasAbsent) {
    count++;
    missing++;
    if (wasAbsent) {
      absent++;
    }
  }

  void merge(PresenceProfile o) {
    count += o.count;
    absent += o.absent;
    missing += o.missing;
  }

  @Override
  public FieldSpec spec() {
    return spec;
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public long absent() {
    return absent;
  }

  @Override
  public long missing() {
    return missing;
  }

  @Override
  public long typeErrors() {
    return 0;
  }
}
