package dev.mlsys.data.testdata;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.mlsys.api.Coercion;
import dev.mlsys.api.Field;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real data sets of the test resources ({@code /data/*.csv}), read into validated rows.
 * Categorical columns declare their values in sorted order; a column with an empty or
 * {@code NA} cell is nullable.
 */
public final class RealData {
  private static final Map<String, List<Row>> CACHE = new ConcurrentHashMap<>();

  private RealData() {}

  /** income.csv: 13 categorical features with missing values, label INCOME (9 bands). */
  public static List<Row> income() {
    return CACHE.computeIfAbsent("income", k -> rows("income.csv", "INCOME", Set.of(), Set.of()));
  }

  /** pima_diabetes.csv: 8 numeric features, label diabetes (neg / pos). */
  public static List<Row> pima() {
    return CACHE.computeIfAbsent("pima", k -> rows("pima_diabetes.csv", "diabetes",
        Set.of("pregnant", "glucose", "pressure", "triceps", "insulin", "mass", "pedigree", "age"), Set.of()));
  }

  /**
   * pima_diabetes.csv with the zeros that mean "not measured" (glucose, pressure, triceps,
   * insulin, mass) read as missing values.
   */
  public static List<Row> pimaWithMissing() {
    return CACHE.computeIfAbsent("pima-missing", k -> {
      Set<String> zeroMissing = Set.of("glucose", "pressure", "triceps", "insulin", "mass");
      Schema.Builder b = Schema.builder().coercion(Coercion.LENIENT);
      Schema plain = pima().get(0).schema();
      for (Field f : plain.fields()) {
        b.field(f.withNullable(zeroMissing.contains(f.name())));
      }
      b.label(plain.label().orElseThrow());
      Schema schema = b.build();
      List<Row> out = new ArrayList<>();
      for (Row r : pima()) {
        Map<String, Object> m = new LinkedHashMap<>(r.toMap());
        m.replaceAll((key, v) -> zeroMissing.contains(key) && Double.valueOf(0.0).equals(v) ? null : v);
        out.add(schema.row(m));
      }
      return Collections.unmodifiableList(out);
    });
  }

  /** seattle_weather.csv: date (timestamp), 4 numeric features, label weather. */
  public static List<Row> seattleWeather() {
    return CACHE.computeIfAbsent("seattle", k -> rows("seattle_weather.csv", "weather",
        Set.of("precipitation", "temp_max", "temp_min", "wind"), Set.of("date")));
  }

  /** ticdata.csv: 23 numeric and 62 categorical features, label CARAVAN (6 % insurance). */
  public static List<Row> ticdata() {
    return CACHE.computeIfAbsent("ticdata", k -> rows("ticdata.csv", "CARAVAN", ticNumeric(), Set.of()));
  }

  /** The numeric columns of ticdata.csv. */
  public static Set<String> ticNumeric() {
    return Set.of("MAANTHUI", "MGEMOMV", "AWAPART", "AWABEDR", "AWALAND", "APERSAUT", "ABESAUT", "AMOTSCO",
        "AVRAAUT", "AAANHANG", "ATRACTOR", "AWERKT", "ABROM", "ALEVEN", "APERSONG", "AGEZONG", "AWAOREG",
        "ABRAND", "AZEILPL", "APLEZIER", "AFIETS", "AINBOED", "ABYSTAND");
  }

  /** @return the cells of a CSV resource, the header first; empty and NA cells are null */
  public static List<String[]> cells(String file) {
    try (InputStream in = RealData.class.getResourceAsStream("/data/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no test resource /data/" + file);
      }
      CsvMapper mapper = new CsvMapper();
      mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      List<String[]> out = new ArrayList<>();
      try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(in)) {
        boolean header = true;
        while (it.hasNext()) {
          String[] r = it.next();
          if (!header) {
            for (int j = 0; j < r.length; j++) {
              if (r[j].isEmpty() || r[j].equals("NA")) {
                r[j] = null;
              }
            }
          }
          header = false;
          out.add(r);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the records of a CSV resource by column name; empty and NA cells are null */
  public static List<Map<String, String>> records(String file) {
    List<String[]> cells = cells(file);
    String[] header = cells.get(0);
    List<Map<String, String>> out = new ArrayList<>(cells.size() - 1);
    for (String[] r : cells.subList(1, cells.size())) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int j = 0; j < header.length; j++) {
        m.put(header[j], r[j]);
      }
      out.add(m);
    }
    return out;
  }

  private static List<Row> rows(String file, String label, Set<String> numeric, Set<String> timestamps) {
    List<String[]> cells = cells(file);
    String[] header = cells.get(0);
    List<String[]> body = cells.subList(1, cells.size());
    Schema.Builder b = Schema.builder().coercion(Coercion.LENIENT);
    int labelAt = -1;
    for (int j = 0; j < header.length; j++) {
      String c = header[j];
      boolean nullable = false;
      Set<String> values = new TreeSet<>();
      for (String[] r : body) {
        nullable |= r[j] == null;
        if (r[j] != null) {
          values.add(r[j]);
        }
      }
      Field f = numeric.contains(c) ? Field.numeric(c) : timestamps.contains(c) ? Field.timestamp(c)
          : Field.categorical(c, values.toArray(new String[0]));
      if (c.equals(label)) {
        labelAt = j;
      } else {
        b.field(f.withNullable(nullable));
      }
      if (c.equals(label)) {
        b.label(f);
      }
    }
    Schema schema = b.build();
    List<Row> rows = new ArrayList<>(body.size());
    for (String[] r : body) {
      // positional values in schema order: the features, then the label
      Object[] values = new Object[header.length];
      int k = 0;
      for (int j = 0; j < header.length; j++) {
        if (j != labelAt) {
          values[k++] = r[j];
        }
      }
      values[k] = r[labelAt];
      rows.add(schema.rowOf(values));
    }
    return Collections.unmodifiableList(rows);
  }
}
