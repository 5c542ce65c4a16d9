package dev.mlsys.eval.behavior;

import dev.mlsys.api.CategoricalField;
import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.NumericField;
import dev.mlsys.api.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * Ready-made {@link Perturbation}s for tabular rows and for text fields (the CheckList
 * perturbations: Ribeiro, Wu, Guestrin and Singh 2020, "Beyond accuracy: behavioral testing of NLP
 * models with CheckList", ACL). Every random choice comes from the generator the test passes in,
 * so a seed reproduces every case.
 *
 * <pre>{@code
 * Perturbation noise = Perturbations.gaussianNoise("age", 2.0);
 * Perturbation typo = Perturbations.typo("message");
 * Perturbation names = Perturbations.replaceWords("message", List.of("Alice", "Bob", "Chen", "Dana"));
 * }</pre>
 *
 * <p>A perturbation of a missing value leaves the row unchanged (the case is skipped and counted).
 * Field names are checked when a row is perturbed: an unknown field or a field of the wrong type
 * is an {@link IllegalArgumentException} naming it. All perturbations are immutable and
 * thread-safe.
 */
public final class Perturbations {
  private Perturbations() {}

  /**
   * @param description what the function does, for reports
   * @param function a deterministic change to a row
   * @return the function as a perturbation
   */
  public static Perturbation of(String description, UnaryOperator<Row> function) {
    Objects.requireNonNull(function, "function");
    return ((Perturbation) (row, random) -> function.apply(row)).named(description);
  }

  /**
   * @param description what the function does, for reports
   * @param function a change to a row drawing randomness only from the given generator
   * @return the function as a perturbation
   */
  public static Perturbation random(String description, BiFunction<Row, RandomGenerator, Row> function) {
    Objects.requireNonNull(function, "function");
    return ((Perturbation) function::apply).named(description);
  }

  /**
   * Adds normal noise with the given standard deviation, clamped into the field's declared range.
   *
   * @param field a numeric field
   * @param sd the standard deviation, &gt; 0
   * @return the perturbation
   * @throws IllegalArgumentException if sd is not positive and finite
   */
  public static Perturbation gaussianNoise(String field, double sd) {
    positive("sd", sd);
    return numeric(field, "gaussian noise (sd " + number(sd) + ") on '" + field + "'",
        (v, random) -> v + sd * random.nextGaussian());
  }

  /**
   * @param field a numeric field
   * @param factor the multiplier, finite
   * @return the value multiplied by the factor (clamped into the field's range)
   */
  public static Perturbation scale(String field, double factor) {
    finite("factor", factor);
    return numeric(field, "scale '" + field + "' by " + number(factor), (v, random) -> v * factor);
  }

  /**
   * @param field a numeric field
   * @param delta the amount added, finite
   * @return the value shifted by delta (clamped into the field's range)
   */
  public static Perturbation shift(String field, double delta) {
    finite("delta", delta);
    return numeric(field, "shift '" + field + "' by " + number(delta), (v, random) -> v + delta);
  }

  /**
   * @param field a categorical field with at least two declared values
   * @return the value replaced by another declared value, chosen uniformly
   */
  public static Perturbation swapCategory(String field) {
    Objects.requireNonNull(field, "field");
    return ((Perturbation) (row, random) -> {
      CategoricalField f = categorical(row, field);
      String current = row.getString(field);
      if (current == null) {
        return row;
      }
      List<String> others = new ArrayList<>(f.values());
      others.remove(current);
      if (others.isEmpty()) {
        return row;
      }
      return row.with(field, others.get(random.nextInt(others.size())));
    }).named("swap '" + field + "' to another category");
  }

  /**
   * @param field any field
   * @param value the value to set (validated by the row's schema)
   * @return the field set to that value
   */
  public static Perturbation setValue(String field, Object value) {
    Objects.requireNonNull(field, "field");
    return ((Perturbation) (row, random) -> row.with(field, value)).named("set '" + field + "' to " + value);
  }

  /**
   * @param field a nullable field
   * @return the field set missing
   */
  public static Perturbation setMissing(String field) {
    Objects.requireNonNull(field, "field");
    return ((Perturbation) (row, random) -> {
      Field f = field(row, field);
      if (!f.nullable()) {
        throw new IllegalArgumentException("field '" + field + "' is required; setMissing needs a nullable field");
      }
      return row.isMissing(field) ? row : row.with(field, null);
    }).named("set '" + field + "' missing");
  }

  /**
   * @param field a text field
   * @return one typo: two adjacent different letters swapped at a random position
   */
  public static Perturbation typo(String field) {
    return typos(field, 1);
  }

  /**
   * @param field a text field
   * @param count typos to make, &gt;= 1
   * @return {@code count} typos, one after the other
   * @throws IllegalArgumentException if count &lt; 1
   */
  public static Perturbation typos(String field, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1 but was: " + count);
    }
    return text(field, count + (count == 1 ? " typo" : " typos") + " in '" + field + "'", (s, random) -> {
      String out = s;
      for (int i = 0; i < count; i++) {
        out = TextEdits.typo(out, random);
      }
      return out;
    });
  }

  /** @param field a text field @return the text in lower case */
  public static Perturbation lowercase(String field) {
    return text(field, "lower-case '" + field + "'", (s, random) -> s.toLowerCase(Locale.ROOT));
  }

  /** @param field a text field @return the text in upper case */
  public static Perturbation uppercase(String field) {
    return text(field, "upper-case '" + field + "'", (s, random) -> s.toUpperCase(Locale.ROOT));
  }

  /** @param field a text field @return the trailing punctuation removed, or a full stop added if there is none */
  public static Perturbation punctuation(String field) {
    return text(field, "toggle the final punctuation of '" + field + "'", (s, random) -> TextEdits.togglePunctuation(s));
  }

  /** @param field a text field @return every punctuation character removed */
  public static Perturbation stripPunctuation(String field) {
    return text(field, "strip punctuation from '" + field + "'", (s, random) -> TextEdits.stripPunctuation(s));
  }

  /**
   * @param field a text field
   * @return one English contraction expanded or one expansion contracted ("is not" / "isn't"),
   *     chosen at random among those present
   */
  public static Perturbation contractions(String field) {
    return text(field, "expand or contract a contraction in '" + field + "'", TextEdits::contraction);
  }

  /**
   * Replaces a word of the list found in the text (whole word, any case) by another word of the
   * list: names, locations, products, anything the model should not care about.
   *
   * @param field a text field
   * @param words at least two interchangeable words or phrases
   * @return the perturbation
   * @throws IllegalArgumentException if fewer than two words are given
   */
  public static Perturbation replaceWords(String field, List<String> words) {
    Objects.requireNonNull(words, "words");
    if (words.size() < 2) {
      throw new IllegalArgumentException("replaceWords needs at least 2 words but got " + words.size());
    }
    List<List<String>> groups = List.of(List.copyOf(words));
    return text(field, "replace one of " + words + " in '" + field + "'",
        (s, random) -> TextEdits.replaceWord(s, groups, random));
  }

  /**
   * @param field a text field
   * @param groups groups of synonyms; a word found in the text is replaced by another of its group
   * @return the perturbation
   */
  public static Perturbation synonyms(String field, List<List<String>> groups) {
    Objects.requireNonNull(groups, "groups");
    List<List<String>> copy = new ArrayList<>();
    for (List<String> g : groups) {
      copy.add(List.copyOf(g));
    }
    List<List<String>> frozen = List.copyOf(copy);
    return text(field, "replace a synonym in '" + field + "'", (s, random) -> TextEdits.replaceWord(s, frozen, random));
  }

  private interface NumericChange {
    double apply(double value, RandomGenerator random);
  }

  private interface TextChange {
    String apply(String text, RandomGenerator random);
  }

  private static Perturbation numeric(String field, String description, NumericChange change) {
    Objects.requireNonNull(field, "field");
    return ((Perturbation) (row, random) -> {
      Field f = field(row, field);
      if (!(f instanceof NumericField n)) {
        throw new IllegalArgumentException("field '" + field + "' is " + f.type().id() + "; " + description
            + " needs a numeric field");
      }
      if (row.isMissing(field)) {
        return row;
      }
      double v = change.apply(row.getDouble(field), random);
      return row.with(field, Math.min(Math.max(v, n.min()), n.max()));
    }).named(description);
  }

  private static Perturbation text(String field, String description, TextChange change) {
    Objects.requireNonNull(field, "field");
    return ((Perturbation) (row, random) -> {
      Field f = field(row, field);
      if (f.type() != FieldType.TEXT) {
        throw new IllegalArgumentException("field '" + field + "' is " + f.type().id() + "; " + description
            + " needs a text field");
      }
      String s = row.getString(field);
      if (s == null) {
        return row;
      }
      String out = change.apply(s, random);
      return out.equals(s) ? row : row.with(field, out);
    }).named(description);
  }

  private static Field field(Row row, String name) {
    return row.schema().allFields().get(row.schema().indexOf(name));
  }

  private static CategoricalField categorical(Row row, String name) {
    Field f = field(row, name);
    if (!(f instanceof CategoricalField c)) {
      throw new IllegalArgumentException("field '" + name + "' is " + f.type().id() + "; swapCategory needs a categorical field");
    }
    return c;
  }

  private static void positive(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and > 0 but was: " + v);
    }
  }

  private static void finite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite but was: " + v);
    }
  }

  private static String number(double v) {
    return Format.number(v);
  }
}
