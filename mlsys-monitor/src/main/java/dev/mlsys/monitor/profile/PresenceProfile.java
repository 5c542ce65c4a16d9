package dev.mlsys.monitor.profile;

/**
 * The profile of a text or timestamp column: only presence is tracked (drift of free text or of
 * time itself is not tested; missing values still are).
 *
 * <p>Thread-safety: immutable once obtained from a {@link ReferenceProfile}.
 */
public final class PresenceProfile extends RecordCounts implements FieldProfile {
  PresenceProfile(FieldSpec spec) {
    super(spec);
  }

  PresenceProfile copy() {
    PresenceProfile c = new PresenceProfile(spec);
    c.merge(this);
    return c;
  }

  void add() {
    count++;
  }

  void merge(PresenceProfile o) {
    mergeCounts(o);
  }
}
