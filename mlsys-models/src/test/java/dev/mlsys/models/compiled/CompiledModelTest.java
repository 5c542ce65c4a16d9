package dev.mlsys.models.compiled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Prediction;
import dev.mlsys.models.Baselines;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.TribuoModel;
import dev.mlsys.models.tribuo.TribuoData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.protos.core.ModelProto;

class CompiledModelTest {

  @Test
  void everyFixtureEqualsItsModelOnTrainingRows() {
    List<String> failures = new ArrayList<>();
    for (String name : Fixtures.modelNames()) {
      TrainedModel m = Fixtures.model(name);
      CompiledModel c = ModelCompiler.compile(m);
      LabeledData data = m.task() == Task.REGRESSION ? Fixtures.REGRESSION
          : m.classes().size() == 2 ? Fixtures.BINARY : Fixtures.MULTI;
      for (int i = 0; i < 20; i++) {
        double[] x = data.features(i);
        if (!java.util.Arrays.equals(m.output(x), c.output(x))) {
          failures.add(name + " row " + i + ": " + java.util.Arrays.toString(c.output(x)) + " but the model says "
              + java.util.Arrays.toString(m.output(x)));
        }
        if (!m.predict(x).equals(c.predict(x))) {
          failures.add(name + " row " + i + ": " + c.predict(x) + " but the model says " + m.predict(x));
        }
      }
    }
    // Bit for bit, XGBoost included: same operations in the same order, float where XGBoost uses float.
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void inputNamesAreMatchedOnceAtCompileTime() {
    TrainedModel forest = Fixtures.model("forest");
    List<String> inputs = new ArrayList<>(Fixtures.FEATURES);
    inputs.add("unused");
    Collections.reverse(inputs);
    CompiledModel c = ModelCompiler.compile(forest, inputs);
    assertEquals(inputs, c.inputNames());
    for (int i = 0; i < 20; i++) {
      double[] x = Fixtures.BINARY.features(i);
      double[] permuted = new double[inputs.size()];
      for (int j = 0; j < inputs.size(); j++) {
        int k = Fixtures.FEATURES.indexOf(inputs.get(j));
        permuted[j] = k < 0 ? 1e9 : x[k];
      }
      assertArrayEquals(forest.output(x), c.output(permuted), 0.0);
    }
    IncompatibleSchemaException e = assertThrows(IncompatibleSchemaException.class,
        () -> ModelCompiler.compile(forest, List.of("zeta", "alpha", "mid", "beta", "x9")));
    assertTrue(e.getMessage().contains("'x10'"), e.getMessage());
    IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
        () -> ModelCompiler.compile(forest, List.of("zeta", "zeta")));
    assertTrue(dup.getMessage().contains("'zeta' appears twice"), dup.getMessage());
  }

  @Test
  void wrongLengthsAreRejectedWithTheirSizes() {
    CompiledModel c = ModelCompiler.compile(Fixtures.model("logistic"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.predict(new double[5]));
    assertTrue(e.getMessage().contains("reads 6 features but the vector has 5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> c.output(new double[6], new double[1]));
    assertTrue(e.getMessage().contains("out has 1 values but the model writes 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> c.outputColumns(new double[][] {{1, 2}}, new double[4]));
    assertTrue(e.getMessage().contains("reads 6 features but 1 columns"), e.getMessage());
  }

  @Test
  void scoreIsTheValueOrTheSecondClassProbability() {
    CompiledModel binary = ModelCompiler.compile(Fixtures.model("xgboost"));
    CompiledModel regression = ModelCompiler.compile(Fixtures.model("forestRegression"));
    double[] x = Fixtures.BINARY.features(3);
    assertEquals(binary.output(x)[1], binary.score(x), 0.0);
    assertEquals(regression.output(x)[0], regression.score(x), 0.0);
    CompiledModel multi = ModelCompiler.compile(Fixtures.model("cart3"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> multi.score(x));
    assertTrue(e.getMessage().contains("3 classes"), e.getMessage());
  }

  @Test
  void unsupportedModelsNameWhatIsSupported() {
    TrainedModel uniform = Baselines.uniform().fit(Fixtures.BINARY);
    UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> ModelCompiler.compile(uniform));
    assertTrue(e.getMessage().contains("only constant baselines"), e.getMessage());

    Model<Label> dummy = DummyClassifierTrainer.createMostFrequentTrainer().train(TribuoData.classification(Fixtures.BINARY));
    e = assertThrows(UnsupportedModelException.class, () -> ModelCompiler.compileTribuo(dummy, Fixtures.FEATURES));
    assertTrue(e.getMessage().contains("DummyClassifierModel") && e.getMessage().contains("supported Tribuo types are"),
        e.getMessage());
    TrainedModel wrapped = TribuoModel.of(dummy, Fixtures.FEATURES, Fixtures.BINARY.classes(), "dummy");
    e = assertThrows(UnsupportedModelException.class, () -> ModelCompiler.compile(wrapped));
    assertTrue(e.getMessage().contains("LinearSGDModel"), e.getMessage());
  }

  @Test
  void fallbackRunsTheModelsOwnPredictAndSaysSo() {
    TrainedModel prior = Baselines.prior().fit(Fixtures.BINARY);
    assertFalse(ModelCompiler.compileOrFallback(prior, Fixtures.FEATURES).usesFallback());
    Model<Label> dummy = DummyClassifierTrainer.createMostFrequentTrainer().train(TribuoData.classification(Fixtures.BINARY));
    TrainedModel wrapped = TribuoModel.of(dummy, Fixtures.FEATURES, Fixtures.BINARY.classes(), "dummy");
    CompiledModel c = ModelCompiler.compileOrFallback(wrapped, Fixtures.FEATURES);
    assertTrue(c.usesFallback());
    double[] x = Fixtures.BINARY.features(0);
    assertEquals(wrapped.predict(x), c.predict(x));
    double[] missing = x.clone();
    missing[2] = Double.NaN;
    assertThrows(InvalidInputException.class, () -> c.predict(missing));
  }

  @Test
  void tribuoModelsReadBackFromProtobufCompileToTheSameOutputs() {
    // Deserialised leaves keep their class scores in a hash map: the compiled normaliser must
    // follow that map's order to stay bit-exact.
    TribuoModel forest = (TribuoModel) Fixtures.model("forest");
    ModelProto proto = forest.tribuoModel().serialize();
    Model<?> back = Model.deserialize(proto);
    TrainedModel reloaded = TribuoModel.of(back, forest.featureNames(), forest.classes(), "reloaded");
    CompiledModel c = ModelCompiler.compile(reloaded);
    for (int i = 0; i < 50; i++) {
      double[] x = Fixtures.BINARY.features(i);
      assertArrayEquals(reloaded.output(x), c.output(x), 0.0);
    }
  }

  @Test
  void concurrentPredictionsEqualSequentialOnes() throws Exception {
    List<CompiledModel> models = List.of(ModelCompiler.compile(Fixtures.model("votingMixed")),
        ModelCompiler.compile(Fixtures.model("stacking3")), ModelCompiler.compile(Fixtures.model("forest")),
        ModelCompiler.compile(Fixtures.model("adaBoostSgd")));
    int n = 300;
    List<List<Prediction>> expected = new ArrayList<>();
    for (CompiledModel m : models) {
      LabeledData data = m.classes().size() == 2 ? Fixtures.BINARY : Fixtures.MULTI;
      List<Prediction> p = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        p.add(m.predict(data.features(i)));
      }
      expected.add(p);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          int mismatches = 0;
          for (int r = 0; r < 3; r++) {
            for (int i = 0; i < n; i++) {
              int row = (i * 7 + offset * 31) % n;
              for (int k = 0; k < models.size(); k++) {
                CompiledModel m = models.get(k);
                LabeledData data = m.classes().size() == 2 ? Fixtures.BINARY : Fixtures.MULTI;
                if (!expected.get(k).get(row).equals(m.predict(data.features(row)))) {
                  mismatches++;
                }
              }
            }
          }
          return mismatches;
        }));
      }
      for (Future<Integer> f : futures) {
        assertEquals(0, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void outputIntoABufferAllocatesNothing() {
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
        .getThreadMXBean();
    for (String name : List.of("logistic", "sgd3", "cart", "cartDeep", "forest", "forestRegression", "xgboost",
        "xgboost3", "bagging", "adaBoostSammeR", "votingMixed", "stacking3")) {
      CompiledModel c = ModelCompiler.compile(Fixtures.model(name));
      LabeledData data = c.task() == Task.REGRESSION ? Fixtures.REGRESSION
          : c.classes().size() == 2 ? Fixtures.BINARY : Fixtures.MULTI;
      double[][] rows = new double[64][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = data.features(i);
      }
      double[] out = new double[c.outputWidth()];
      double sink = 0;
      for (int i = 0; i < 500; i++) {
        c.output(rows[i & 63], out);
        sink += out[0];
      }
      long id = Thread.currentThread().getId();
      long before = bean.getThreadAllocatedBytes(id);
      for (int i = 0; i < 2000; i++) {
        c.output(rows[i & 63], out);
        sink += out[0];
        if (c.outputWidth() <= 2) {
          sink += c.score(rows[i & 63]);
        }
      }
      long allocated = bean.getThreadAllocatedBytes(id) - before;
      // Up to 4000 calls; an allocation per call would be at least 16 bytes each, 64 KB in all.
      assertTrue(allocated < 4096, name + " allocated " + allocated + " bytes over 2000 calls (sink " + sink + ")");
    }
  }
}
