package dev.mlsys.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.models.Combiner;
import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.MemberContribution;
import dev.mlsys.models.OutOfBagEstimate;
import dev.mlsys.models.TestData;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.TribuoModel;
import dev.mlsys.models.tribuo.TribuoBagging;
import dev.mlsys.models.tribuo.TribuoData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.ensemble.WeightedEnsembleModel;

class BaggingTest {
  private static final LabeledData TRAIN = TestData.blobs(240, 21);
  private static final LabeledData TEST = TestData.blobs(300, 22);

  @Test
  void sameModelForAnyThreadCount() {
    Bagging bagging = Ensembles.bagging(Trainers.cart().maxDepth(6)).members(12).seed(5);
    EnsembleModel one = bagging.threads(1).fit(TRAIN);
    EnsembleModel two = bagging.threads(2).fit(TRAIN);
    EnsembleModel four = bagging.threads(4).fit(TRAIN);
    for (int i = 0; i < TEST.size(); i++) {
      double[] x = TEST.features(i);
      assertArrayEquals(one.output(x), two.output(x));
      assertArrayEquals(one.output(x), four.output(x));
    }
    assertEquals(one.outOfBag(), two.outOfBag());
    // another seed gives other bootstrap samples, so some member differs somewhere
    EnsembleModel other = bagging.seed(6).fit(TRAIN);
    boolean differs = false;
    for (int i = 0; i < TEST.size() && !differs; i++) {
      differs = !java.util.Arrays.equals(one.output(TEST.features(i)), other.output(TEST.features(i)));
    }
    assertTrue(differs);
  }

  @Test
  void outOfBagEstimateTracksHeldOutAccuracy() {
    EnsembleModel model = Ensembles.bagging(Trainers.cart().maxDepth(4)).members(25).seed(3).fit(TRAIN);
    OutOfBagEstimate oob = model.outOfBag().orElseThrow();
    // each example is out of a given bag with probability (1 - 1/n)^n ~ 0.37: with 25 bags
    // every example is out of at least one with probability 1 - 0.63^25 > 0.9999
    assertEquals(TRAIN.size(), oob.covered());
    double test = TestData.accuracy(model, TEST);
    // both estimate the same accuracy (~0.92): binomial sd sqrt(.92*.08/240) ~ 0.018 for the OOB
    // estimate and ~0.016 for the test set, so 0.08 is about 3 sd of the difference
    assertEquals(test, oob.score(), 0.08);
  }

  @Test
  void contributionsAddUpToTheOutput() {
    EnsembleModel model = Ensembles.bagging(Trainers.cart().maxDepth(3)).members(7).seed(2).fit(TRAIN);
    assertEquals(Combiner.SOFT_VOTE, model.combiner());
    double[] x = TEST.features(3);
    List<MemberContribution> parts = model.contributions(x);
    assertEquals(7, parts.size());
    double[] sum = new double[3];
    for (MemberContribution c : parts) {
      for (int k = 0; k < 3; k++) {
        sum[k] += c.contribution().get(k);
      }
    }
    assertArrayEquals(model.output(x), sum, 1e-12);
  }

  @Test
  void regressionBaggingAveragesValues() {
    LabeledData train = TestData.linear(300, 4);
    EnsembleModel model = Ensembles.bagging(Trainers.cart().maxDepth(6)).members(10).seed(1).fit(train);
    assertEquals(Combiner.MEAN, model.combiner());
    double[] x = train.features(0);
    double mean = 0;
    for (var m : model.members()) {
      mean += m.output(x)[0] / 10;
    }
    assertEquals(mean, model.output(x)[0], 1e-12);
    assertTrue(model.outOfBag().orElseThrow().score() < 1.0, "oob rmse " + model.outOfBag());
  }

  @Test
  void parallelTribuoBaggingEqualsTribuosSequentialTrainer() {
    MutableDataset<Label> ds = TribuoData.classification(TRAIN);
    CARTClassificationTrainer tree = new CARTClassificationTrainer(5, 0.5f, 17L);
    RandomForestTrainer<Label> tribuo = new RandomForestTrainer<>(tree, new VotingCombiner(), 9, 33L);
    Model<Label> sequential = tribuo.train(ds);
    CARTClassificationTrainer tree2 = new CARTClassificationTrainer(5, 0.5f, 17L);
    WeightedEnsembleModel<Label> parallel = TribuoBagging.train(
        new RandomForestTrainer<>(tree2, new VotingCombiner(), 9, 33L), tree2, new VotingCombiner(), 9, 33L, ds, 3, "rf");
    TribuoModel a = TribuoModel.of(sequential, TRAIN.featureNames(), TRAIN.classes(), "a");
    TribuoModel b = TribuoModel.of(parallel, TRAIN.featureNames(), TRAIN.classes(), "b");
    for (int i = 0; i < TEST.size(); i++) {
      assertArrayEquals(a.output(TEST.features(i)), b.output(TEST.features(i)));
    }
  }
}
