package dev.mlsys.eval.slices;

import dev.mlsys.api.Row;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A way of cutting rows into slices: by the value of a field, by numeric bands, by any key
 * function, or by the cross of two of these (SEX x AGE band).
 *
 * <pre>{@code
 * SliceBy sexByAge = SliceBy.field("SEX").cross(SliceBy.field("AGE"));   // "SEX=F & AGE=25-34", ...
 * SliceBy ageBands = SliceBy.bands("age", 18, 30, 45, 65);               // "age in [30, 45)", ...
 * }</pre>
 *
 * <p>A missing value is its own slice, named "(missing)". Immutable and thread-safe.
 */
public final class SliceBy {
  /** The key of rows whose value is missing. */
  public static final String MISSING = "(missing)";

  private final String name;
  private final Function<Row, String> key;

  private SliceBy(String name, Function<Row, String> key) {
    this.name = Objects.requireNonNull(name, "name");
    this.key = Objects.requireNonNull(key, "key");
  }

  /** @param field a field of any type @return one slice per value, named "field=value" */
  public static SliceBy field(String field) {
    Objects.requireNonNull(field, "field");
    return new SliceBy(field, row -> field + "=" + (row.isMissing(field) ? MISSING : row.getString(field)));
  }

  /**
   * @param field a numeric field
   * @param edges increasing band edges; values below the first or from the last on get their own band
   * @return one slice per band [e_i, e_i+1), named "field in [a, b)"
   * @throws IllegalArgumentException if the edges are empty or not strictly increasing
   */
  public static SliceBy bands(String field, double... edges) {
    Objects.requireNonNull(field, "field");
    if (edges.length == 0) {
      throw new IllegalArgumentException("bands need at least one edge");
    }
    double[] e = edges.clone();
    for (int i = 1; i < e.length; i++) {
      if (!(e[i] > e[i - 1])) {
        throw new IllegalArgumentException("band edges must increase strictly but were " + Arrays.toString(e));
      }
    }
    return new SliceBy(field + " bands", row -> {
      if (row.isMissing(field)) {
        return field + "=" + MISSING;
      }
      double v = row.getDouble(field);
      if (v < e[0]) {
        return field + " < " + number(e[0]);
      }
      for (int i = 1; i < e.length; i++) {
        if (v < e[i]) {
          return field + " in [" + number(e[i - 1]) + ", " + number(e[i]) + ")";
        }
      }
      return field + " >= " + number(e[e.length - 1]);
    });
  }

  /**
   * @param name the grouping's name
   * @param key the slice name of a row (null becomes "(missing)")
   * @return the grouping
   */
  public static SliceBy of(String name, Function<Row, String> key) {
    return new SliceBy(name, key);
  }

  /** @param other another grouping @return one slice per pair of keys, named "a &amp; b" */
  public SliceBy cross(SliceBy other) {
    Objects.requireNonNull(other, "other");
    return new SliceBy(name + " x " + other.name, row -> keyOf(row) + " & " + other.keyOf(row));
  }

  /** @return the grouping's name ("SEX x AGE") */
  public String name() {
    return name;
  }

  /** @param row a row @return the name of the slice it falls in */
  public String keyOf(Row row) {
    String k = key.apply(row);
    return k == null ? MISSING : k;
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }

  @Override
  public String toString() {
    return "SliceBy[" + name + "]";
  }
}
