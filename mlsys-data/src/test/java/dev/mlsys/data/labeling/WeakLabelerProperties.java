package dev.mlsys.data.labeling;

import static dev.mlsys.data.labeling.LabelingFunction.ABSTAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of the label matrix over generated votes (items are row indices into a vote table). */
class WeakLabelerProperties {

  @Provide
  Arbitrary<int[][]> votes() {
    return Arbitraries.integers().between(1, 5).flatMap(m -> Arbitraries.integers().between(-1, 2)
        .array(int[].class).ofSize(m).array(int[][].class).ofMinSize(1).ofMaxSize(60));
  }

  private static LabelMatrix matrix(int[][] votes) {
    WeakLabeler.Builder<Integer> b = WeakLabeler.builder("a", "b", "c");
    for (int j = 0; j < votes[0].length; j++) {
      int col = j;
      b.add("lf" + j, i -> votes[i][col]);
    }
    Integer[] items = new Integer[votes.length];
    Arrays.setAll(items, i -> i);
    return b.build().apply(List.of(items));
  }

  @Property
  void statisticsAreOrderedFractions(@ForAll("votes") int[][] votes) {
    LabelMatrix m = matrix(votes);
    for (LabelingFunctionStats s : m.analysis()) {
      assertTrue(0 <= s.conflict() && s.conflict() <= s.overlap() && s.overlap() <= s.coverage()
          && s.coverage() <= 1);
    }
    assertTrue(m.conflict() <= m.coverage());
  }

  @Property
  void equalWeightsVoteLikeTheMajority(@ForAll("votes") int[][] votes, @ForAll @IntRange(min = 1, max = 9) int w) {
    LabelMatrix m = matrix(votes);
    double[] weights = new double[votes[0].length];
    Arrays.fill(weights, w);
    assertArrayEquals(m.majorityVote(), m.weightedVote(weights));
  }

  @Property
  void aDecidedVoteIsTheMostFrequentAndAgreesWithTheProbabilities(@ForAll("votes") int[][] votes) {
    LabelMatrix m = matrix(votes);
    int[] majority = m.majorityVote();
    double[] ones = new double[votes[0].length];
    Arrays.fill(ones, 1);
    double[][] p = m.weightedProbabilities(ones);
    for (int i = 0; i < votes.length; i++) {
      int[] count = new int[3];
      for (int v : votes[i]) {
        if (v != ABSTAIN) {
          count[v]++;
        }
      }
      assertEquals(1.0, p[i][0] + p[i][1] + p[i][2], 1e-12);
      if (majority[i] != ABSTAIN) {
        for (int c = 0; c < 3; c++) {
          assertTrue(c == majority[i] ? count[c] > 0 : count[c] < count[majority[i]]);
          assertTrue(c == majority[i] || p[i][c] < p[i][majority[i]]);
        }
      }
    }
  }

  @Property
  void reorderingFunctionsChangesNoVote(@ForAll("votes") int[][] votes) {
    int[][] reversed = new int[votes.length][];
    for (int i = 0; i < votes.length; i++) {
      reversed[i] = new int[votes[i].length];
      for (int j = 0; j < votes[i].length; j++) {
        reversed[i][j] = votes[i][votes[i].length - 1 - j];
      }
    }
    assertArrayEquals(matrix(votes).majorityVote(), matrix(reversed).majorityVote());
    assertEquals(matrix(votes).coverage(), matrix(reversed).coverage());
  }
}
