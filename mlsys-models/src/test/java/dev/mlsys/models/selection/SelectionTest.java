package dev.mlsys.models.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.models.Baselines;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.TestData;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {
  private static final LabeledData BLOBS = TestData.blobs(300, 51);

  @Test
  void stratifiedFoldsKeepClassShares() {
    Folds f = Folds.stratified(BLOBS.classIndices(), 5, 9);
    for (int fold = 0; fold < 5; fold++) {
      int[] counts = new int[3];
      for (int i : f.test(fold)) {
        counts[BLOBS.classOf(i)]++;
      }
      for (int c : counts) {
        assertTrue(c == 20, Arrays.toString(counts));
      }
      assertEquals(300, f.test(fold).length + f.train(fold).length);
    }
    assertEquals(f, Folds.stratified(BLOBS.classIndices(), 5, 9));
    assertNotEquals(f, Folds.stratified(BLOBS.classIndices(), 5, 10));
    assertThrows(IllegalArgumentException.class, () -> Folds.kFold(3, 5, 1));
  }

  @Test
  void crossValidationReportsEveryFoldAndOutOfFoldPredictions() {
    List<Integer> progress = new ArrayList<>();
    CvResult r = CrossValidation.stratified(5).seed(3).threads(2).listener((s, d, t) -> progress.add(d))
        .run(Trainers.cart().maxDepth(3), BLOBS);
    assertEquals(5, r.perFold().size());
    assertEquals(List.of(1, 2, 3, 4, 5), progress);
    double right = 0;
    for (int i = 0; i < BLOBS.size(); i++) {
      right += r.outOfFoldClass()[i] == r.truth()[i] ? 1 : 0;
    }
    // equal folds: the mean of fold accuracies is the pooled out-of-fold accuracy
    assertEquals(right / BLOBS.size(), r.mean(Metric.ACCURACY), 1e-12);
    assertTrue(r.mean(Metric.ACCURACY) > 0.85);
  }

  @Test
  void gridSearchRanksAndTabulates() {
    List<Integer> progress = new ArrayList<>();
    SearchResult r = Search.grid(Trainers.cart()).param("maxDepth", 1, 3).param("minChildWeight", 1.0, 10.0)
        .cv(CrossValidation.stratified(3)).threads(2).listener((s, d, t) -> {
          assertEquals(12, t);
          progress.add(d);
        }).run(BLOBS);
    assertEquals(4, r.trials().size());
    assertEquals(12, progress.size());
    assertEquals(3, r.best().params().get("maxDepth"));   // a stump cannot separate three classes
    assertTrue(r.bestTrial().cv().mean(Metric.ACCURACY) >= r.trials().get(3).cv().mean(Metric.ACCURACY));
    String table = r.table();
    assertTrue(table.startsWith("rank  maxDepth  minChildWeight  accuracy mean"), table);
    assertEquals(5, table.split("\n").length);
    assertThrows(IllegalArgumentException.class, () -> Search.grid(Trainers.cart()).param("trees", 5));
  }

  @Test
  void randomSearchIsSeeded() {
    Search s = Search.random(Trainers.xgboost().trees(5), 4).param("learningRate", Distribution.logUniform(0.01, 1))
        .param("maxDepth", Distribution.intRange(1, 6)).seed(7);
    List<Map<String, Object>> a = s.candidates();
    assertEquals(a, s.candidates());
    assertNotEquals(a, s.seed(8).candidates());
    SearchResult r = s.cv(CrossValidation.stratified(3)).threads(2).run(BLOBS);
    assertEquals(4, r.trials().size());
    assertEquals(1, r.bestTrial().rank());
  }

  @Test
  void evaluationReportsGainOverBaseline() {
    LabeledData test = TestData.blobs(150, 52);
    TrainedModel model = Trainers.logisticRegression().fit(BLOBS);
    ModelEvaluation e = Evaluation.of(model, test).against(Baselines.prior().fit(BLOBS));
    double acc = e.metrics().get(Metric.ACCURACY);
    // the prior baseline always says the first of three equally frequent classes
    assertEquals(1 / 3.0, e.baselineMetrics().get(Metric.ACCURACY), 1e-12);
    assertEquals(acc - 1 / 3.0, e.gain().get(Metric.ACCURACY), 1e-12);
    assertEquals(Math.log(3) - e.metrics().get(Metric.LOG_LOSS), e.gain().get(Metric.LOG_LOSS), 1e-9);
    assertTrue(e.toMap().containsKey("baselineGain"));
    assertEquals("macroF1", Metric.MACRO_F1.key());
    assertEquals("rocAUC", Metric.ROC_AUC.key());
  }

  @Test
  void pairedComparisonSeparatesAForestFromAStump() {
    LabeledData spam = TestData.spam().subset(TestData.split(4601, 0.8, 3)[0]);  // ~920 rows
    CrossValidation cv = CrossValidation.stratified(5).seed(2).threads(2);
    CvResult forest = cv.run(Trainers.xgboost().trees(30).maxDepth(3), spam);
    CvResult stump = cv.run(Trainers.cart().maxDepth(1), spam);
    PairedTest m = Comparison.mcnemar(forest, stump);
    assertTrue(m.difference() > 0.05 && m.significant(0.001), m.toString());
    PairedTest t = Comparison.correctedT(forest, stump, Metric.ACCURACY);
    assertTrue(t.statistic() > 0 && t.significant(0.05), t.toString());
    PairedTest self = Comparison.mcnemar(stump, stump);
    assertEquals(1.0, self.pValue());
    CvResult otherFolds = CrossValidation.stratified(5).seed(3).run(Trainers.cart().maxDepth(1), spam);
    assertThrows(IllegalArgumentException.class, () -> Comparison.mcnemar(forest, otherFolds));
  }
}
