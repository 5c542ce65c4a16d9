package dev.mlsys.data.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Shared helpers of the splitters: argument checks, seeded shuffles, label coding. Stateless. */
final class Indices {
  private Indices() {}

  /** Checks 2 or 3 finite non-negative fractions summing to 1 (within 1e-9) with a positive first. */
  static double[] fractions(double[] fractions) {
    Objects.requireNonNull(fractions, "fractions");
    if (fractions.length < 2 || fractions.length > 3) {
      throw new IllegalArgumentException("give 2 fractions (train, test) or 3 (train, validation, test) but got "
          + fractions.length + ": " + Arrays.toString(fractions));
    }
    double sum = 0;
    for (int i = 0; i < fractions.length; i++) {
      if (!(fractions[i] >= 0) || !Double.isFinite(fractions[i])) {
        throw new IllegalArgumentException("fraction " + i + " must be a finite number >= 0 but was: " + fractions[i]);
      }
      sum += fractions[i];
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "fractions must sum to 1 but sum to %s: %s", sum, Arrays.toString(fractions)));
    }
    if (!(fractions[0] > 0)) {
      throw new IllegalArgumentException("the train fraction must be > 0 but was: " + fractions[0]);
    }
    double[] out = new double[3];
    out[0] = fractions[0] / sum;
    if (fractions.length == 3) {
      out[1] = fractions[1] / sum;
      out[2] = fractions[2] / sum;
    } else {
      out[2] = fractions[1] / sum;
    }
    return out;
  }

  /** @return the fractions as the user gave them: 2 or 3 values */
  static List<Double> given(double[] normalized, boolean withValidation) {
    List<Double> out = new ArrayList<>();
    out.add(normalized[0]);
    if (withValidation) {
      out.add(normalized[1]);
    }
    out.add(normalized[2]);
    return out;
  }

  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Fisher-Yates shuffle in place (Knuth, TAOCP vol. 2, 3.4.2, algorithm P). */
  static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  static int[] sorted(int[] a, int from, int to) {
    int[] out = Arrays.copyOfRange(a, from, to);
    Arrays.sort(out);
    return out;
  }

  static int checkCount(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("the number of rows must be >= 0 but was: " + n);
    }
    return n;
  }

  /** Codes objects by first appearance; {@code null} is rejected with its index. */
  static final class Coding {
    final int[] codes;
    final List<Object> values;

    private Coding(int[] codes, List<Object> values) {
      this.codes = codes;
      this.values = values;
    }

    static <T> Coding of(List<T> items, Function<? super T, ?> key, String what) {
      Objects.requireNonNull(items, "items");
      Objects.requireNonNull(key, what + "Of");
      Map<Object, Integer> index = new HashMap<>();
      List<Object> values = new ArrayList<>();
      int[] codes = new int[items.size()];
      for (int i = 0; i < codes.length; i++) {
        Object k = key.apply(items.get(i));
        if (k == null) {
          throw new IllegalArgumentException(what + " of item " + i + " is null; every item needs a " + what);
        }
        Integer c = index.get(k);
        if (c == null) {
          c = values.size();
          index.put(k, c);
          values.add(k);
        }
        codes[i] = c;
      }
      return new Coding(codes, values);
    }

    static Coding ofInts(int[] labels) {
      Objects.requireNonNull(labels, "labels");
      List<Object> values = new ArrayList<>();
      Map<Integer, Integer> index = new HashMap<>();
      int[] codes = new int[labels.length];
      for (int i = 0; i < labels.length; i++) {
        Integer c = index.get(labels[i]);
        if (c == null) {
          c = values.size();
          index.put(labels[i], c);
          values.add(labels[i]);
        }
        codes[i] = c;
      }
      return new Coding(codes, values);
    }

    int classes() {
      return values.size();
    }

    int[] counts() {
      int[] counts = new int[values.size()];
      for (int c : codes) {
        counts[c]++;
      }
      return counts;
    }

    /** @return the item indices of each class, ascending */
    int[][] members() {
      int[] counts = counts();
      int[][] out = new int[counts.length][];
      for (int c = 0; c < counts.length; c++) {
        out[c] = new int[counts[c]];
      }
      int[] fill = new int[counts.length];
      for (int i = 0; i < codes.length; i++) {
        out[codes[i]][fill[codes[i]]++] = i;
      }
      return out;
    }

    String describeCounts() {
      int[] counts = counts();
      StringBuilder sb = new StringBuilder("{");
      for (int c = 0; c < counts.length; c++) {
        sb.append(c == 0 ? "" : ", ").append(values.get(c)).append('=').append(counts[c]);
      }
      return sb.append('}').toString();
    }
  }
}
