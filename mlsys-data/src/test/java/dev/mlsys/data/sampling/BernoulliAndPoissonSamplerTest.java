package dev.mlsys.data.sampling;

import static dev.mlsys.data.sampling.GoodnessOfFit.assertFits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.GeometricDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/** Gap and count distributions by chi-squared at alpha = 1e-3 (see {@link GoodnessOfFit}). */
class BernoulliAndPoissonSamplerTest {

  /** Gaps between kept items are Geometric(p): cells 0..39 and a tail cell. */
  @Test
  void gapsAreGeometric() {
    double p = 0.15;
    int cells = 40;
    long[] counts = new long[cells + 1];
    BernoulliSampler b = Samplers.bernoulli(p).seed(11).build();
    for (int i = 0; i < 50_000; i++) {
      long g = b.skip();
      counts[(int) Math.min(g, cells)]++;
    }
    GeometricDistribution geo = GeometricDistribution.of(p);
    double[] probs = new double[cells + 1];
    for (int g = 0; g < cells; g++) {
      probs[g] = geo.probability(g);
    }
    probs[cells] = geo.survivalProbability(cells - 1);
    assertFits("Bernoulli gaps", counts, probs);
  }

  @Test
  void perItemAndListPathsAgreeAndCount() {
    List<Integer> items = IntStream.range(0, 10_000).boxed().toList();
    BernoulliSampler a = Samplers.bernoulli(0.03).seed(5).build();
    List<Integer> byItem = new ArrayList<>();
    for (Integer i : items) {
      if (a.next()) {
        byItem.add(i);
      }
    }
    BernoulliSampler b = Samplers.bernoulli(0.03).seed(5).build();
    assertEquals(byItem, b.sample(items));
    assertEquals(10_000, a.seen());
    assertEquals(a.seen(), b.seen());
    assertEquals(byItem.size(), b.sampled());
    assertEquals(List.of(), Samplers.bernoulli(0).build().sample(items));
    assertEquals(items, Samplers.bernoulli(1).build().sample(items));
    assertEquals("p must be in [0, 1] but was: NaN",
        assertThrows(IllegalArgumentException.class, () -> Samplers.bernoulli(Double.NaN)).getMessage());
  }

  /** Copies per item are Poisson(rate): cells 0..5 and a tail. */
  @Test
  void copiesArePoisson() {
    for (double rate : new double[] {0.05, 0.7, 3.0}) {
      int cells = 12;
      long[] counts = new long[cells + 1];
      PoissonSampler s = Samplers.poisson(rate).seed(3).build();
      for (int i = 0; i < 100_000; i++) {
        counts[Math.min(s.next(), cells)]++;
      }
      PoissonDistribution d = PoissonDistribution.of(rate);
      double[] probs = new double[cells + 1];
      for (int c = 0; c < cells; c++) {
        probs[c] = d.probability(c);
      }
      probs[cells] = d.survivalProbability(cells - 1);
      assertFits("Poisson copies, rate " + rate, counts, probs);
      assertEquals(100_000, s.seen());
    }
    assertThrows(IllegalArgumentException.class, () -> Samplers.poisson(65));
  }
}
