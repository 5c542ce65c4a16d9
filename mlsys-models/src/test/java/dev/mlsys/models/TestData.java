package dev.mlsys.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Test fixtures: the bundled real data sets and small synthetic ones. */
public final class TestData {
  private TestData() {}

  /** Raw CSV: header then rows of strings ("" and NA are missing, read as null). */
  public record Csv(List<String> header, List<String[]> rows) {}

  public static Csv csv(String resource) {
    try (InputStream in = TestData.class.getResourceAsStream("/data/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /data/" + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> header = Arrays.asList(cells(r.readLine()));
      List<String[]> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty()) {
          continue;
        }
        String[] cells = cells(line);
        for (int i = 0; i < cells.length; i++) {
          if (cells[i].isEmpty() || cells[i].equals("NA")) {
            cells[i] = null;
          }
        }
        rows.add(cells);
      }
      return new Csv(header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits one CSV line, honouring double quotes (RFC 4180). */
  static String[] cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out.toArray(new String[0]);
  }

  /** income.csv as validated rows: every column categorical, a missing value is the category "NA". */
  public record Income(dev.mlsys.api.Schema schema, List<dev.mlsys.api.Row> rows) {}

  public static Income income() {
    Csv csv = csv("income.csv");
    dev.mlsys.api.Schema.Builder b = dev.mlsys.api.Schema.builder();
    String label = "INCOME";
    for (int j = 0; j < csv.header().size(); j++) {
      java.util.TreeSet<String> values = new java.util.TreeSet<>();
      for (String[] row : csv.rows()) {
        values.add(row[j] == null ? "NA" : row[j]);
      }
      String name = csv.header().get(j);
      if (name.equals(label)) {
        b.label(name, values.toArray(new String[0]));
      } else {
        b.categorical(name, values.toArray(new String[0]));
      }
    }
    dev.mlsys.api.Schema schema = b.build();
    List<dev.mlsys.api.Row> rows = new ArrayList<>();
    for (String[] row : csv.rows()) {
      java.util.Map<String, Object> v = new java.util.HashMap<>();
      for (int j = 0; j < row.length; j++) {
        v.put(csv.header().get(j), row[j] == null ? "NA" : row[j]);
      }
      rows.add(schema.row(v));
    }
    return new Income(schema, rows);
  }

  /** A numeric CSV whose label column holds class names. */
  public static LabeledData numericClassification(String resource, String label) {
    Csv csv = csv(resource);
    int y = csv.header().indexOf(label);
    List<String> names = new ArrayList<>(csv.header());
    names.remove(y);
    double[][] x = new double[csv.rows().size()][names.size()];
    String[] labels = new String[x.length];
    for (int i = 0; i < x.length; i++) {
      String[] row = csv.rows().get(i);
      int j = 0;
      for (int c = 0; c < row.length; c++) {
        if (c == y) {
          labels[i] = row[c];
        } else {
          x[i][j++] = Double.parseDouble(row[c]);
        }
      }
    }
    return LabeledData.classification(names, x, labels);
  }

  private static LabeledData spam;

  /** spam.csv: 4601 x 57, classes nonspam / spam. */
  public static synchronized LabeledData spam() {
    if (spam == null) {
      spam = numericClassification("spam.csv", "type");
    }
    return spam;
  }

  /** breast_cancer.csv: 569 x 30, classes B / M. */
  public static LabeledData breastCancer() {
    return numericClassification("breast_cancer.csv", "diagnosis");
  }

  /** Three Gaussian blobs in 2-d, well separated but overlapping a little. */
  public static LabeledData blobs(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] x = new double[n][2];
    String[] y = new String[n];
    double[][] centres = {{0, 0}, {3, 0}, {0, 3}};
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      x[i][0] = centres[c][0] + gaussian(rnd);
      x[i][1] = centres[c][1] + gaussian(rnd);
      y[i] = "c" + c;
    }
    return LabeledData.classification(List.of("x0", "x1"), x, y);
  }

  /** y = 3 x0 - 2 x1 + noise. */
  public static LabeledData linear(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] x = new double[n][2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = rnd.nextDouble(-2, 2);
      x[i][1] = rnd.nextDouble(-2, 2);
      y[i] = 3 * x[i][0] - 2 * x[i][1] + 0.1 * gaussian(rnd);
    }
    return LabeledData.regression(List.of("x0", "x1"), x, y);
  }

  static double gaussian(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  /** A seeded shuffle of 0..n-1 split into train / test positions. */
  public static int[][] split(int n, double testFraction, long seed) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int nTest = (int) Math.round(n * testFraction);
    return new int[][] {Arrays.copyOfRange(perm, nTest, n), Arrays.copyOfRange(perm, 0, nTest)};
  }

  public static double accuracy(TrainedModel model, LabeledData data) {
    int right = 0;
    for (int i = 0; i < data.size(); i++) {
      if (model.predict(data.features(i)).label().equals(data.classes().get(data.classOf(i)))) {
        right++;
      }
    }
    return (double) right / data.size();
  }

  public static double rmse(TrainedModel model, LabeledData data) {
    double s = 0;
    for (int i = 0; i < data.size(); i++) {
      double e = model.output(data.features(i))[0] - data.targetOf(i);
      s += e * e;
    }
    return Math.sqrt(s / data.size());
  }
}
