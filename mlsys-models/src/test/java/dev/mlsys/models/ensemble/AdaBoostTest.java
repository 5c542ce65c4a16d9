package dev.mlsys.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.models.Combiner;
import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.TestData;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AdaBoostTest {
  private static final LabeledData SPAM = TestData.spam();
  private static final int[][] SPLIT = TestData.split(SPAM.size(), 0.3, 17);
  private static final LabeledData TRAIN = SPAM.subset(Arrays.copyOf(SPLIT[0], 700));
  private static final LabeledData TEST = SPAM.subset(SPLIT[1]);

  @Test
  void sammeBoostsStumpsFarAboveOneStump() {
    double stump = TestData.accuracy(Trainers.cart().maxDepth(1).fit(TRAIN), TEST);
    EnsembleModel boosted = Ensembles.adaBoost(Trainers.cart().maxDepth(1)).algorithm(AdaBoost.Algorithm.SAMME)
        .rounds(20).fit(TRAIN);
    double acc = TestData.accuracy(boosted, TEST);
    // One stump on spam is ~0.78; 20 boosted stumps reach ~0.90 (scikit-learn gets the same).
    // With 1380 test rows the binomial sd is ~0.011, so a 0.08 margin cannot be noise.
    assertTrue(acc > stump + 0.08, "stump " + stump + " boosted " + acc);
    assertEquals(Combiner.SAMME, boosted.combiner());
    assertTrue(boosted.members().size() == 20, "rounds kept: " + boosted.members().size());
    double[] w = boosted.weights();
    assertTrue(Arrays.stream(w).distinct().count() > 10, "alphas should differ per round");
  }

  @Test
  void sammeRealBoostsDepthTwoTrees() {
    double tree = TestData.accuracy(Trainers.cart().maxDepth(2).fit(TRAIN), TEST);
    EnsembleModel boosted = Ensembles.adaBoost(Trainers.cart().maxDepth(2)).rounds(10).fit(TRAIN);
    double acc = TestData.accuracy(boosted, TEST);
    assertTrue(acc > tree + 0.05, "tree " + tree + " boosted " + acc);
    assertEquals(Combiner.SAMME_R, boosted.combiner());
  }

  @Test
  void normalisedWeightsStillGrowTrees() {
    // Weights summing to 1 are far below Tribuo's minChildWeight; the bridge rescales them so
    // the tree is the same as with unit weights, not a single leaf.
    double[] w = new double[TRAIN.size()];
    Arrays.fill(w, 1.0 / w.length);
    TrainedModel weighted = Trainers.cart().maxDepth(3).minChildWeight(5).fit(TRAIN.withWeights(w));
    TrainedModel plain = Trainers.cart().maxDepth(3).minChildWeight(5).fit(TRAIN);
    for (int i = 0; i < 200; i++) {
      assertEquals(plain.output(TEST.features(i))[1], weighted.output(TEST.features(i))[1], 1e-6);
    }
    assertTrue(TestData.accuracy(weighted, TEST) > 0.8);
  }

  @Test
  void weightsChangeTheWeakLearner() {
    // Up-weighting the spam class moves the stump's decisions towards spam.
    double[] w = new double[TRAIN.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = TRAIN.classOf(i) == 1 ? 5.0 : 1.0;
    }
    TrainedModel plain = Trainers.cart().maxDepth(2).fit(TRAIN);
    TrainedModel weighted = Trainers.cart().maxDepth(2).fit(TRAIN.withWeights(w));
    int plainSpam = 0;
    int weightedSpam = 0;
    for (int i = 0; i < TEST.size(); i++) {
      plainSpam += plain.predict(TEST.features(i)).label().equals("spam") ? 1 : 0;
      weightedSpam += weighted.predict(TEST.features(i)).label().equals("spam") ? 1 : 0;
    }
    assertTrue(weightedSpam > plainSpam + 50, plainSpam + " vs " + weightedSpam);
  }

  @Test
  void learnerWorseThanChanceIsRefused() {
    LabeledData blobs = TestData.blobs(90, 3);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Ensembles.adaBoost(
        dev.mlsys.models.Baselines.uniform()).algorithm(AdaBoost.Algorithm.SAMME).fit(blobs));
    assertTrue(e.getMessage().contains("no better than chance"), e.getMessage());
  }
}
