package dev.mlsys.eval.slices;

import dev.mlsys.api.Row;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A user-defined slice: a named condition on rows ("SEX = F", "AGE in [25, 35)").
 *
 * <pre>{@code
 * Slice youngWomen = Slice.where("SEX", "F").and(Slice.where("AGE", "18-24"));
 * }</pre>
 *
 * <p>Immutable and thread-safe (given a side-effect-free predicate).
 */
public final class Slice {
  private final String name;
  private final Predicate<Row> condition;

  private Slice(String name, Predicate<Row> condition) {
    this.name = Objects.requireNonNull(name, "name");
    this.condition = Objects.requireNonNull(condition, "condition");
  }

  /**
   * @param name the slice's name
   * @param condition which rows belong to it
   * @return the slice
   */
  public static Slice of(String name, Predicate<Row> condition) {
    return new Slice(name, condition);
  }

  /**
   * @param field a field
   * @param value a value, compared by its text form with the row's ({@code "F"}, {@code "true"})
   * @return the rows whose field holds the value
   */
  public static Slice where(String field, Object value) {
    Objects.requireNonNull(field, "field");
    String text = String.valueOf(Objects.requireNonNull(value, "value"));
    return new Slice(field + "=" + text, row -> text.equals(row.getString(field)));
  }

  /** @param field a field @return the rows whose field is missing */
  public static Slice missing(String field) {
    Objects.requireNonNull(field, "field");
    return new Slice(field + " missing", row -> row.isMissing(field));
  }

  /**
   * @param field a numeric field
   * @param lower inclusive lower bound
   * @param upper exclusive upper bound
   * @return the rows with lower &lt;= field &lt; upper
   * @throws IllegalArgumentException if lower &gt;= upper or a bound is NaN
   */
  public static Slice between(String field, double lower, double upper) {
    Objects.requireNonNull(field, "field");
    if (!(lower < upper)) {
      throw new IllegalArgumentException("need lower < upper but were " + lower + " and " + upper);
    }
    return new Slice(field + " in [" + lower + ", " + upper + ")", row -> {
      double v = row.getDouble(field);
      return v >= lower && v < upper;
    });
  }

  /** @param other another slice @return the rows in both, named "a &amp; b" */
  public Slice and(Slice other) {
    Objects.requireNonNull(other, "other");
    return new Slice(name + " & " + other.name, condition.and(other.condition));
  }

  /** @return the slice's name */
  public String name() {
    return name;
  }

  /** @param row a row @return whether it belongs to the slice */
  public boolean contains(Row row) {
    return condition.test(row);
  }

  @Override
  public String toString() {
    return "Slice[" + name + "]";
  }
}
