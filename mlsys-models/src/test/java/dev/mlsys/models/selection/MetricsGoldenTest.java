package dev.mlsys.models.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.models.LabeledData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metrics and paired tests against scikit-learn / scipy (src/test/golden/metrics.py), through the
 * code paths model selection uses: {@link Evaluation#compute} and {@link Comparison}.
 */
class MetricsGoldenTest {
  static JsonObject golden() throws IOException {
    try (InputStream in = MetricsGoldenTest.class.getResourceAsStream("/golden/metrics.json")) {
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
      Map<Metric, Double> m = Evaluation.compute(new Predictions(pred, p, new double[0]), classification(y, k));
      assertEquals(c.getDouble("accuracy"), m.get(Metric.ACCURACY), 1e-15);
      assertEquals(c.getDouble("macroF1"), m.get(Metric.MACRO_F1), 1e-12);
      assertEquals(c.getDouble("logLoss"), m.get(Metric.LOG_LOSS), 1e-12);
      if (k == 2) {
        assertEquals(c.getDouble("rocAuc"), m.get(Metric.ROC_AUC), 1e-12);
      } else {
        assertFalse(m.containsKey(Metric.ROC_AUC));
      }
    }
  }

  @Test
  void regressionMetricsMatchScikitLearn() throws IOException {
    for (JsonObject c : golden().getObjects("regression")) {
      double[] y = c.getDoubles("y");
      double[][] x = new double[y.length][1];
      LabeledData data = LabeledData.regression(List.of("x"), x, y);
      Map<Metric, Double> m = Evaluation.compute(new Predictions(new int[0], new double[0][], c.getDoubles("pred")), data);
      assertEquals(c.getDouble("rmse"), m.get(Metric.RMSE), 1e-12);
      assertEquals(c.getDouble("mae"), m.get(Metric.MAE), 1e-12);
      assertEquals(c.getDouble("r2"), m.get(Metric.R2), 1e-12);
    }
  }

  @Test
  void rocAucIsNaNWhenOneClassIsAbsent() {
    double[][] p = {{0.9, 0.1}, {0.2, 0.8}, {0.6, 0.4}};
    Map<Metric, Double> m = Evaluation.compute(new Predictions(new int[] {0, 1, 0}, p, new double[0]),
        classification(new int[] {0, 0, 0}, 2));
    assertTrue(Double.isNaN(m.get(Metric.ROC_AUC)));
    assertEquals(2 / 3.0, m.get(Metric.ACCURACY), 1e-15);
  }

  @Test
  void probabilitiesRoundedJustPastOneAreScoredAndBrokenOnesRefused() {
    double over = Math.nextUp(1.0);
    Map<Metric, Double> m = Evaluation.compute(
        new Predictions(new int[] {1, 0}, new double[][] {{0.0, over}, {over, 0.0}}, new double[0]),
        classification(new int[] {1, 0}, 2));
    // clipped to 1 - eps and renormalised: the loss of a certain, right prediction is 0
    assertEquals(0.0, m.get(Metric.LOG_LOSS), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> Evaluation.compute(
        new Predictions(new int[] {1, 0}, new double[][] {{0.0, Double.NaN}, {1.0, 0.0}}, new double[0]),
        classification(new int[] {1, 0}, 2)));
  }

  /** Classification data over one dummy feature with classes "0" .. "k-1". */
  private static LabeledData classification(int[] y, int k) {
    List<String> classes = new java.util.ArrayList<>();
    for (int c = 0; c < k; c++) {
      classes.add(Integer.toString(c));
    }
    return LabeledData.classification(List.of("x"), new double[y.length][1], classes, y);
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
