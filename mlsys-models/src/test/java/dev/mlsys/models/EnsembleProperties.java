package dev.mlsys.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.models.ensemble.Ensembles;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of combining members: probabilities stay probabilities, and contributions add up. */
class EnsembleProperties {
  private static final List<String> F = List.of("x");
  private static final List<String> C = List.of("a", "b", "c");

  @Provide
  Arbitrary<double[]> distribution() {
    return Combinators.combine(Arbitraries.doubles().between(0.01, 1), Arbitraries.doubles().between(0.01, 1),
        Arbitraries.doubles().between(0.01, 1)).as((p, q, r) -> new double[] {p / (p + q + r), q / (p + q + r), r / (p + q + r)});
  }

  @Property(tries = 300)
  void combinedOutputsAreDistributionsAndContributionsAddUp(@ForAll("distribution") double[] d1,
      @ForAll("distribution") double[] d2, @ForAll("distribution") double[] d3,
      @ForAll @IntRange(min = 0, max = 3) int combinerIndex) {
    Combiner combiner = List.of(Combiner.SOFT_VOTE, Combiner.HARD_VOTE, Combiner.SAMME, Combiner.SAMME_R).get(combinerIndex);
    List<BaselineModel> members = new ArrayList<>();
    for (double[] d : List.of(d1, d2, d3)) {
      members.add(BaselineModel.classification(BaselineStrategy.PRIOR, F, C, d, 0));
    }
    EnsembleModel e = EnsembleModel.of("test", members, new double[] {1, 2, 0.5}, combiner, null);
    double[] x = {0.0};
    double[] out = e.output(x);
    double sum = 0;
    for (double p : out) {
      assertTrue(p >= 0 && p <= 1);
      sum += p;
    }
    assertEquals(1.0, sum, 1e-12);
    if (combiner == Combiner.SOFT_VOTE || combiner == Combiner.HARD_VOTE) {
      double[] total = new double[3];
      for (MemberContribution c : e.contributions(x)) {
        for (int k = 0; k < 3; k++) {
          total[k] += c.contribution().get(k);
        }
      }
      assertArrayEquals(out, total, 1e-12);
    }
    if (combiner == Combiner.SOFT_VOTE) {
      for (int k = 0; k < 3; k++) {
        double lo = Math.min(d1[k], Math.min(d2[k], d3[k]));
        double hi = Math.max(d1[k], Math.max(d2[k], d3[k]));
        assertTrue(out[k] >= lo - 1e-12 && out[k] <= hi + 1e-12);
      }
    }
    assertArrayEquals(out, e.outputs(new double[][] {x})[0]);
  }

  @Property(tries = 100)
  void votingOrderDoesNotMatter(@ForAll("distribution") double[] d1, @ForAll("distribution") double[] d2) {
    BaselineModel a = BaselineModel.classification(BaselineStrategy.PRIOR, F, C, d1, 0);
    BaselineModel b = BaselineModel.classification(BaselineStrategy.PRIOR, F, C, d2, 0);
    double[] ab = Ensembles.vote(List.of(a, b), new double[] {1, 3}, false).output(new double[] {1});
    double[] ba = Ensembles.vote(List.of(b, a), new double[] {3, 1}, false).output(new double[] {1});
    assertArrayEquals(ab, ba, 1e-15);
  }

  @Property(tries = 100)
  void subsetPicksTheRowsAsked(@ForAll @IntRange(min = 1, max = 40) int n, @ForAll long seed) {
    LabeledData data = TestData.blobs(60, 1);
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = r.nextInt(60);
    }
    LabeledData s = data.subset(idx);
    for (int k = 0; k < n; k++) {
      assertArrayEquals(data.features(idx[k]), s.features(k));
      assertEquals(data.classOf(idx[k]), s.classOf(k));
    }
  }
}
