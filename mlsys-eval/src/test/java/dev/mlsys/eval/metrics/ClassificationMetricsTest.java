package dev.mlsys.eval.metrics;

import static dev.mlsys.eval.testing.Golden.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
  private static final double TOLERANCE = 1e-9;
  private static final List<JsonObject> CASES = Golden.load("metrics").getObjects("multiclass");

  @Test
  void confusionMatrixAndAveragesMatchScikitLearn() {
    for (JsonObject c : CASES) {
      String name = c.getString("name");
      int k = c.getInt("classes");
      int[] actual = Golden.ints(c, "actual");
      int[] predicted = Golden.ints(c, "predicted");
      ConfusionMatrix cm = ConfusionMatrix.of(actual, predicted, k);
      double[][] expected = Golden.matrix(c, "confusion");
      for (int a = 0; a < k; a++) {
        for (int p = 0; p < k; p++) {
          assertEquals((long) expected[a][p], cm.count(a, p), name + " count " + a + "," + p);
        }
      }
      close(c.getDouble("accuracy"), cm.accuracy(), TOLERANCE, name + " accuracy");
      close(c.getDouble("balancedAccuracy"), cm.balancedAccuracy(), TOLERANCE, name + " balanced");
      close(c.getDouble("matthews"), cm.matthewsCorrelation(), TOLERANCE, name + " mcc");
      for (Average avg : Average.values()) {
        String suffix = "_" + avg.name().toLowerCase(java.util.Locale.ROOT);
        close(c.getDouble("precision" + suffix), cm.precision(avg), TOLERANCE, name + " precision" + suffix);
        close(c.getDouble("recall" + suffix), cm.recall(avg), TOLERANCE, name + " recall" + suffix);
        close(c.getDouble("f1" + suffix), cm.f1(avg), TOLERANCE, name + " f1" + suffix);
      }
      JsonObject perClass = c.getObject("perClass");
      for (String cls : perClass.asMap().keySet()) {
        JsonObject v = perClass.getObject(cls);
        int i = Integer.parseInt(cls);
        close(v.getDouble("precision"), cm.precision(i), TOLERANCE, name + " precision " + cls);
        close(v.getDouble("recall"), cm.recall(i), TOLERANCE, name + " recall " + cls);
        close(v.getDouble("f1"), cm.f1(i), TOLERANCE, name + " f1 " + cls);
      }
      if (c.has("probabilities")) {
        double[][] proba = Golden.matrix(c, "probabilities");
        close(c.getDouble("rocAucOvrMacro"), ClassificationMetrics.rocAucOneVsRest(proba, actual, Average.MACRO),
            TOLERANCE, name + " ovr macro");
        close(c.getDouble("rocAucOvrWeighted"), ClassificationMetrics.rocAucOneVsRest(proba, actual, Average.WEIGHTED),
            TOLERANCE, name + " ovr weighted");
        close(c.getDouble("logLoss"), ClassificationMetrics.logLoss(proba, actual), TOLERANCE, name + " log loss");
      }
    }
  }

  @Test
  void staticShortcutsAgreeWithTheMatrix() {
    JsonObject c = CASES.get(0);
    int[] actual = Golden.ints(c, "actual");
    int[] predicted = Golden.ints(c, "predicted");
    close(c.getDouble("accuracy"), ClassificationMetrics.accuracy(actual, predicted), TOLERANCE, "accuracy");
    close(c.getDouble("f1_macro"), ClassificationMetrics.f1(actual, predicted, 3, Average.MACRO), TOLERANCE, "f1");
    close(c.getDouble("matthews"), ClassificationMetrics.matthewsCorrelation(actual, predicted), TOLERANCE, "mcc");
  }

  @Test
  void stringLabelsGiveTheSameMatrix() {
    JsonObject c = CASES.get(0);
    int[] actual = Golden.ints(c, "actual");
    int[] predicted = Golden.ints(c, "predicted");
    List<String> names = List.of("setosa", "versicolor", "virginica");
    List<String> a = new ArrayList<>();
    List<String> p = new ArrayList<>();
    for (int i = 0; i < actual.length; i++) {
      a.add(names.get(actual[i]));
      p.add(names.get(predicted[i]));
    }
    ConfusionMatrix byName = ConfusionMatrix.of(a, p, names);
    ConfusionMatrix byIndex = ConfusionMatrix.of(actual, predicted, 3);
    assertArrayEquals(byIndex.toArray(), byName.toArray());
    assertEquals(names, byName.classes());
  }

  @Test
  void unknownLabelsAndRaggedRowsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(List.of("a", "b"), List.of("a", "c"), List.of("a", "b")));
    assertEquals("predicted[1] is 'c', which is not one of the classes [a, b]", e.getMessage());
    IllegalArgumentException index = assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, 3));
    assertEquals("actual[1] must be a class index in [0, 3) but was: 3", index.getMessage());
    IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.logLoss(new double[][] {{0.5, 0.5}, {1.0}}, new int[] {0, 1}));
    assertEquals("probabilities[1] has 1 columns but row 0 has 2", ragged.getMessage());
    IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.rocAucOneVsRest(new double[][] {{0.5, 0.3, 0.2}, {0.1, 0.8, 0.1}},
            new int[] {0, 1}, Average.MACRO));
    assertEquals("class 2 never occurs in actual; its one-vs-rest ROC AUC is undefined", absent.getMessage());
  }

  @Test
  void matthewsIsZeroWhenUndefinedAndOneWhenPerfect() {
    assertEquals(0.0, ClassificationMetrics.matthewsCorrelation(new int[] {0, 0, 0}, new int[] {0, 0, 0}));
    assertEquals(1.0, ClassificationMetrics.matthewsCorrelation(new int[] {0, 1, 2, 1}, new int[] {0, 1, 2, 1}), 1e-15);
    assertEquals(Map.of(), Map.of());
  }
}
