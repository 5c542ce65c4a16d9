package dev.mlsys.eval.testing;

import dev.mlsys.api.Field;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The real data sets copied into src/test/resources/data, read as api rows. */
public final class Datasets {
  /** INCOME bands at or above $50,000. */
  public static final Set<String> HIGH_INCOME = Set.of("[50.000-75.000)", "[75.000-");
  /** EDUCATION levels, lowest first. */
  public static final List<String> EDUCATION = List.of("Grade 8 or less", "Grades 9 to 11", "Graduated High Scool",
      "1 to 3 years of college", "College graduate", "Grad Study");
  /** AGE bands, youngest first. */
  public static final List<String> AGE = List.of("14-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+");

  private static List<Row> spam;
  private static List<Row> income;

  private Datasets() {}

  /** @return spam.csv: 57 numeric features and the label "type" (nonspam, spam) */
  public static synchronized List<Row> spam() {
    if (spam == null) {
      List<String[]> lines = csv("/data/spam.csv");
      String[] header = lines.get(0);
      Schema.Builder b = Schema.builder();
      for (int i = 0; i < header.length - 1; i++) {
        b.numeric(header[i]);
      }
      Schema schema = b.label("type", "nonspam", "spam").build();
      List<Row> rows = new ArrayList<>();
      for (String[] line : lines.subList(1, lines.size())) {
        Object[] values = new Object[line.length];
        for (int i = 0; i < line.length - 1; i++) {
          values[i] = Double.parseDouble(line[i]);
        }
        values[line.length - 1] = line[line.length - 1];
        rows.add(schema.rowOf(values));
      }
      spam = List.copyOf(rows);
    }
    return spam;
  }

  /**
   * @return income.csv: 13 nullable categorical features and the label "income" (low, high: at
   *     or above $50,000); the original band is dropped
   */
  public static synchronized List<Row> income() {
    if (income == null) {
      List<String[]> lines = csv("/data/income.csv");
      String[] header = lines.get(0);
      List<Set<String>> values = new ArrayList<>();
      for (int i = 0; i < header.length; i++) {
        values.add(new LinkedHashSet<>());
      }
      for (String[] line : lines.subList(1, lines.size())) {
        if (line.length != header.length) {
          throw new IllegalStateException("income.csv: a line has " + line.length + " fields, expected " + header.length);
        }
        for (int i = 1; i < header.length; i++) {
          String v = line[i];
          if (!v.isEmpty() && !v.equals("NA")) {
            values.get(i).add(v);
          }
        }
      }
      Schema.Builder b = Schema.builder();
      for (int i = 1; i < header.length; i++) {
        List<String> declared = new ArrayList<>(values.get(i));
        if (header[i].equals("EDUCATION")) {
          declared = EDUCATION;
        } else if (header[i].equals("AGE")) {
          declared = AGE;
        } else {
          declared.sort(null);
        }
        b.field(Field.categorical(header[i], declared.toArray(String[]::new)).withNullable(true));
      }
      Schema schema = b.label("income", "low", "high").build();
      List<Row> rows = new ArrayList<>();
      for (String[] line : lines.subList(1, lines.size())) {
        Object[] row = new Object[header.length];
        for (int i = 1; i < header.length; i++) {
          String v = line[i];
          row[i - 1] = v.isEmpty() || v.equals("NA") ? null : v;
        }
        row[header.length - 1] = HIGH_INCOME.contains(line[0]) ? "high" : "low";
        rows.add(schema.rowOf(row));
      }
      income = List.copyOf(rows);
    }
    return income;
  }

  /** @return every k-th row starting at offset, a deterministic sample */
  public static List<Row> everyKth(List<Row> rows, int k, int offset) {
    List<Row> out = new ArrayList<>();
    for (int i = offset; i < rows.size(); i += k) {
      out.add(rows.get(i));
    }
    return out;
  }

  /** Reads CSV lines; fields may be double-quoted ("Student, HS or College"), with "" for a quote. */
  static List<String[]> csv(String resource) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Datasets.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      List<String[]> out = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        out.add(split(line));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String[] split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields.toArray(String[]::new);
  }
}
