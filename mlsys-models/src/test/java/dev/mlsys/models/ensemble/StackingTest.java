package dev.mlsys.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.models.LabeledData;
import dev.mlsys.models.MemberContribution;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.StackingModel;
import dev.mlsys.models.TestData;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StackingTest {

  /** Labels independent of the features: a model can only look good by having seen the row. */
  private static LabeledData noise(int n) {
    SplittableRandom r = new SplittableRandom(8);
    double[][] x = new double[n][3];
    String[] y = new String[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = r.nextDouble();
      }
      y[i] = r.nextBoolean() ? "a" : "b";
    }
    return LabeledData.classification(List.of("u", "v", "w"), x, y);
  }

  @Test
  void metaFeaturesComeOnlyFromModelsThatNeverSawTheRow() {
    LabeledData data = noise(600);
    ModelTrainer memorizer = Trainers.cart().minChildWeight(0.5);   // grows until every leaf is pure
    Stacking stacking = Ensembles.stacking(memorizer, Trainers.logisticRegression()).folds(5).seed(4).threads(2);
    OutOfFold oof = stacking.outOfFold(data);
    // In-sample the memorising tree is right on ~100% of rows; out of fold on random labels it
    // is right on 50% (sd sqrt(.25/600) ~ 0.02). Anything above 0.6 means leakage.
    int agree = 0;
    for (int i = 0; i < data.size(); i++) {
      boolean saysB = oof.data().value(i, 0) > 0.5;
      agree += saysB == (data.classOf(i) == 1) ? 1 : 0;
    }
    double rate = agree / (double) data.size();
    assertTrue(rate < 0.6, "out-of-fold agreement " + rate);
    assertTrue(TestData.accuracy(memorizer.fit(data), data) > 0.99);
    // Each row's stacked value is exactly what the model trained without its fold says.
    for (int fold = 0; fold < 5; fold++) {
      TrainedModel m = memorizer.fit(data.subset(oof.folds().train(fold)));
      for (int i : oof.folds().test(fold)) {
        assertEquals(m.output(data.features(i))[1], oof.data().value(i, 0));
      }
    }
  }

  @Test
  void basesAreRefitOnAllDataAndContributionsAreReported() {
    LabeledData train = TestData.blobs(300, 31);
    LabeledData test = TestData.blobs(150, 32);
    ModelTrainer tree = Trainers.cart().maxDepth(4);
    ModelTrainer lr = Trainers.logisticRegression();
    StackingModel stack = Ensembles.stacking(tree, lr).folds(4).seed(2).fit(train);
    TrainedModel refit = tree.fit(train);
    for (int i = 0; i < test.size(); i++) {
      assertArrayEquals(refit.output(test.features(i)), stack.bases().get(0).output(test.features(i)));
    }
    assertEquals(List.of("m0:c0", "m0:c1", "m0:c2", "m1:c0", "m1:c1", "m1:c2"), stack.meta().featureNames());
    assertTrue(TestData.accuracy(stack, test) > 0.85);
    List<MemberContribution> parts = stack.contributions(test.features(0));
    assertEquals(2, parts.size());
    assertEquals(3, parts.get(0).contribution().size());
  }

  @Test
  void regressionStackingUsesValues() {
    LabeledData train = TestData.linear(300, 7);
    StackingModel stack = Ensembles.stacking(Trainers.cart().maxDepth(5), Trainers.linearSgd().epochs(20))
        .folds(3).fit(train);
    assertEquals(List.of("m0:value", "m1:value"), stack.meta().featureNames());
    assertTrue(TestData.rmse(stack, TestData.linear(200, 8)) < 0.5);
  }
}
