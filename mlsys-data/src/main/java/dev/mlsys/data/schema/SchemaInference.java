package dev.mlsys.data.schema;

import dev.mlsys.api.Coercion;
import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.Schema;
import dev.mlsys.data.io.CsvFormat;
import dev.mlsys.data.io.CsvReader;
import dev.mlsys.data.io.CsvRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Infers a {@link Schema} from a sample of text records (a CSV file's first rows), and says why
 * each column got its type ({@link InferredSchema#columns()}).
 *
 * <pre>{@code
 * InferredSchema inferred = SchemaInference.defaults().label("diabetes").inferCsv(path, CsvFormat.DEFAULT);
 * Schema schema = inferred.schema();
 * System.out.print(inferred.report());
 * }</pre>
 *
 * <p>The rules, in order, over the present (non-missing) values of a column:
 * <ol>
 *   <li>none present: text (anything is valid text);
 *   <li>all parse as numbers (as {@link Coercion#LENIENT} parses them): numeric, allowing NaN and
 *       infinities only if the sample holds one;
 *   <li>all are {@code true}/{@code false} or {@code yes}/{@code no} (any case): boolean;
 *   <li>all are ISO-8601 dates or date-times (as validation parses them): timestamp;
 *   <li>at most {@link #maxCategories(int)} distinct values, and distinct values at most
 *       {@link #maxCategoryRatio(double)} of the present ones: categorical, its values sorted;
 *   <li>otherwise text.
 * </ol>
 * A column is nullable when a value is missing in the sample. Numeric columns get no range: a
 * sample's minimum and maximum are not rules (they are in the report). The declared
 * {@link #label(String)} becomes a categorical label with the sampled classes, or a numeric one
 * for a numeric column. A schema inferred from a sample can miss rare categories; validate the
 * whole file with it to find out.
 *
 * <p>An immutable value: every option method returns a copy. Thread-safe.
 */
public final class SchemaInference {
  private static final Set<String> BOOLEAN_TOKENS = Set.of("true", "false", "yes", "no");
  private static final Schema TIMESTAMP_PROBE = Schema.builder().timestamp("t").build();
  private static final SchemaInference DEFAULTS = new SchemaInference(10_000, 100, 0.5, null);

  private final int sampleRows;
  private final int maxCategories;
  private final double maxCategoryRatio;
  private final String label;

  private SchemaInference(int sampleRows, int maxCategories, double maxCategoryRatio, String label) {
    this.sampleRows = sampleRows;
    this.maxCategories = maxCategories;
    this.maxCategoryRatio = maxCategoryRatio;
    this.label = label;
  }

  /** @return inference over the first 10,000 rows, up to 100 categories at most half of the values distinct, no label */
  public static SchemaInference defaults() {
    return DEFAULTS;
  }

  /**
   * @param rows how many well-formed records to look at, from the start
   * @return a copy with that sample size
   * @throws IllegalArgumentException if {@code rows < 1}
   */
  public SchemaInference sampleRows(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("sampleRows must be >= 1 but was: " + rows);
    }
    return new SchemaInference(rows, maxCategories, maxCategoryRatio, label);
  }

  /**
   * @param max the most distinct values a categorical column may have
   * @return a copy with that limit
   * @throws IllegalArgumentException if {@code max < 1}
   */
  public SchemaInference maxCategories(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxCategories must be >= 1 but was: " + max);
    }
    return new SchemaInference(sampleRows, max, maxCategoryRatio, label);
  }

  /**
   * @param ratio the largest share of distinct values among present ones for a categorical
   *     column; a column of mostly unique strings is text
   * @return a copy with that ratio
   * @throws IllegalArgumentException if the ratio is not in (0, 1]
   */
  public SchemaInference maxCategoryRatio(double ratio) {
    if (!(ratio > 0 && ratio <= 1)) {
      throw new IllegalArgumentException("maxCategoryRatio (" + ratio + ") must be in (0, 1]");
    }
    return new SchemaInference(sampleRows, maxCategories, ratio, label);
  }

  /**
   * @param column the column to make the schema's label, or null for none
   * @return a copy with that label
   */
  public SchemaInference label(String column) {
    return new SchemaInference(sampleRows, maxCategories, maxCategoryRatio, column);
  }

  /**
   * Infers a schema from the first rows of a CSV file.
   *
   * @param file the file
   * @param format its layout
   * @return the schema and the per-column report
   * @throws java.io.UncheckedIOException if the file cannot be read
   * @throws dev.mlsys.data.io.MalformedRecordException if the header is malformed
   * @throws IllegalArgumentException if the label column does not exist or has fewer than two
   *     classes in the sample
   */
  public InferredSchema inferCsv(Path file, CsvFormat format) {
    try (CsvReader reader = CsvReader.open(file, format)) {
      return infer(reader);
    }
  }

  /**
   * Infers a schema from the next rows of a CSV reader (it is not closed).
   *
   * @param reader an open reader
   * @return the schema and the per-column report
   * @throws IllegalArgumentException as {@link #inferCsv(Path, CsvFormat)}
   */
  public InferredSchema infer(CsvReader reader) {
    List<String> columns = reader.header();
    Column[] stats = columns(columns);
    long sampled = 0;
    long malformed = 0;
    while (sampled < sampleRows && reader.hasNext()) {
      CsvRecord r = reader.next();
      if (r.problem().isPresent()) {
        malformed++;
        continue;
      }
      sampled++;
      for (int i = 0; i < stats.length; i++) {
        stats[i].add(r.value(i), r.line());
      }
    }
    return finish(stats, sampled, malformed);
  }

  /**
   * Infers a schema from records of text values (as read from any text format).
   *
   * @param columns the column names
   * @param records the records, each with one value per column, {@code null} where missing; the
   *     first {@link #sampleRows(int)} are used
   * @return the schema and the per-column report
   * @throws IllegalArgumentException if a record's size differs from the columns', or as
   *     {@link #inferCsv(Path, CsvFormat)}
   */
  public InferredSchema infer(List<String> columns, Iterable<? extends List<String>> records) {
    Column[] stats = columns(columns);
    long sampled = 0;
    for (List<String> r : records) {
      if (sampled == sampleRows) {
        break;
      }
      if (r.size() != stats.length) {
        throw new IllegalArgumentException("record " + (sampled + 1) + " has " + r.size() + " values but there are "
            + stats.length + " columns");
      }
      sampled++;
      for (int i = 0; i < stats.length; i++) {
        stats[i].add(r.get(i), sampled);
      }
    }
    return finish(stats, sampled, 0);
  }

  private Column[] columns(List<String> names) {
    if (label != null && !names.contains(label)) {
      throw new IllegalArgumentException("label column '" + label + "' is not among the columns " + names);
    }
    Column[] stats = new Column[names.size()];
    for (int i = 0; i < stats.length; i++) {
      stats[i] = new Column(Field.checkName(names.get(i)));
    }
    return stats;
  }

  private InferredSchema finish(Column[] stats, long sampled, long malformed) {
    Schema.Builder b = Schema.builder();
    List<ColumnReport> reports = new ArrayList<>(stats.length);
    for (Column c : stats) {
      boolean isLabel = c.name.equals(label);
      Decision d = decide(c, isLabel);
      if (isLabel) {
        b.label(d.field);
      } else {
        b.field(d.field.withNullable(c.missing > 0));
      }
      String nullability = c.missing > 0
          ? String.format(Locale.ROOT, "; nullable: %d of %d values missing", c.missing, c.missing + c.present)
          : "";
      reports.add(new ColumnReport(c.name, d.field.type(), !isLabel && c.missing > 0, isLabel, c.present, c.missing,
          c.distinct.size(), d.reason + nullability));
    }
    if (stats.length == 0) {
      throw new IllegalArgumentException("cannot infer a schema without columns");
    }
    return new InferredSchema(b.build(), reports, sampled, malformed);
  }

  private Decision decide(Column c, boolean isLabel) {
    if (c.present == 0) {
      if (isLabel) {
        throw new IllegalArgumentException("label column '" + c.name + "' has no value in the sample");
      }
      return new Decision(Field.text(c.name),
          "text: no value is present in the sample, and any value is valid text");
    }
    if (c.numeric) {
      String range = String.format(Locale.ROOT, "min %s, max %s", num(c.min), num(c.max));
      if (isLabel) {
        return new Decision(Field.numeric(c.name),
            String.format(Locale.ROOT, "the declared label; numeric (a regression target): all %d present values "
                + "parse as numbers (%s)", c.present, range));
      }
      boolean nonFinite = c.nonFinite > 0;
      return new Decision(nonFinite ? Field.numeric(c.name).allowingNonFinite() : Field.numeric(c.name),
          String.format(Locale.ROOT, "numeric: all %d present values parse as numbers (%d distinct, %s)%s",
              c.present, c.distinct.size(), range,
              nonFinite ? "; " + c.nonFinite + " are NaN or infinite, so non-finite values are allowed" : ""));
    }
    String notNumber = String.format(Locale.ROOT, "'%s' on line %d is not a number",
        shorten(c.firstNonNumeric), c.firstNonNumericLine);
    if (isLabel) {
      if (c.distinct.size() < 2) {
        throw new IllegalArgumentException("label column '" + c.name + "' has " + c.distinct.size()
            + " class in the sample; a label needs at least 2");
      }
      return new Decision(Field.categorical(c.name, sorted(c.distinct)),
          String.format(Locale.ROOT, "the declared label; categorical with the %d classes of the sample (%s)",
              c.distinct.size(), notNumber));
    }
    if (c.bool) {
      return new Decision(Field.bool(c.name),
          String.format(Locale.ROOT, "boolean: all %d present values are true/false or yes/no", c.present));
    }
    if (c.timestamp) {
      return new Decision(Field.timestamp(c.name),
          String.format(Locale.ROOT, "timestamp: all %d present values are ISO-8601 dates or date-times (e.g. '%s')",
              c.present, shorten(c.firstValue)));
    }
    int distinct = c.distinct.size();
    double share = (double) distinct / c.present;
    String counts = String.format(Locale.ROOT, "%d distinct among %d present values", distinct, c.present);
    if (distinct <= maxCategories && share <= maxCategoryRatio) {
      return new Decision(Field.categorical(c.name, sorted(c.distinct)),
          String.format(Locale.ROOT, "categorical: %s (at most %d categories and %s of the values); %s",
              counts, maxCategories, pct(maxCategoryRatio), notNumber));
    }
    String because = distinct > maxCategories
        ? String.format(Locale.ROOT, "more than %d categories", maxCategories)
        : String.format(Locale.ROOT, "%s of the values are distinct, more than %s", pct(share), pct(maxCategoryRatio));
    return new Decision(Field.text(c.name),
        String.format(Locale.ROOT, "text: %s, %s; %s", counts, because, notNumber));
  }

  private static String[] sorted(Set<String> values) {
    return new TreeSet<>(values).toArray(new String[0]);
  }

  private static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%d", (long) d)
        : String.format(Locale.ROOT, "%s", d);
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  private static String shorten(String s) {
    return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  private record Decision(Field field, String reason) {}

  /**
   * Parses a number as {@link Double#parseDouble} does (as lenient validation does), without the
   * cost of an exception for the many values that cannot be numbers.
   *
   * @return the number, or null if the text is not one
   */
  static Double parse(String s) {
    if (s.isEmpty()) {
      return null;
    }
    char c = s.charAt(0);
    if (!(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'N' || c == 'I')) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Running evidence about one column. */
  private static final class Column {
    final String name;
    final Set<String> distinct = new HashSet<>();
    long present;
    long missing;
    boolean numeric = true;
    boolean bool = true;
    boolean timestamp = true;
    long nonFinite;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    String firstValue;
    String firstNonNumeric;
    long firstNonNumericLine;

    Column(String name) {
      this.name = name;
    }

    void add(String value, long line) {
      if (value == null) {
        missing++;
        return;
      }
      present++;
      String trimmed = value.trim();
      if (firstValue == null) {
        firstValue = value;
      }
      distinct.add(trimmed);
      // once a column is neither numeric nor a timestamp candidate, numbers no longer matter
      boolean isNumber = false;
      if (numeric || timestamp) {
        Double d = parse(trimmed);
        isNumber = d != null;
        if (!isNumber) {
          if (numeric) {
            numeric = false;
            firstNonNumeric = value;
            firstNonNumericLine = line;
          }
        } else if (Double.isFinite(d)) {
          min = Math.min(min, d);
          max = Math.max(max, d);
        } else {
          nonFinite++;
        }
      }
      if (bool && !BOOLEAN_TOKENS.contains(trimmed.toLowerCase(Locale.ROOT))) {
        bool = false;
      }
      // a number is no evidence of a timestamp, even where lenient validation reads epoch millis
      if (timestamp) {
        timestamp = !isNumber && TIMESTAMP_PROBE.validate(Map.of("t", trimmed), Coercion.LENIENT).isEmpty();
      }
    }
  }
}
