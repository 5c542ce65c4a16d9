package dev.mlsys.data.imbalance;

import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.split.TrainingMatrix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Training data as resamplers see it: a numeric matrix (nominal values as codes), class codes, and
 * what is needed to turn a synthetic vector back into a row.
 */
final class Encoded {
  final double[][] x;
  final boolean[] nominal;
  final int[] y;
  final List<Object> classes;
  /** For rows: the schema and each column's nominal dictionary (null for continuous columns). */
  final Schema schema;
  final List<List<Object>> dictionaries;

  private Encoded(double[][] x, boolean[] nominal, int[] y, List<Object> classes, Schema schema,
      List<List<Object>> dictionaries) {
    this.x = x;
    this.nominal = nominal;
    this.y = y;
    this.classes = classes;
    this.schema = schema;
    this.dictionaries = dictionaries;
  }

  int size() {
    return y.length;
  }

  int[] counts() {
    int[] counts = new int[classes.size()];
    for (int c : y) {
      counts[c]++;
    }
    return counts;
  }

  int[][] members() {
    int[] counts = counts();
    int[][] out = new int[counts.length][];
    for (int c = 0; c < counts.length; c++) {
      out[c] = new int[counts[c]];
    }
    int[] fill = new int[counts.length];
    for (int i = 0; i < y.length; i++) {
      out[y[i]][fill[y[i]]++] = i;
    }
    return out;
  }

  String describe(int[] counts) {
    StringBuilder sb = new StringBuilder("{");
    for (int c = 0; c < counts.length; c++) {
      sb.append(c == 0 ? "" : ", ").append(classes.get(c)).append('=').append(counts[c]);
    }
    return sb.append('}').toString();
  }

  /** Labels only: for resamplers that never look at features. Classes in first-appearance order. */
  static Encoded labelsOf(List<Row> rows) {
    Map<Object, Integer> index = new HashMap<>();
    List<Object> classes = new ArrayList<>();
    int[] y = new int[rows.size()];
    for (int i = 0; i < y.length; i++) {
      Object label = rows.get(i).label();
      if (label == null) {
        throw new IllegalArgumentException("training row " + i + " has no label; resampling needs every row's class");
      }
      Integer c = index.get(label);
      if (c == null) {
        c = classes.size();
        index.put(label, c);
        classes.add(label);
      }
      y[i] = c;
    }
    return new Encoded(null, null, y, classes, null, null);
  }

  /**
   * Rows with their features: numeric and timestamp fields continuous, the others nominal.
   *
   * @param allowNominal whether categorical, text and boolean fields are accepted
   */
  static Encoded ofRows(List<Row> rows, boolean allowNominal, String method) {
    Encoded labels = labelsOf(rows);
    if (rows.isEmpty()) {
      return new Encoded(new double[0][], new boolean[0], labels.y, labels.classes, null, List.of());
    }
    Schema schema = rows.get(0).schema();
    List<Field> fields = schema.fields();
    boolean[] nominal = new boolean[fields.size()];
    List<String> rejected = new ArrayList<>();
    for (int j = 0; j < fields.size(); j++) {
      FieldType t = fields.get(j).type();
      nominal[j] = !(t == FieldType.NUMERIC || t == FieldType.TIMESTAMP);
      if (nominal[j] && !allowNominal) {
        rejected.add(fields.get(j).name() + ":" + t.id());
      }
    }
    if (!rejected.isEmpty()) {
      throw new IllegalArgumentException(method + " interpolates numeric and timestamp fields only, but the rows have "
          + rejected + "; use Resamplers.smoteNc() for mixed data");
    }
    List<Map<Object, Integer>> codes = new ArrayList<>();
    List<List<Object>> dictionaries = new ArrayList<>();
    for (int j = 0; j < fields.size(); j++) {
      if (nominal[j]) {
        // codes in sorted order, so the encoding does not depend on row order
        TreeSet<String> sorted = new TreeSet<>();
        Map<String, Object> byText = new HashMap<>();
        for (Row r : rows) {
          Object v = r.get(j);
          if (v != null) {
            sorted.add(v.toString());
            byText.putIfAbsent(v.toString(), v);
          }
        }
        List<Object> dict = new ArrayList<>();
        Map<Object, Integer> code = new HashMap<>();
        for (String s : sorted) {
          code.put(byText.get(s), dict.size());
          dict.add(byText.get(s));
        }
        codes.add(code);
        dictionaries.add(dict);
      } else {
        codes.add(null);
        dictionaries.add(null);
      }
    }
    double[][] x = new double[rows.size()][fields.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (!r.schema().equals(schema)) {
        throw new IllegalArgumentException(method + " needs rows of one schema, but row " + i + " has " + r.schema()
            + " and row 0 has " + schema);
      }
      for (int j = 0; j < fields.size(); j++) {
        Object v = r.get(j);
        if (v == null) {
          throw new IllegalArgumentException(method + " needs complete rows, but training row " + i + " has no value "
              + "for field '" + fields.get(j).name() + "'; impute missing values first");
        }
        if (nominal[j]) {
          x[i][j] = codes.get(j).get(v);
        } else {
          double d = r.getDouble(j);
          if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(method + " needs finite values, but training row " + i + " has " + d
                + " for field '" + fields.get(j).name() + "'");
          }
          x[i][j] = d;
        }
      }
    }
    return new Encoded(x, nominal, labels.y, labels.classes, schema, dictionaries);
  }

  /** A matrix: columns in {@code nominalColumns} hold category codes. Classes sorted ascending. */
  static Encoded ofMatrix(TrainingMatrix m, int[] nominalColumns, String method) {
    double[][] x = m.features();
    int[] labels = m.labels();
    int width = m.width();
    boolean[] nominal = new boolean[width];
    for (int c : nominalColumns) {
      if (c < 0 || c >= width) {
        throw new IllegalArgumentException(method + ": categorical column " + c + " is outside the " + width
            + " columns");
      }
      nominal[c] = true;
    }
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < width; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new IllegalArgumentException(method + " needs finite values, but row " + i + " column " + j + " is "
              + x[i][j]);
        }
      }
    }
    TreeSet<Integer> sorted = new TreeSet<>();
    for (int v : labels) {
      sorted.add(v);
    }
    List<Object> classes = new ArrayList<>(sorted);
    Map<Integer, Integer> code = new HashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      code.put((Integer) classes.get(c), c);
    }
    int[] y = new int[labels.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = code.get(labels[i]);
    }
    return new Encoded(x, nominal, y, classes, null, null);
  }

  /** @return a synthetic row of class {@code c} from an encoded vector */
  Row decode(double[] v, int c) {
    List<Field> fields = schema.fields();
    Object[] values = new Object[fields.size() + 1];
    for (int j = 0; j < fields.size(); j++) {
      if (nominal[j]) {
        values[j] = dictionaries.get(j).get((int) v[j]);
      } else if (fields.get(j).type() == FieldType.TIMESTAMP) {
        values[j] = Instant.ofEpochMilli(Math.round(v[j]));
      } else {
        values[j] = v[j];
      }
    }
    values[fields.size()] = classes.get(c);
    return schema.rowOf(values);
  }
}
