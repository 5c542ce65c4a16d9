package dev.mlsys.eval.metrics;

import static dev.mlsys.eval.testing.Golden.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.testing.Golden;
import org.junit.jupiter.api.Test;

class RegressionMetricsTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void everyGoldenCaseMatchesScikitLearn() {
    for (JsonObject c : Golden.load("metrics").getObjects("regression")) {
      String name = c.getString("name");
      double[] a = c.getDoubles("actual");
      double[] p = c.getDoubles("predicted");
      close(c.getDouble("mae"), RegressionMetrics.meanAbsoluteError(a, p), TOLERANCE, name + " mae");
      close(c.getDouble("mse"), RegressionMetrics.meanSquaredError(a, p), TOLERANCE, name + " mse");
      close(c.getDouble("rmse"), RegressionMetrics.rootMeanSquaredError(a, p), TOLERANCE, name + " rmse");
      close(c.getDouble("r2"), RegressionMetrics.r2(a, p), TOLERANCE, name + " r2");
      close(c.getDouble("mape"), RegressionMetrics.meanAbsolutePercentageError(a, p), TOLERANCE, name + " mape");
    }
  }

  @Test
  void nonFiniteValuesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RegressionMetrics.meanAbsoluteError(new double[] {1, Double.POSITIVE_INFINITY}, new double[] {1, 2}));
    assertEquals("actual[1] must be finite but was: Infinity", e.getMessage());
  }
}
