package dev.mlsys.data.labeling;

import static dev.mlsys.data.labeling.LabelingFunction.ABSTAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Row;
import dev.mlsys.data.split.Part;
import dev.mlsys.data.split.Split;
import dev.mlsys.data.split.Splits;
import dev.mlsys.data.testdata.RealData;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class WeakLabelerTest {
  private static final int NEG = 0;
  private static final int POS = 1;

  /** Clinical rules of thumb for diabetes in the Pima data (0 means "not measured"). */
  static WeakLabeler<Row> pimaLabeler() {
    return WeakLabeler.<Row>builder("neg", "pos")
        .add("glucose_high", r -> r.getDouble("glucose") >= 160 ? POS : ABSTAIN)
        .add("glucose_low", r -> r.getDouble("glucose") > 0 && r.getDouble("glucose") <= 95 ? NEG : ABSTAIN)
        .add("lean", r -> r.getDouble("mass") > 0 && r.getDouble("mass") < 25 ? NEG : ABSTAIN)
        .add("young", r -> r.getDouble("age") < 25 ? NEG : ABSTAIN)
        .add("many_pregnancies", r -> r.getDouble("pregnant") >= 8 ? POS : ABSTAIN)
        .add("obese_older", r -> r.getDouble("mass") >= 35 && r.getDouble("age") >= 40 ? POS : ABSTAIN)
        .build();
  }

  private static int[] gold(List<Row> rows) {
    return rows.stream().mapToInt(r -> r.label().equals("pos") ? POS : NEG).toArray();
  }

  private static double fraction(List<Row> rows, Predicate<Row> p) {
    return rows.stream().filter(p).count() / (double) rows.size();
  }

  @Test
  void analysisOfPimaRulesMatchesADirectCount() {
    List<Row> rows = RealData.pima();
    LabelMatrix m = pimaLabeler().apply(rows);
    List<LabelingFunctionStats> stats = m.analysis(gold(rows));
    LabelingFunctionStats high = stats.get(0);
    assertEquals("glucose_high", high.name());
    assertEquals(List.of(POS), high.polarity());
    assertEquals(fraction(rows, r -> r.getDouble("glucose") >= 160), high.coverage());
    long highAndPos = rows.stream().filter(r -> r.getDouble("glucose") >= 160 && r.label().equals("pos")).count();
    assertEquals(highAndPos, high.correct());
    // a young patient with high glucose: the two rules overlap and conflict there
    assertEquals(fraction(rows, r -> r.getDouble("glucose") >= 160 && (r.getDouble("age") < 25
        || r.getDouble("mass") > 0 && r.getDouble("mass") < 25)), high.conflict());
    for (LabelingFunctionStats s : stats) {
      assertTrue(s.conflict() <= s.overlap() && s.overlap() <= s.coverage(), s.toString());
      // useful: right more often than the base rate of the class it votes for (268 of 768 positive)
      double baseRate = s.polarity().equals(List.of(POS)) ? 268 / 768.0 : 500 / 768.0;
      assertTrue(s.empiricalAccuracy() > baseRate, s + " beats the base rate " + baseRate);
    }
    assertEquals(fraction(rows, r -> r.getDouble("glucose") >= 160 || r.getDouble("glucose") > 0
        && r.getDouble("glucose") <= 95 || r.getDouble("mass") > 0 && r.getDouble("mass") < 25
        || r.getDouble("age") < 25 || r.getDouble("pregnant") >= 8
        || r.getDouble("mass") >= 35 && r.getDouble("age") >= 40), m.coverage());
  }

  @Test
  void majorityAndWeightedVotesLabelPimaBetterThanChance() {
    List<Row> rows = RealData.pima();
    Split split = Splits.stratified(0.3, 0.7).seed(5).split(rows, Row::label);
    List<Row> dev = split.take(Part.TRAIN, rows);
    List<Row> unlabeled = split.take(Part.TEST, rows);
    WeakLabeler<Row> labeler = pimaLabeler();
    double[] weights = labeler.apply(dev).accuracyWeights(gold(dev));
    LabelMatrix m = labeler.apply(unlabeled);
    int[] truth = gold(unlabeled);
    double majority = accuracy(m.majorityVote(), truth);
    double weighted = accuracy(m.weightedVote(clampAtZero(weights)), truth);
    // 35 % of Pima patients are positive: labelling covered items better than the base rate
    assertTrue(majority > 0.7, "majority vote accuracy " + majority);
    assertTrue(weighted > 0.7, "weighted vote accuracy " + weighted);
    double[][] p = m.weightedProbabilities(weights);
    for (double[] row : p) {
      assertEquals(1.0, row[0] + row[1], 1e-12);
    }
  }

  private static double[] clampAtZero(double[] w) {
    double[] out = w.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(0, out[i]);
    }
    return out;
  }

  private static double accuracy(int[] labels, int[] truth) {
    int covered = 0;
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != ABSTAIN) {
        covered++;
        correct += labels[i] == truth[i] ? 1 : 0;
      }
    }
    return (double) correct / covered;
  }

  @Test
  void tiesAbstainUnlessASeedBreaksThem() {
    WeakLabeler<Integer> labeler = WeakLabeler.<Integer>builder("a", "b", "c")
        .add("even", x -> x % 2 == 0 ? 0 : ABSTAIN)
        .add("small", x -> x < 3 ? 1 : ABSTAIN)
        .add("big", x -> x > 100 ? 2 : ABSTAIN)
        .build();
    LabelMatrix m = labeler.apply(List.of(0, 1, 4, 5, 200));
    assertArrayEquals(new int[] {ABSTAIN, 1, 0, ABSTAIN, ABSTAIN}, m.majorityVote());
    int[] broken = m.majorityVote(7);
    assertTrue(broken[0] == 0 || broken[0] == 1);
    assertTrue(broken[4] == 0 || broken[4] == 2);
    assertEquals(ABSTAIN, broken[3]);
    assertArrayEquals(broken, m.majorityVote(7), "seeded");
    assertArrayEquals(new int[] {1, 1, 0, ABSTAIN, 2}, m.weightedVote(new double[] {1, 2, 3}));
    assertEquals(0.8, m.coverage());
    assertEquals(0.4, m.conflict());
  }

  @Test
  void badFunctionsAndArgumentsAreNamed() {
    WeakLabeler<Integer> wrong = WeakLabeler.<Integer>builder("a", "b").add("seven", x -> 7).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wrong.apply(List.of(1)));
    assertTrue(e.getMessage().contains("'seven' voted 7 on item 0"), e.getMessage());
    WeakLabeler<Integer> failing = WeakLabeler.<Integer>builder("a", "b").add("boom", x -> 1 / x).build();
    IllegalStateException f = assertThrows(IllegalStateException.class, () -> failing.apply(List.of(1, 0)));
    assertTrue(f.getMessage().contains("'boom' failed on item 1"), f.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WeakLabeler.builder("only"));
    assertThrows(IllegalArgumentException.class, () -> WeakLabeler.<Integer>builder("a", "b").add("x", x -> 0)
        .add("x", x -> 1));
    assertThrows(IllegalStateException.class, () -> WeakLabeler.<Integer>builder("a", "b").build());
    LabelMatrix m = WeakLabeler.<Integer>builder("a", "b").add("x", x -> 0).build().apply(List.of(1));
    assertThrows(IllegalArgumentException.class, () -> m.weightedVote(new double[] {-1}));
    assertThrows(IllegalArgumentException.class, () -> m.weightedVote(new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> m.analysis(new int[] {5}));
  }
}
