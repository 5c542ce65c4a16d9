package dev.mlsys.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BinaryMetricsProperties {

  record Data(double[] scores, int[] labels) {
    boolean bothClasses() {
      int pos = 0;
      for (int y : labels) {
        pos += y;
      }
      return pos > 0 && pos < labels.length;
    }
  }

  @Provide
  Arbitrary<Data> data() {
    return Arbitraries.integers().between(2, 60).flatMap(n -> Combinators.combine(
        // a coarse grid so ties are common
        Arbitraries.integers().between(-5, 5).map(i -> i / 4.0).array(double[].class).ofSize(n),
        Arbitraries.integers().between(0, 1).array(int[].class).ofSize(n)).as(Data::new));
  }

  @Property
  void rocAucEqualsTheBruteForcePairCount(@ForAll("data") Data d) {
    Assume.that(d.bothClasses());
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < d.scores.length; i++) {
      for (int j = 0; j < d.scores.length; j++) {
        if (d.labels[i] == 1 && d.labels[j] == 0) {
          pairs++;
          wins += d.scores[i] > d.scores[j] ? 1 : d.scores[i] == d.scores[j] ? 0.5 : 0;
        }
      }
    }
    assertEquals(wins / pairs, BinaryMetrics.rocAuc(d.scores, d.labels), 1e-15);
  }

  @Property
  void rocAucIsInvariantUnderStrictlyIncreasingMaps(@ForAll("data") Data d) {
    Assume.that(d.bothClasses());
    double[] mapped = new double[d.scores.length];
    for (int i = 0; i < mapped.length; i++) {
      mapped[i] = Math.exp(3 * d.scores[i]) - 7;
    }
    assertEquals(BinaryMetrics.rocAuc(d.scores, d.labels), BinaryMetrics.rocAuc(mapped, d.labels), 1e-15);
    assertEquals(BinaryMetrics.averagePrecision(d.scores, d.labels),
        BinaryMetrics.averagePrecision(mapped, d.labels), 1e-15);
  }

  @Property
  void negatingScoresMirrorsTheAuc(@ForAll("data") Data d) {
    Assume.that(d.bothClasses());
    double[] negated = new double[d.scores.length];
    for (int i = 0; i < negated.length; i++) {
      negated[i] = -d.scores[i];
    }
    assertEquals(1 - BinaryMetrics.rocAuc(d.scores, d.labels), BinaryMetrics.rocAuc(negated, d.labels), 1e-15);
  }

  @Property
  void averagePrecisionIsAtLeastThePositiveRate(@ForAll("data") Data d) {
    Assume.that(d.bothClasses());
    double rate = 0;
    for (int y : d.labels) {
      rate += y;
    }
    rate /= d.labels.length;
    double ap = BinaryMetrics.averagePrecision(d.scores, d.labels);
    // when every score ties AP equals the positive rate; any ranking information can only help on average,
    // but a single adversarial ranking can go below, so check the bounds that always hold
    assertTrue(ap > 0 && ap <= 1, "ap " + ap);
  }

  @Property
  void brierScoreOfHardLabelsIsTheErrorRate(@ForAll("data") Data d) {
    double[] hard = new double[d.labels.length];
    int errors = 0;
    for (int i = 0; i < hard.length; i++) {
      hard[i] = d.scores[i] > 0 ? 1 : 0;
      errors += hard[i] != d.labels[i] ? 1 : 0;
    }
    assertEquals((double) errors / hard.length, BinaryMetrics.brierScore(hard, d.labels), 1e-15);
  }
}
