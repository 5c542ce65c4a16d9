package dev.mlsys.data.split;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A time-based hold-out split: every training timestamp is strictly before every validation
 * timestamp, which is strictly before every test timestamp. Rows that share a timestamp always
 * land in the same part, so a cut moves to the nearest change of timestamp (when equally near, the
 * tied rows go to the later part); sizes are therefore within one tie group of
 * {@code n * fraction}. With explicit cutoffs, a row at or after a cutoff belongs to the later
 * part. Timestamps have millisecond resolution. Made by {@link Splits#byTime(double...)} or
 * {@link Splits#byTime(Instant, Instant)}.
 *
 * <pre>{@code
 * Split s = Splits.byTime(0.7, 0.15, 0.15).split(rows, r -> (Instant) r.get("date"));
 * }</pre>
 *
 * <p>Deterministic: there is no seed. Immutable and thread-safe.
 */
public final class TimeSplit {
  private final double[] fractions;
  private final boolean withValidation;
  private final long[] cutoffs;

  TimeSplit(double[] fractions, boolean withValidation, long[] cutoffs) {
    this.fractions = fractions;
    this.withValidation = withValidation;
    this.cutoffs = cutoffs;
  }

  /**
   * @param epochMillis the timestamp of each row, in epoch milliseconds
   * @return the split
   * @throws IllegalArgumentException if a part with a positive fraction would be empty because
   *     too many rows share a timestamp
   */
  public Split split(long[] epochMillis) {
    Objects.requireNonNull(epochMillis, "epochMillis");
    return fractions != null ? byFractions(epochMillis.clone()) : byCutoffs(epochMillis.clone());
  }

  /**
   * @param items the items to split
   * @param timeOf the timestamp of an item; never null
   * @param <T> the item type
   * @return the split
   * @throws IllegalArgumentException if an item's timestamp is null, or as {@link #split(long[])}
   */
  public <T> Split split(List<T> items, Function<? super T, Instant> timeOf) {
    return split(Splits.epochMillis(items, timeOf));
  }

  private Split byFractions(long[] t) {
    int n = t.length;
    int[] order = sortedByTime(t);
    int[] sizes = Apportion.sizes(n, fractions);
    int p1 = boundary(t, order, sizes[0]);
    int p2 = Math.max(p1, boundary(t, order, sizes[0] + sizes[1]));
    int[] actual = {p1, p2 - p1, n - p2};
    String[] names = {"train", "validation", "test"};
    for (int p = 0; p < 3; p++) {
      if (sizes[p] > 0 && actual[p] == 0) {
        throw new IllegalArgumentException("a time split cannot give the " + names[p] + " part any rows: "
            + "rows that share a timestamp stay together, and the cut for fractions "
            + Indices.given(fractions, withValidation) + " falls inside a group of tied timestamps "
            + "(" + n + " rows, " + distinct(t, order) + " distinct timestamps)");
      }
    }
    return make(t, order, p1, p2, "time", Indices.given(fractions, withValidation));
  }

  private Split byCutoffs(long[] t) {
    int[] order = sortedByTime(t);
    int n = t.length;
    int p1 = firstAtOrAfter(t, order, cutoffs[0]);
    int p2 = cutoffs.length == 2 ? firstAtOrAfter(t, order, cutoffs[1]) : p1;
    if (p2 < p1) {
      p2 = p1;
    }
    Split s = make(t, order, p1, p2, "time-cutoffs", List.of());
    Map<String, String> details = new LinkedHashMap<>(s.provenance().details());
    if (cutoffs.length == 2) {
      details.put("validationCutoff", Instant.ofEpochMilli(cutoffs[0]).toString());
    }
    details.put("testCutoff", Instant.ofEpochMilli(cutoffs[cutoffs.length - 1]).toString());
    return new Split(n, s.train(), s.validation(), s.test(), new SplitProvenance(s.provenance().method(),
        OptionalLong.empty(), List.of(), s.provenance().sizes(), details));
  }

  private static Split make(long[] t, int[] order, int p1, int p2, String method, List<Double> fractions) {
    int n = t.length;
    int[] train = Indices.sorted(order, 0, p1);
    int[] validation = Indices.sorted(order, p1, p2);
    int[] test = Indices.sorted(order, p2, n);
    Map<String, String> details = new LinkedHashMap<>();
    if (p1 > 0) {
      details.put("trainEnd", Instant.ofEpochMilli(t[order[p1 - 1]]).toString());
    }
    if (p2 > p1) {
      details.put("validationStart", Instant.ofEpochMilli(t[order[p1]]).toString());
    }
    if (n > p2) {
      details.put("testStart", Instant.ofEpochMilli(t[order[p2]]).toString());
    }
    return new Split(n, train, validation, test, new SplitProvenance(method, OptionalLong.empty(), fractions,
        List.of(train.length, validation.length, test.length), details));
  }

  static int[] sortedByTime(long[] t) {
    Integer[] boxed = new Integer[t.length];
    for (int i = 0; i < t.length; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> t[a] != t[b] ? Long.compare(t[a], t[b]) : Integer.compare(a, b));
    int[] out = new int[t.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = boxed[i];
    }
    return out;
  }

  /** Moves a cut position to the nearest boundary between distinct timestamps. */
  private static int boundary(long[] t, int[] order, int p) {
    int n = order.length;
    if (p <= 0 || p >= n || t[order[p - 1]] != t[order[p]]) {
      return p;
    }
    long v = t[order[p]];
    int lo = p;
    while (lo > 0 && t[order[lo - 1]] == v) {
      lo--;
    }
    int hi = p;
    while (hi < n && t[order[hi]] == v) {
      hi++;
    }
    return p - lo <= hi - p ? lo : hi;
  }

  private static int firstAtOrAfter(long[] t, int[] order, long cutoff) {
    int lo = 0;
    int hi = order.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t[order[mid]] < cutoff) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int distinct(long[] t, int[] order) {
    int d = 0;
    for (int i = 0; i < order.length; i++) {
      if (i == 0 || t[order[i]] != t[order[i - 1]]) {
        d++;
      }
    }
    return d;
  }

  @Override
  public String toString() {
    return fractions != null ? "time" + Indices.given(fractions, withValidation)
        : "time-cutoffs" + Arrays.toString(Arrays.stream(cutoffs).mapToObj(Instant::ofEpochMilli).toArray());
  }
}
