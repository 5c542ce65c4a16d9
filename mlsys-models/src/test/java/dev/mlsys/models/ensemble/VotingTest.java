package dev.mlsys.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.models.BaselineModel;
import dev.mlsys.models.BaselineStrategy;
import dev.mlsys.models.Combiner;
import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.MemberContribution;
import dev.mlsys.models.TestData;
import dev.mlsys.models.Trainers;
import java.util.List;
import org.junit.jupiter.api.Test;

class VotingTest {
  private static final List<String> F = List.of("x");
  private static final List<String> C = List.of("a", "b");

  private static BaselineModel says(double pB) {
    return BaselineModel.classification(BaselineStrategy.PRIOR, F, C, new double[] {1 - pB, pB}, 0);
  }

  @Test
  void softAndHardVotingDisagreeWhereTheyShould() {
    // two models lean weakly to a, one strongly to b: hard voting says a, soft says b
    List<BaselineModel> models = List.of(says(0.45), says(0.45), says(0.95));
    double[] x = {0};
    EnsembleModel hard = Ensembles.vote(models, null, true);
    EnsembleModel soft = Ensembles.vote(models, null, false);
    assertEquals("a", hard.predict(x).label());
    assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0}, hard.output(x), 1e-12);
    assertEquals("b", soft.predict(x).label());
    assertArrayEquals(new double[] {(0.55 + 0.55 + 0.05) / 3, (0.45 + 0.45 + 0.95) / 3}, soft.output(x), 1e-12);
    // weighting the confident model up flips the hard vote
    EnsembleModel weighted = Ensembles.vote(models, new double[] {1, 1, 3}, true);
    assertEquals("b", weighted.predict(x).label());
    List<MemberContribution> parts = weighted.contributions(x);
    assertEquals(List.of(0.0, 0.6), parts.get(2).contribution());
    assertEquals(3.0, parts.get(2).weight());
  }

  @Test
  void trainedVotingIsAnEnsemble() {
    LabeledData train = TestData.blobs(300, 41);
    EnsembleModel vote = Ensembles.voting(Trainers.logisticRegression(), Trainers.cart().maxDepth(4)).weights(2, 1)
        .fit(train);
    assertEquals(Combiner.SOFT_VOTE, vote.combiner());
    assertArrayEquals(new double[] {2, 1}, vote.weights());
    assertEquals(2, vote.members().size());
  }

  @Test
  void badEnsemblesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Ensembles.vote(List.of(says(0.3)), new double[] {-1}, false));
    assertThrows(IllegalArgumentException.class, () -> Ensembles.vote(List.of(says(0.3), says(0.2)), new double[] {1}, false));
    BaselineModel other = BaselineModel.classification(BaselineStrategy.PRIOR, List.of("y"), C, new double[] {0.5, 0.5}, 0);
    assertThrows(IllegalArgumentException.class, () -> Ensembles.vote(List.of(says(0.3), other), null, false));
  }
}
