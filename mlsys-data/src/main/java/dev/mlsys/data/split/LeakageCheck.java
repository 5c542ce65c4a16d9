package dev.mlsys.data.split;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Looks for leakage between the parts of a split or fold: the same row in two parts, the same
 * record (or key, such as the features without the label) in two parts, a group in two parts,
 * and for time splits, rows of an earlier part at or after the first timestamp of a later part.
 *
 * <pre>{@code
 * LeakageReport r = LeakageCheck.of(split)
 *     .records(rows, Row::withoutLabel)
 *     .timestamps(rows, row -> (Instant) row.get("date"))
 *     .check();
 * assert r.isClean() : r;
 * }</pre>
 *
 * <p>Each check runs only if its data was given. Not thread-safe: confine to one thread.
 */
public final class LeakageCheck {
  /** The most examples a report lists per kind of leak. */
  public static final int MAX_EXAMPLES = 10;

  private final Map<Part, int[]> parts = new LinkedHashMap<>();
  private List<?> keys;
  private long[] times;
  private List<?> groups;

  private LeakageCheck() {}

  /**
   * @param split a hold-out split
   * @return a check over its train, validation and test parts
   */
  public static LeakageCheck of(Split split) {
    LeakageCheck c = new LeakageCheck();
    for (Part p : Part.values()) {
      c.parts.put(p, split.indices(p));
    }
    return c;
  }

  /**
   * @param fold a cross-validation fold
   * @return a check over its train and test parts
   */
  public static LeakageCheck of(Fold fold) {
    return of(fold.train(), fold.test());
  }

  /**
   * @param train training row indices, of a split made elsewhere
   * @param test test row indices
   * @return a check over the two parts
   */
  public static LeakageCheck of(int[] train, int[] test) {
    LeakageCheck c = new LeakageCheck();
    c.parts.put(Part.TRAIN, Objects.requireNonNull(train, "train").clone());
    c.parts.put(Part.TEST, Objects.requireNonNull(test, "test").clone());
    return c;
  }

  /**
   * @param records the records that were split, compared with {@code equals}
   * @return this check, also looking for duplicated records
   */
  public LeakageCheck records(List<?> records) {
    this.keys = List.copyOf(Objects.requireNonNull(records, "records"));
    return this;
  }

  /**
   * @param records the records that were split
   * @param keyOf the key two records are duplicates by (for example the record without its label)
   * @param <T> the record type
   * @return this check, also looking for duplicated keys
   */
  public <T> LeakageCheck records(List<T> records, Function<? super T, ?> keyOf) {
    Objects.requireNonNull(keyOf, "keyOf");
    List<Object> k = new ArrayList<>(records.size());
    for (T r : records) {
      k.add(keyOf.apply(r));
    }
    this.keys = k;
    return this;
  }

  /**
   * @param epochMillis the timestamp of each row, in epoch milliseconds
   * @return this check, also looking for overlaps in time
   */
  public LeakageCheck timestamps(long[] epochMillis) {
    this.times = Objects.requireNonNull(epochMillis, "epochMillis").clone();
    return this;
  }

  /**
   * @param records the records that were split
   * @param timeOf the timestamp of a record; never null
   * @param <T> the record type
   * @return this check, also looking for overlaps in time
   */
  public <T> LeakageCheck timestamps(List<T> records, Function<? super T, Instant> timeOf) {
    this.times = Splits.epochMillis(records, timeOf);
    return this;
  }

  /**
   * @param groups the group of each row (null is a group of its own)
   * @return this check, also looking for groups in several parts
   */
  public LeakageCheck groups(List<?> groups) {
    this.groups = new ArrayList<>(Objects.requireNonNull(groups, "groups"));
    return this;
  }

  /**
   * @return what was found
   * @throws IllegalArgumentException if an index of a part lies outside the data given
   */
  public LeakageReport check() {
    long sharedIndices = sharedIndices();
    List<LeakageReport.Duplicate> dups = new ArrayList<>();
    long duplicateRows = keys == null ? 0 : duplicates(dups);
    List<String> groupExamples = new ArrayList<>();
    long sharedGroups = groups == null ? 0 : sharedGroups(groupExamples);
    List<LeakageReport.TimeOverlap> overlaps = times == null ? List.of() : timeOverlaps();
    return new LeakageReport(sharedIndices, duplicateRows, dups, sharedGroups, groupExamples, overlaps);
  }

  private long sharedIndices() {
    Map<Integer, Part> owner = new HashMap<>();
    long shared = 0;
    for (Map.Entry<Part, int[]> e : parts.entrySet()) {
      for (int i : e.getValue()) {
        Part previous = owner.putIfAbsent(i, e.getKey());
        if (previous != null && previous != e.getKey()) {
          shared++;
        }
      }
    }
    return shared;
  }

  private void checkIndex(int i, int size, String what) {
    if (i < 0 || i >= size) {
      throw new IllegalArgumentException("row index " + i + " of the split is outside the " + size + " " + what
          + " given");
    }
  }

  private long duplicates(List<LeakageReport.Duplicate> examples) {
    Map<Object, Object[]> firstSeen = new HashMap<>();
    long count = 0;
    for (Map.Entry<Part, int[]> e : parts.entrySet()) {
      List<Object[]> added = new ArrayList<>();
      for (int i : e.getValue()) {
        checkIndex(i, keys.size(), "records");
        Object key = keys.get(i);
        Object[] first = firstSeen.get(key);
        // the same index in two parts is reported as a shared index, not as a duplicate
        if (first != null && first[0] != e.getKey() && (Integer) first[1] != i) {
          count++;
          if (examples.size() < MAX_EXAMPLES) {
            examples.add(new LeakageReport.Duplicate((Part) first[0], (Integer) first[1], e.getKey(), i));
          }
        } else if (first == null) {
          added.add(new Object[] {key, e.getKey(), i});
        }
      }
      for (Object[] a : added) {
        firstSeen.putIfAbsent(a[0], new Object[] {a[1], a[2]});
      }
    }
    return count;
  }

  private long sharedGroups(List<String> examples) {
    Map<Object, Set<Part>> partsOf = new LinkedHashMap<>();
    for (Map.Entry<Part, int[]> e : parts.entrySet()) {
      for (int i : e.getValue()) {
        checkIndex(i, groups.size(), "groups");
        partsOf.computeIfAbsent(groups.get(i), g -> EnumSet.noneOf(Part.class)).add(e.getKey());
      }
    }
    long shared = 0;
    for (Map.Entry<Object, Set<Part>> e : partsOf.entrySet()) {
      if (e.getValue().size() > 1) {
        shared++;
        if (examples.size() < MAX_EXAMPLES) {
          examples.add(e.getKey() + " in " + e.getValue());
        }
      }
    }
    return shared;
  }

  private List<LeakageReport.TimeOverlap> timeOverlaps() {
    List<Part> order = new ArrayList<>();
    for (Map.Entry<Part, int[]> e : parts.entrySet()) {
      if (e.getValue().length > 0) {
        order.add(e.getKey());
        for (int i : e.getValue()) {
          checkIndex(i, times.length, "timestamps");
        }
      }
    }
    List<LeakageReport.TimeOverlap> out = new ArrayList<>();
    for (int a = 0; a < order.size(); a++) {
      for (int b = a + 1; b < order.size(); b++) {
        int[] earlier = parts.get(order.get(a));
        int[] later = parts.get(order.get(b));
        long laterStart = Long.MAX_VALUE;
        for (int i : later) {
          laterStart = Math.min(laterStart, times[i]);
        }
        long earlierEnd = Long.MIN_VALUE;
        long rows = 0;
        for (int i : earlier) {
          earlierEnd = Math.max(earlierEnd, times[i]);
          if (times[i] >= laterStart) {
            rows++;
          }
        }
        if (rows > 0) {
          out.add(new LeakageReport.TimeOverlap(order.get(a), order.get(b), rows, Instant.ofEpochMilli(earlierEnd),
              Instant.ofEpochMilli(laterStart)));
        }
      }
    }
    return out;
  }
}
