package dev.mlsys.models.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics and paired tests against scikit-learn / scipy (src/test/golden/metrics.py). */
class ScoresTest {
  static JsonObject golden() throws IOException {
    try (InputStream in = ScoresTest.class.getResourceAsStream("/golden/metrics.json")) {
      JsonObject g = JsonObject.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "metrics.json");
      g.requireFormat("mlsys-golden-metrics", 1);
      return g;
    }
  }

  static int[] ints(JsonObject o, String key) {
    double[] d = o.getDoubles(key);
    int[] out = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (int) d[i];
    }
    return out;
  }

  @Test
  void metricsMatchScikitLearn() throws IOException {
    for (JsonObject c : golden().getObjects("cases")) {
      int[] y = ints(c, "y");
      int[] pred = ints(c, "pred");
      int k = c.getInt("k");
      List<Object> rows = c.getArray("p");
      double[][] p = new double[rows.size()][];
      for (int i = 0; i < p.length; i++) {
        @SuppressWarnings("unchecked")
        List<Object> r = (List<Object>) rows.get(i);
        p[i] = r.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
      }
      assertEquals(c.getDouble("accuracy"), Scores.accuracy(y, pred), 1e-15);
      assertEquals(c.getDouble("macroF1"), Scores.macroF1(y, pred, k), 1e-12);
      assertEquals(c.getDouble("logLoss"), Scores.logLoss(y, p), 1e-12);
      if (k == 2) {
        double[] s = new double[y.length];
        boolean[] pos = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
          s[i] = p[i][1];
          pos[i] = y[i] == 1;
        }
        assertEquals(c.getDouble("rocAuc"), Scores.rocAuc(s, pos), 1e-12);
      }
    }
  }

  @Test
  void correctedTMatchesScipy() throws IOException {
    for (JsonObject c : golden().getObjects("correctedT")) {
      double[] a = c.getDoubles("a");
      double[] b = c.getDoubles("b");
      int n = c.getInt("n");
      PairedTest t = Comparison.correctedT(cv(a, n), cv(b, n), Metric.ACCURACY);
      assertEquals(c.getDouble("t"), t.statistic(), 1e-9);
      assertEquals(c.getDouble("p"), t.pValue(), 1e-9);
    }
  }

  @Test
  void mcnemarMatchesScipyBinomTest() throws IOException {
    for (JsonObject c : golden().getObjects("mcnemar")) {
      int onlyA = c.getInt("onlyA");
      int onlyB = c.getInt("onlyB");
      int n = onlyA + onlyB + 10;       // 10 examples both get right
      int[] truth = new int[n];
      int[] predA = new int[n];
      int[] predB = new int[n];
      for (int i = 0; i < n; i++) {
        boolean aRight = i < onlyA || i >= onlyA + onlyB;
        boolean bRight = i >= onlyA;
        predA[i] = aRight ? 0 : 1;
        predB[i] = bRight ? 0 : 1;
      }
      Folds folds = Folds.kFold(n, 2, 1);
      CvResult ra = new CvResult("a", folds, List.of(), java.util.Map.of(), java.util.Map.of(), predA, new double[0], truth, new double[0]);
      CvResult rb = new CvResult("b", folds, List.of(), java.util.Map.of(), java.util.Map.of(), predB, new double[0], truth, new double[0]);
      PairedTest t = Comparison.mcnemar(ra, rb);
      assertEquals(c.getDouble("p"), t.pValue(), 1e-12);
      assertEquals((onlyA - onlyB) / (double) n, t.difference(), 1e-15);
    }
  }

  /** A result carrying only per-fold accuracies, over n examples in k = values.length folds. */
  private static CvResult cv(double[] values, int n) {
    List<java.util.Map<Metric, Double>> perFold = new java.util.ArrayList<>();
    for (double v : values) {
      perFold.add(java.util.Map.of(Metric.ACCURACY, v));
    }
    Folds folds = Folds.kFold(n, values.length, 1);
    return new CvResult("x", folds, perFold, java.util.Map.of(), java.util.Map.of(), new int[0], new double[0],
        new int[0], new double[0]);
  }
}
