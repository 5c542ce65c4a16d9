package dev.mlsys.data.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class ImportanceSamplerTest {
  /** A skewed population: 1000 amounts, 3% of them rare and large. */
  private static final double[] AMOUNTS = population();
  private static final double TRUE_MEAN = java.util.Arrays.stream(AMOUNTS).average().orElseThrow();

  private static double[] population() {
    SplittableRandom g = new SplittableRandom(99);
    double[] a = new double[1000];
    for (int i = 0; i < a.length; i++) {
      a[i] = i % 33 == 0 ? 500 + 200 * g.nextDouble() : 10 * g.nextDouble();
    }
    return a;
  }

  private static ImportanceSample<Double> draw(int draws, long seed, int partitions) {
    ImportanceSampler<Double> merged = null;
    for (int p = 0; p < partitions; p++) {
      // proposal: the rare large amounts 20 times as likely as the others
      ImportanceSampler<Double> s = Samplers.<Double>importance(draws, x -> x >= 500 ? 20.0 : 1.0)
          .seed(seed).partition(p).build();
      for (int i = p; i < AMOUNTS.length; i += partitions) {
        s.add(AMOUNTS[i]);
      }
      merged = merged == null ? s : merged.merge(s);
    }
    return merged.sample();
  }

  /**
   * Over R = 1000 seeded repetitions, the 95% normal interval mean +- 1.96 SE must cover the
   * population mean a number of times inside the central 1 - 1e-3 range of Binomial(R, 0.95);
   * and the average estimate must lie within z(1 - 1e-3 / 2) standard errors of the truth
   * (unbiasedness). Checked for one sampler and for three merged partitions.
   */
  @Test
  void weightedMeanIsUnbiasedAndItsIntervalCoversAtTheStatedRate() {
    int reps = 1000;
    BinomialDistribution coverage = BinomialDistribution.of(reps, 0.95);
    int lo = coverage.inverseCumulativeProbability(0.0005);
    int hi = coverage.inverseSurvivalProbability(0.0005);
    double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.0005);
    for (int partitions : new int[] {1, 3}) {
      int covered = 0;
      double sum = 0;
      double sumSq = 0;
      for (int r = 0; r < reps; r++) {
        ImportanceSample<Double> s = draw(200, r, partitions);
        double m = s.mean(x -> x);
        double se = s.standardError(x -> x);
        covered += Math.abs(m - TRUE_MEAN) <= 1.96 * se ? 1 : 0;
        sum += m;
        sumSq += m * m;
      }
      double avg = sum / reps;
      double sd = Math.sqrt((sumSq - reps * avg * avg) / (reps - 1));
      String what = String.format(Locale.ROOT, "%d partition(s): covered %d of %d, average %.4f vs %.4f",
          partitions, covered, reps, avg, TRUE_MEAN);
      assertTrue(covered >= lo && covered <= hi, what + ", expected in [" + lo + ", " + hi + "]");
      assertTrue(Math.abs(avg - TRUE_MEAN) <= z * sd / Math.sqrt(reps), what);
    }
  }

  @Test
  void weightsAreExactAndSelfNormalisedWeightsSumToOne() {
    ImportanceSampler<Integer> s = Samplers.<Integer>importance(50, x -> x == 0 ? 3.0 : 1.0)
        .target(x -> 1.0).seed(1).build();
    for (int i = 0; i < 4; i++) {
      s.add(i);
    }
    ImportanceSample<Integer> sample = s.sample();
    assertEquals(50, sample.size());
    double total = 0;
    for (Weighted<Integer> d : sample.draws()) {
      // p = 1/4 for every item; q = 3/6 for item 0 and 1/6 for the others
      assertEquals(d.item() == 0 ? 0.25 / 0.5 : 0.25 / (1 / 6.0), d.weight(), 1e-12);
      total += d.normalizedWeight();
    }
    assertEquals(1.0, total, 1e-12);
    assertTrue(sample.effectiveSampleSize() > 0 && sample.effectiveSampleSize() <= 50);
  }

  @Test
  void aProposalThatMissesTheTargetIsRejected() {
    ImportanceSampler<Integer> s = Samplers.<Integer>importance(5, x -> x > 0 ? 1.0 : 0.0).build();
    s.add(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.add(0));
    assertTrue(e.getMessage().startsWith("proposal weight must be > 0 where the target weight is > 0"), e.getMessage());
    assertEquals(1, s.count());
    assertThrows(IllegalArgumentException.class,
        () -> Samplers.<Integer>importance(5, x -> Double.NaN).build().add(1));
    ImportanceSampler<Integer> none = Samplers.<Integer>importance(5, x -> 1.0).target(x -> 0.0).build();
    none.add(3);
    assertThrows(IllegalStateException.class, none::sample);
    assertEquals(List.of(), Samplers.<Integer>importance(5, x -> 1.0).build().sample().draws());
  }
}
