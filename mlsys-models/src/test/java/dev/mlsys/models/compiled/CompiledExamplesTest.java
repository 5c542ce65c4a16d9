package dev.mlsys.models.compiled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Prediction;
import dev.mlsys.models.TrainedModel;
import org.junit.jupiter.api.Test;

/** The examples in the Javadoc of {@link ModelCompiler} and {@link CompiledModel}, run. */
class CompiledExamplesTest {

  @Test
  void compiledModelJavadoc() {
    TrainedModel model = Fixtures.model("forest");
    double[] x = Fixtures.BINARY.features(0);

    CompiledModel fast = ModelCompiler.compile(model);          // model.featureNames() order
    Prediction p = fast.predict(x);                              // as model.predict(x)
    double[] probs = new double[fast.outputWidth()];
    fast.output(x, probs);                                       // no allocation at all

    assertEquals(model.predict(x), p);
    assertArrayEquals(model.output(x), probs, 0.0);
  }

  @Test
  void modelCompilerJavadoc() {
    var booster = Boosters.all().get("binary:logistic");
    var names = Boosters.FEATURES;

    CompiledModel gbm = ModelCompiler.compileXGBoost(booster, names);    // a raw xgboost4j booster

    float[] row = {0.5f, -1f, Float.NaN, 2f, 0f};
    double[] x = {0.5, -1, Double.NaN, 2, 0};
    assertEquals(Oracle.predict(booster, row)[0], gbm.score(x), 1e-6);
  }
}
