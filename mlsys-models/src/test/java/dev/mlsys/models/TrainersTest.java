package dev.mlsys.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.InvalidInputException;
import dev.mlsys.models.tribuo.TribuoTrainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainersTest {
  private static final LabeledData BLOBS = TestData.blobs(300, 11);
  private static final LabeledData BLOBS_TEST = TestData.blobs(300, 12);

  static List<TribuoTrainer> all() {
    return List.of(Trainers.logisticRegression(), Trainers.linearSgd(), Trainers.cart().maxDepth(4),
        Trainers.randomForest().trees(20), Trainers.extraTrees().trees(20), Trainers.xgboost().trees(20));
  }

  @Test
  void everyLearnerSeparatesThreeBlobs() {
    // Bayes accuracy of these blobs is about 0.93; a learner that works gets well above 0.8.
    for (TribuoTrainer t : all()) {
      TrainedModel m = t.seed(3).fit(BLOBS);
      double acc = TestData.accuracy(m, BLOBS_TEST);
      assertTrue(acc > 0.85, t + " accuracy " + acc);
      double[] p = m.output(BLOBS_TEST.features(0));
      assertEquals(3, p.length);
      assertEquals(1.0, p[0] + p[1] + p[2], 1e-9, t.toString());
    }
  }

  @Test
  void binaryOnBreastCancer() {
    LabeledData data = TestData.breastCancer();
    int[][] split = TestData.split(data.size(), 0.3, 5);
    for (TribuoTrainer t : List.of(Trainers.logisticRegression(), Trainers.cart().maxDepth(4),
        Trainers.randomForest().trees(30), Trainers.xgboost().trees(30))) {
      TrainedModel m = t.fit(data.subset(split[0]));
      double acc = TestData.accuracy(m, data.subset(split[1]));
      assertTrue(acc > 0.9, t + " accuracy " + acc);
    }
  }

  @Test
  void regressionLearnersFitALine() {
    LabeledData train = TestData.linear(400, 1);
    LabeledData test = TestData.linear(200, 2);
    // The target's spread is about 4.2; a constant predictor has RMSE near that.
    assertTrue(TestData.rmse(Trainers.linearSgd().epochs(20).fit(train), test) < 0.3);
    assertTrue(TestData.rmse(Trainers.cart().maxDepth(8).fit(train), test) < 1.0);
    assertTrue(TestData.rmse(Trainers.randomForest().trees(20).fit(train), test) < 1.0);
    assertTrue(TestData.rmse(Trainers.xgboost().trees(50).fit(train), test) < 1.0);
    assertThrows(IllegalArgumentException.class, () -> Trainers.logisticRegression().fit(train));
  }

  @Test
  void sameSeedSameModelAndThreadsDoNotMatter() {
    TrainedModel a = Trainers.randomForest().trees(15).threads(1).seed(9).fit(BLOBS);
    TrainedModel b = Trainers.randomForest().trees(15).threads(2).seed(9).fit(BLOBS);
    for (int i = 0; i < BLOBS_TEST.size(); i++) {
      assertArrayEquals(a.output(BLOBS_TEST.features(i)), b.output(BLOBS_TEST.features(i)));
    }
  }

  @Test
  void parametersAreCheckedAndNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainers.logisticRegression().maxDepth(3));
    assertTrue(e.getMessage().contains("logistic-regression has no parameter 'maxDepth'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Trainers.cart().maxDepth(0));
    assertEquals("maxDepth must be >= 1 but was: 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Trainers.byName("svm"));
    assertTrue(e.getMessage().contains("known models are"), e.getMessage());
    assertEquals(7, Trainers.cart().with("maxDepth", 7.0).params().get("maxDepth"));
    assertEquals(Trainers.cart().maxDepth(3), Trainers.cart().maxDepth(3));
  }

  @Test
  void trainsOnTheTrainingSideOfADataModuleSplit() {
    int[] y = BLOBS.classIndices();
    var fold = dev.mlsys.data.split.Splits.stratifiedKFold(5).seed(3).folds(y).get(0);
    LabeledData train = LabeledData.classification(BLOBS.featureNames(), fold.training(BLOBS.rows(), y), BLOBS.classes());
    assertEquals(fold.train().length, train.size());
    assertTrue(TestData.accuracy(Trainers.cart().maxDepth(4).fit(train), BLOBS_TEST) > 0.85);
  }

  @Test
  void nanNeverReachesTribuo() {
    TrainedModel m = Trainers.cart().maxDepth(3).fit(BLOBS);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> m.output(new double[] {Double.NaN, 1}));
    assertEquals("x0", e.violations().get(0).field());
    assertThrows(IllegalArgumentException.class, () -> m.output(new double[] {1}));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> LabeledData.classification(List.of("a"), new double[][] {{Double.NaN}}, new String[] {"x"}));
    assertTrue(bad.getMessage().contains("row 0, feature 'a'"), bad.getMessage());
  }
}
