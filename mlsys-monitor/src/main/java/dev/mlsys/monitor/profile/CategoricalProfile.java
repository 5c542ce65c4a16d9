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
public final class CategoricalProfile extends RecordCounts implements FieldProfile {
  /** Most distinct categories kept. */
  public static final int MAX_CATEGORIES = 10_000;
  /** The bucket of categories beyond {@link #MAX_CATEGORIES}. */
  public static final String OTHER = "(other)";

  private final TreeMap<String, Long> counts = new TreeMap<>();

  CategoricalProfile(FieldSpec spec) {
    super(spec);
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

  void merge(CategoricalProfile o) {
    mergeCounts(o);
    o.counts.forEach((k, v) -> {
      String key = counts.containsKey(k) || counts.size() < MAX_CATEGORIES ? k : OTHER;
      counts.merge(key, v, Long::sum);
    });
  }

  void put(String category, long n) {
    counts.merge(category, n, Long::sum);
  }

  /** @return category to count, sorted by category; an unmodifiable view */
  public Map<String, Long> counts() {
    return Collections.unmodifiableMap(counts);
  }
}
