package dev.mlsys.monitor.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Argument checks and copies shared by the tests; every message names the sample. */
final class Samples {
  private Samples() {}

  /**
   * @return a sorted copy of a finite, non-empty sample
   * @throws IllegalArgumentException naming the sample on empty or non-finite input
   */
  static double[] sortedCopy(double[] values, String name, int minSize) {
    Objects.requireNonNull(values, name);
    if (values.length < minSize) {
      throw new IllegalArgumentException(minSize == 1
          ? name + " sample must not be empty"
          : name + " sample must hold at least " + minSize + " values but held " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s sample: value at index %d is %s; drift tests need finite values (drop or impute missing values first)",
            name, i, values[i]));
      }
    }
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** @return the counts as a long, validated */
  static long count(Map<String, Long> counts, String category, String name) {
    Long c = counts.get(category);
    if (c == null) {
      return 0;
    }
    if (c < 0) {
      throw new IllegalArgumentException(name + " sample: count of category '" + category
          + "' must be >= 0 but was: " + c);
    }
    return c;
  }

  /** Checks keys and counts of a category map and returns the total. */
  static long total(Map<String, Long> counts, String name) {
    Objects.requireNonNull(counts, name);
    long total = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getKey() == null) {
        throw new IllegalArgumentException(name + " sample: category must not be null");
      }
      if (e.getValue() == null || e.getValue() < 0) {
        throw new IllegalArgumentException(name + " sample: count of category '" + e.getKey()
            + "' must be >= 0 but was: " + e.getValue());
      }
      total = Math.addExact(total, e.getValue());
    }
    if (total == 0) {
      throw new IllegalArgumentException(name + " sample must hold at least one observation but its counts sum to 0");
    }
    return total;
  }

  static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
