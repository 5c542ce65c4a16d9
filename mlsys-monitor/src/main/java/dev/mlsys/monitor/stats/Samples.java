package dev.mlsys.monitor.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

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

  /**
   * Checks a sample of points for a multivariate test.
   *
   * @param dim the expected number of columns, or -1 to take the first row's
   * @return the number of columns
   * @throws IllegalArgumentException naming the sample and row on too few points, a ragged row or
   *     a non-finite value
   * @throws NullPointerException if the sample or a row is null
   */
  static int checkPoints(double[][] sample, String name, int dim, int minPoints) {
    Objects.requireNonNull(sample, name);
    if (sample.length < minPoints) {
      throw new IllegalArgumentException(name + " sample must hold at least " + minPoints + " points but held "
          + sample.length);
    }
    int d = dim;
    for (int i = 0; i < sample.length; i++) {
      double[] row = Objects.requireNonNull(sample[i], name + " row " + i);
      if (d < 0) {
        d = row.length;
        if (d == 0) {
          throw new IllegalArgumentException(name + " sample: rows must have at least one column");
        }
      }
      if (row.length != d) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s sample: row %d has %d columns but %d were expected", name, i, row.length, d));
      }
      for (int c = 0; c < d; c++) {
        if (!Double.isFinite(row[c])) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "%s sample: row %d column %d is %s; the test needs finite values", name, i, c, row[c]));
        }
      }
    }
    return d;
  }

  /** Shuffles in place (Fisher-Yates, from the last position down), drawing from {@code rng}. */
  static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
