package dev.mlsys.models.compiled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Prediction;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.TribuoModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.tribuo.Model;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Compiled outputs equal the source models' over random rows with missing values and values on
 * split thresholds: within 1e-12 (in fact to the bit) for double-precision models, within 1e-6
 * for XGBoost, and always the same label.
 */
class CompiledModelProperties {
  private static final Map<String, TrainedModel> MODELS = new LinkedHashMap<>();
  private static final Map<String, CompiledModel> COMPILED = new LinkedHashMap<>();
  private static final Map<String, CompiledModel> RAW = new LinkedHashMap<>();
  private static List<TreeSet<Double>> thresholds;

  @BeforeContainer
  static void compileAll() {
    thresholds = new ArrayList<>();
    for (int j = 0; j < Fixtures.WIDTH; j++) {
      thresholds.add(new TreeSet<>());
    }
    for (String name : Fixtures.modelNames()) {
      TrainedModel m = Fixtures.model(name);
      MODELS.put(name, m);
      COMPILED.put(name, ModelCompiler.compile(m));
      List<TreeSet<Double>> t = Oracle.thresholds(m, Fixtures.FEATURES);
      for (int j = 0; j < Fixtures.WIDTH; j++) {
        thresholds.get(j).addAll(t.get(j));
      }
    }
    for (String name : Fixtures.TRIBUO.keySet()) {
      Oracle.collect(Fixtures.tribuo(name), Fixtures.FEATURES, thresholds);
    }
  }

  @Provide
  Arbitrary<double[]> rows() {
    return Rows.of(thresholds, false);
  }

  @Provide
  Arbitrary<double[]> floatRows() {
    return Rows.of(thresholds, true);
  }

  @Property(tries = 25)
  void everyCompiledModelEqualsItsModel(@ForAll("rows") double[] row) {
    everyModel(row);
  }

  @Property(tries = 2000)
  @AddLifecycleHook(LongOnly.class)
  void everyCompiledModelEqualsItsModelLong(@ForAll("rows") double[] row) {
    everyModel(row);
  }

  private void everyModel(double[] row) {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, TrainedModel> e : MODELS.entrySet()) {
      check(e.getKey(), e.getValue(), COMPILED.get(e.getKey()), row, failures);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Property(tries = 15)
  void xgboostModelsEqualXGBoostOnFloatRows(@ForAll("floatRows") double[] row) {
    xgboostModels(row);
  }

  @Property(tries = 1000)
  @AddLifecycleHook(LongOnly.class)
  void xgboostModelsEqualXGBoostOnFloatRowsLong(@ForAll("floatRows") double[] row) {
    xgboostModels(row);
  }

  private void xgboostModels(double[] row) {
    List<String> failures = new ArrayList<>();
    for (String name : List.of("xgboost", "xgboost3", "xgboostRegression")) {
      check(name, MODELS.get(name), COMPILED.get(name), row, failures);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /**
   * Against Tribuo itself, missing values left out of the example: this is also what makes the
   * zero-substitution reference of {@link Oracle#expected} sound for trees and linear models.
   */
  @Property(tries = 15)
  void tribuoModelsEqualTribuoWithAbsentFeatures(@ForAll("rows") double[] row) {
    tribuoModels(row);
  }

  @Property(tries = 1000)
  @AddLifecycleHook(LongOnly.class)
  void tribuoModelsEqualTribuoWithAbsentFeaturesLong(@ForAll("rows") double[] row) {
    tribuoModels(row);
  }

  private void tribuoModels(double[] row) {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, TrainedModel> e : MODELS.entrySet()) {
      if (e.getValue() instanceof TribuoModel t && !allMissing(row)) {
        double[] want = Oracle.tribuoAbsent(t.tribuoModel(), t.featureNames(), t.classes(), row);
        compare(e.getKey(), want, COMPILED.get(e.getKey()).output(row), tolerance(t), failures);
      }
    }
    for (String name : Fixtures.TRIBUO.keySet()) {
      Model<?> m = Fixtures.tribuo(name);
      CompiledModel c = RAW.computeIfAbsent(name, n -> ModelCompiler.compileTribuo(m,
          Fixtures.FEATURES));
      if (!allMissing(row)) {
        double[] want = Oracle.tribuoAbsent(m, Fixtures.FEATURES, c.classes(), row);
        compare("tribuo:" + name, want, c.output(row), 1e-12, failures);
        String label = tribuoLabel(m, row);
        if (!label.equals(c.predict(row).label())) {
          failures.add("tribuo:" + name + ": label " + c.predict(row).label() + " but Tribuo says " + label);
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Property(tries = 5)
  void batchesEqualSingleRows(@ForAll("rows") double[] a, @ForAll("rows") double[] b, @ForAll("rows") double[] c) {
    double[][] rows = {a, b, c};
    double[][] columns = new double[Fixtures.WIDTH][3];
    double[] flat = new double[3 * Fixtures.WIDTH];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < Fixtures.WIDTH; j++) {
        columns[j][i] = rows[i][j];
        flat[i * Fixtures.WIDTH + j] = rows[i][j];
      }
    }
    for (Map.Entry<String, CompiledModel> e : COMPILED.entrySet()) {
      CompiledModel m = e.getValue();
      int k = m.outputWidth();
      double[] single = new double[3 * k];
      for (int i = 0; i < 3; i++) {
        System.arraycopy(m.output(rows[i]), 0, single, i * k, k);
      }
      double[] byRows = new double[3 * k];
      m.outputRows(rows, byRows);
      double[] byFlat = new double[3 * k];
      m.outputRows(flat, 3, byFlat);
      double[] byColumns = new double[3 * k];
      m.outputColumns(columns, byColumns);
      assertArrayEquals(single, byRows, 0.0, e.getKey() + " rows");
      assertArrayEquals(single, byFlat, 0.0, e.getKey() + " flat rows");
      assertArrayEquals(single, byColumns, 0.0, e.getKey() + " columns");
      List<Prediction> predictions = m.predictRows(rows);
      for (int i = 0; i < 3; i++) {
        assertEquals(m.predict(rows[i]), predictions.get(i), e.getKey());
      }
    }
  }

  private static void check(String name, TrainedModel m, CompiledModel c, double[] row, List<String> failures) {
    double[] want = Oracle.expected(m, row);
    double[] got = c.output(row);
    compare(name, want, got, tolerance(m), failures);
    Prediction p = c.predict(row);
    if (m.task() == Task.REGRESSION) {
      if (Double.compare(p.value(), got[0]) != 0) {
        failures.add(name + ": predicted value " + p.value() + " but output " + got[0]);
      }
      return;
    }
    String expectedLabel = m.classes().get(Finish.argmax(want, 0, want.length));
    // XGBoost: a gap under the tolerance could flip the label only through float rounding.
    if (!Objects.equals(expectedLabel, p.label()) && gap(want) > tolerance(m)) {
      failures.add(name + ": label " + p.label() + " but expected " + expectedLabel + " for " + java.util.Arrays.toString(row));
    }
  }

  private static void compare(String name, double[] want, double[] got, double tol, List<String> failures) {
    for (int k = 0; k < want.length; k++) {
      if (!(Math.abs(want[k] - got[k]) <= tol)) {
        failures.add(name + ": output " + java.util.Arrays.toString(got) + " but expected "
            + java.util.Arrays.toString(want));
        return;
      }
    }
  }

  private static double tolerance(TrainedModel m) {
    return Oracle.hasXGBoost(m) ? 1e-6 : 1e-12;
  }

  private static double gap(double[] p) {
    double[] s = p.clone();
    java.util.Arrays.sort(s);
    return s.length < 2 ? Double.POSITIVE_INFINITY : s[s.length - 1] - s[s.length - 2];
  }

  private static boolean allMissing(double[] row) {
    for (double v : row) {
      if (!Double.isNaN(v)) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static String tribuoLabel(Model<?> m, double[] row) {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int j = 0; j < row.length; j++) {
      if (!Double.isNaN(row[j])) {
        names.add(Fixtures.FEATURES.get(j));
        values.add(row[j]);
      }
    }
    var ex = new org.tribuo.impl.ArrayExample<>(org.tribuo.classification.LabelFactory.UNKNOWN_LABEL,
        names.toArray(new String[0]), values.stream().mapToDouble(Double::doubleValue).toArray());
    return ((Model<org.tribuo.classification.Label>) m).predict(ex).getOutput().getLabel();
  }

  static boolean isXGBoost(TrainedModel m) {
    return m instanceof TribuoModel t && t.tribuoModel() instanceof XGBoostModel;
  }
}
