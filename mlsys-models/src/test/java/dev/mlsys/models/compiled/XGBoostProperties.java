package dev.mlsys.models.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.models.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import ml.dmlc.xgboost4j.java.Booster;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Compiled xgboost4j boosters equal xgboost4j's own single-row prediction within 1e-6 (float
 * outputs), for every supported objective, a deep (linked) layout, missing values and values on
 * the float thresholds.
 */
class XGBoostProperties {
  private static final Map<String, CompiledModel> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();
  private static List<TreeSet<Double>> thresholds;

  @Provide
  Arbitrary<double[]> rows() {
    synchronized (XGBoostProperties.class) {
      if (thresholds == null) {
        List<TreeSet<Double>> t = new ArrayList<>();
        for (int j = 0; j < Boosters.WIDTH; j++) {
          t.add(new TreeSet<>());
        }
        int[] identity = {0, 1, 2, 3, 4};
        for (Booster b : Boosters.all().values()) {
          for (Tree tree : XGBoostReader.parse(b, identity).trees()) {
            Oracle.walk(tree, tree.root(), t);
          }
        }
        thresholds = t;
      }
    }
    return Rows.of(thresholds, true);
  }

  @Property(tries = 25)
  void compiledBoostersEqualXGBoost(@ForAll("rows") double[] row) {
    boosters(row);
  }

  @Property(tries = 2000)
  @AddLifecycleHook(LongOnly.class)
  void compiledBoostersEqualXGBoostLong(@ForAll("rows") double[] row) {
    boosters(row);
  }

  private void boosters(double[] row) {
    List<String> failures = new ArrayList<>();
    float[] f = new float[row.length];
    for (int j = 0; j < f.length; j++) {
      f[j] = (float) row[j];
    }
    for (Map.Entry<String, Booster> e : Boosters.all().entrySet()) {
      CompiledModel c = COMPILED.computeIfAbsent(e.getKey(), k -> ModelCompiler.compileXGBoost(e.getValue(),
          Boosters.FEATURES));
      float[] want = Oracle.predict(e.getValue(), f);
      double[] got = c.output(row);
      String objective = e.getKey().split(" ")[0];
      double[] expected = switch (objective) {
        case "binary:logistic" -> new double[] {1.0 - want[0], want[0]};
        case "multi:softmax" -> {
          double[] oneHot = new double[3];
          oneHot[(int) want[0]] = 1;
          yield oneHot;
        }
        default -> toDouble(want);
      };
      for (int k = 0; k < expected.length; k++) {
        if (!(Math.abs(expected[k] - got[k]) <= 1e-6)) {
          failures.add(e.getKey() + ": " + java.util.Arrays.toString(got) + " but xgboost4j says "
              + java.util.Arrays.toString(want));
          break;
        }
      }
      if (c.task() == Task.CLASSIFICATION && !objective.equals("multi:softmax")) {
        int best = Finish.argmax(expected, 0, expected.length);
        double[] sorted = expected.clone();
        java.util.Arrays.sort(sorted);
        if (sorted[sorted.length - 1] - sorted[sorted.length - 2] > 1e-6) {
          assertEquals(c.classes().get(best), c.predict(row).label(), e.getKey());
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }
}
