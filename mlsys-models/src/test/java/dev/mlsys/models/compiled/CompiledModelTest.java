package dev.mlsys.models.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.models.TrainedModel;
import org.junit.jupiter.api.Test;

class CompiledModelTest {

  @Test
  void everyFixtureCompilesAndAgreesOnTrainingRows() {
    StringBuilder failures = new StringBuilder();
    for (String name : Fixtures.modelNames()) {
      long t0 = System.nanoTime();
      TrainedModel m = Fixtures.model(name);
      long t1 = System.nanoTime();
      CompiledModel c = ModelCompiler.compile(m);
      double tol = Oracle.hasXGBoost(m) ? 1e-6 : 1e-12;
      double maxDiff = 0;
      int labels = 0;
      var data = m.task() == dev.mlsys.models.Task.REGRESSION ? Fixtures.REGRESSION
          : m.classes().size() == 2 ? Fixtures.BINARY : Fixtures.MULTI;
      for (int i = 0; i < 100; i++) {
        double[] x = data.features(i);
        double[] want = m.output(x);
        double[] got = c.output(x);
        for (int k = 0; k < want.length; k++) {
          maxDiff = Math.max(maxDiff, Math.abs(want[k] - got[k]));
        }
        if (!java.util.Objects.equals(m.predict(x).label(), c.predict(x).label())) {
          labels++;
        }
      }
      System.out.printf("%-22s train %5d ms check %5d ms maxDiff=%.3g labels=%d%n", name, (t1 - t0) / 1000000, (System.nanoTime() - t1) / 1000000, maxDiff, labels);
      if (maxDiff > tol || labels > 0) {
        failures.append(name).append(": maxDiff ").append(maxDiff).append(", label mismatches ").append(labels)
            .append('\n');
      }
    }
    assertTrue(failures.length() == 0, failures.toString());
  }
}
