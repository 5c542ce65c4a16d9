package dev.mlsys.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Predictor;
import dev.mlsys.models.artifact.Artifacts;
import dev.mlsys.models.artifact.ModelArtifact;
import dev.mlsys.models.artifact.ModelRegistry;
import dev.mlsys.models.artifact.Provenance;
import dev.mlsys.models.artifact.RegisteredModel;
import dev.mlsys.models.artifact.Stage;
import dev.mlsys.models.ensemble.AdaBoost;
import dev.mlsys.models.ensemble.Ensembles;
import dev.mlsys.models.selection.Comparison;
import dev.mlsys.models.selection.CrossValidation;
import dev.mlsys.models.selection.CvResult;
import dev.mlsys.models.selection.Evaluation;
import dev.mlsys.models.selection.Metric;
import dev.mlsys.models.selection.ModelEvaluation;
import dev.mlsys.models.selection.PairedTest;
import dev.mlsys.models.selection.Search;
import dev.mlsys.models.selection.SearchResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of the package and class documentation, run as written (on small data). */
class ExamplesTest {
  private static final LabeledData TRAIN = TestData.blobs(150, 81);
  private static final LabeledData TEST = TestData.blobs(90, 82);

  @TempDir
  Path tmp;

  @Test
  void trainEvaluateAgainstABaseline() {
    TrainedModel gbm = Trainers.xgboost().trees(20).learningRate(0.1).maxDepth(4).seed(7).fit(TRAIN);
    ModelEvaluation e = Evaluation.of(gbm, TEST).against(Baselines.prior().fit(TRAIN));
    double gain = e.gain().get(Metric.ACCURACY);
    assertTrue(gain > 0.4, "gain " + gain);
  }

  @Test
  void ensembles() {
    EnsembleModel forest = Ensembles.bagging(Trainers.cart()).members(10).threads(2).seed(1).fit(TRAIN);
    EnsembleModel boosted = Ensembles.adaBoost(Trainers.cart().maxDepth(1)).algorithm(AdaBoost.Algorithm.SAMME)
        .rounds(20).fit(TRAIN);
    StackingModel stacked = Ensembles.stacking(Trainers.randomForest().trees(10), Trainers.xgboost().trees(10))
        .fit(TRAIN);
    EnsembleModel vote = Ensembles.voting(Trainers.logisticRegression(), Trainers.xgboost().trees(10)).soft().fit(TRAIN);
    for (TrainedModel m : new TrainedModel[] {forest, boosted, stacked, vote}) {
      assertTrue(TestData.accuracy(m, TEST) > 0.85, m.name());
    }
    assertEquals(10, forest.contributions(TEST.features(0)).size());
  }

  @Test
  void searchAndCompare() {
    SearchResult r = Search.grid(Trainers.xgboost().trees(10))
        .param("maxDepth", 2, 4).param("learningRate", 0.1, 0.3)
        .cv(CrossValidation.stratified(3).seed(1)).threads(2).run(TRAIN);
    assertEquals(5, r.table().split("\n").length);
    TrainedModel best = r.best().fit(TRAIN);
    assertTrue(TestData.accuracy(best, TEST) > 0.85);

    CrossValidation cv = CrossValidation.stratified(5).seed(3);
    CvResult a = cv.run(Trainers.logisticRegression(), TRAIN);
    CvResult b = cv.run(Baselines.prior(), TRAIN);
    PairedTest t = Comparison.mcnemar(a, b);
    assertTrue(t.significant(0.05) && t.difference() > 0);
  }

  @Test
  void artifactsAndRegistry() {
    var trainer = Trainers.cart().maxDepth(4);
    TrainedModel model = trainer.fit(TRAIN);
    ModelArtifact artifact = ModelArtifact.builder(model)
        .metrics(Evaluation.of(model, TEST).against(Baselines.prior().fit(TRAIN)).toMap())
        .provenance(Provenance.of(trainer, TRAIN)).build();
    Artifacts.save(artifact, tmp.resolve("churn-v3"));
    assertEquals(model.name(), Artifacts.load(tmp.resolve("churn-v3")).model().name());

    ModelRegistry registry = ModelRegistry.open(tmp.resolve("registry"));
    RegisteredModel v = registry.register("churn", artifact, Map.of("owner", "growth"));
    registry.promote("churn", v.version(), Stage.PRODUCTION);
    TrainedModel live = registry.load("churn", registry.production("churn").orElseThrow().version()).model();
    assertEquals(model.predict(TEST.features(0)), live.predict(TEST.features(0)));
    Predictor noSchema = row -> live.predict(new double[] {row.getDouble("x0"), row.getDouble("x1")});
    assertTrue(noSchema != null);
  }
}
