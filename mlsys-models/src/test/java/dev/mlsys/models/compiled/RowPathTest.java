package dev.mlsys.models.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.RowTransform;
import dev.mlsys.api.Schema;
import dev.mlsys.data.features.Feature;
import dev.mlsys.data.features.FeaturePipeline;
import dev.mlsys.data.features.Imputation;
import dev.mlsys.data.features.Unseen;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.ensemble.Ensembles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Row path: a fitted feature pipeline, then the compiled model. */
class RowPathTest {
  private static final Schema SCHEMA = Schema.builder().numeric("age").numeric("income").nullable("income")
      .categorical("plan", "free", "pro", "team").label("churn", "no", "yes").build();

  private static List<Row> rows(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    String[] plans = {"free", "pro", "team"};
    for (int i = 0; i < n; i++) {
      Map<String, Object> v = new LinkedHashMap<>();
      double age = 18 + r.nextInt(60);
      Double income = r.nextInt(8) == 0 ? null : Math.round(r.nextDouble(10, 200)) * 1.0;
      String plan = plans[r.nextInt(3)];
      double s = 0.05 * (age - 45) - (income == null ? 0 : 0.01 * (income - 100)) + (plan.equals("free") ? 0.8 : 0)
          + r.nextDouble(-1, 1);
      v.put("age", age);
      v.put("income", income);
      v.put("plan", plan);
      v.put("churn", s > 0 ? "yes" : "no");
      rows.add(SCHEMA.row(v));
    }
    return rows;
  }

  @Test
  void compiledRowPredictorEqualsPipelineThenModel() {
    List<Row> train = rows(300, 1);
    FeaturePipeline pipeline = FeaturePipeline.builder().add(Feature.numeric("age"))
        .add(Feature.numeric("income").impute(Imputation.median()))
        .add(Feature.categorical("plan").oneHot(Unseen.IGNORE)).fit(train);
    LabeledData data = LabeledData.fromRows(train, pipeline);
    for (TrainedModel model : List.of(Trainers.randomForest().trees(10).maxDepth(5).threads(1).fit(data),
        Trainers.xgboost().trees(8).maxDepth(3).fit(data), Trainers.logisticRegression().fit(data),
        Ensembles.adaBoost(Trainers.cart().maxDepth(2)).rounds(5).fit(data))) {
      Predictor compiled = ModelCompiler.compile(model, pipeline);
      List<Row> test = rows(100, 2);
      List<Row> unlabeled = new ArrayList<>();
      for (Row row : test) {
        unlabeled.add(row.withoutLabel());
        assertEquals(model.predict(pipeline.transform(row)), compiled.predict(row.withoutLabel()), model.name());
      }
      assertEquals(compiled.predictAll(unlabeled), unlabeled.stream().map(compiled::predict).toList());
    }
  }

  @Test
  void aTransformWritingFeaturesInAnotherOrderIsMatchedByName() {
    List<Row> train = rows(200, 3);
    FeaturePipeline pipeline = FeaturePipeline.builder().add(Feature.numeric("age"))
        .add(Feature.numeric("income").impute(Imputation.mean()))
        .add(Feature.categorical("plan").oneHot(Unseen.IGNORE)).fit(train);
    TrainedModel model = Trainers.cart().maxDepth(4).fit(LabeledData.fromRows(train, pipeline));
    List<String> reversed = new ArrayList<>(pipeline.outputNames());
    java.util.Collections.reverse(reversed);
    RowTransform backwards = new RowTransform() {
      @Override
      public List<String> outputNames() {
        return reversed;
      }

      @Override
      public void transform(Row row, double[] out) {
        double[] x = pipeline.transform(row);
        for (int j = 0; j < x.length; j++) {
          out[x.length - 1 - j] = x[j];
        }
      }
    };
    Predictor compiled = ModelCompiler.compile(model, backwards);
    for (Row row : rows(50, 4)) {
      assertEquals(model.predict(pipeline.transform(row)), compiled.predict(row));
    }
    CompiledModel forward = ModelCompiler.compile(model);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> forward.onRows(backwards));
    assertTrue(e.getMessage().contains("ModelCompiler.compile(model, transform)"), e.getMessage());
  }
}
