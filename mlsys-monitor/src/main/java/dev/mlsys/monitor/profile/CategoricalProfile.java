package dev.mlsys.monitor.profile;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The profile of a categorical or boolean column: counts per category (booleans as "false" and
 * "true"), exact and mergeable. At most {@value #MAX_CATEGORIES} distinct categories are kept;
 * further ones are counted together under {@link #OTHER}, so that an identifier-like column
 * cannot exhaust memory.
 *
 * <p>Thread-safety: immutable once obtained from a {@link ReferenceProfile}.
 */
public final class CategoricalProfile implements FieldProfile {
  /** Most distinct categories kept. */
  public static final int MAX_CATEGORIES = 10_000;
  /** The bucket of categories beyond {@link #MAX_CATEGORIES}. */
  public static final String OTHER = "(other)";

  private final FieldSpec spec;
  long count;
  long absent;
  long missing;
  long typeErrors;
  private final TreeMap<String, Long> counts = new TreeMap<>();

  CategoricalProfile(FieldSpec spec) {
    this.spec = spec;
  }

  CategoricalProfile copy() {
    CategoricalProfile c = new CategoricalProfile(spec);
    c.merge(this);
    return c;
  }

  void add(String category) {
    count++;
    String key = counts.containsKey(category) || counts.size() < MAX_CATEGORIES ? category : OTHER;
    counts.merge(key, 1L, Long::sum);
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

  void merge(CategoricalProfile o) {
    count += o.count;
    absent += o.absent;
    missing += o.missing;
    typeErrors += o.typeErrors;
    o.counts.forEach((k, v) -> {
      String key = counts.containsKey(k) || counts.size() < MAX_CATEGORIES ? k : OTHER;
      counts.merge(key, v, Long::sum);
    });
  }

  void put(String category, long n) {
    counts.merge(category, n, Long::sum);
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
    return typeErrors;
  }

  /** @return category to count, sorted by category; an unmodifiable view */
  public Map<String, Long> counts() {
    return Collections.unmodifiableMap(counts);
  }
}
