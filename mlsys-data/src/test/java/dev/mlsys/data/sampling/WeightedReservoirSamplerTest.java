package dev.mlsys.data.sampling;

import static dev.mlsys.data.sampling.GoodnessOfFit.assertFits;
import static dev.mlsys.data.sampling.GoodnessOfFit.assertRejects;
import static dev.mlsys.data.sampling.GoodnessOfFit.orderedCell;
import static dev.mlsys.data.sampling.GoodnessOfFit.sequentialProbabilities;
import static dev.mlsys.data.sampling.GoodnessOfFit.unordered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact distribution of the weighted reservoir on a population of 10 with weights 1..10 (and
 * one of weight 0): every ordered outcome of k = 2 and 3 is counted over seeded repetitions and
 * compared with the sequential-selection probability w_i1 / W * w_i2 / (W - w_i1) * ... by
 * Pearson's chi-squared at alpha = 1e-3 (cells with expected count below 5 pooled, see
 * {@link GoodnessOfFit}).
 */
class WeightedReservoirSamplerTest {
  private static final double[] WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  private static final int N = WEIGHTS.length;

  private static int[] outcome(List<Integer> sample) {
    return sample.stream().mapToInt(Integer::intValue).toArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void orderedOutcomesFollowSequentialSelection(int k) {
    double[] p = sequentialProbabilities(WEIGHTS, k);
    long[] ordered = new long[p.length];
    long[] subsets = new long[1 << N];
    for (int r = 0; r < 40_000; r++) {
      WeightedReservoirSampler<Integer> s = Samplers.<Integer>weightedReservoir(k).seed(r).build();
      for (int i = 0; i < N; i++) {
        s.add(i, WEIGHTS[i]);
      }
      int[] o = outcome(s.sample());
      ordered[orderedCell(N, o)]++;
      int mask = 0;
      for (int x : o) {
        mask |= 1 << x;
      }
      subsets[mask]++;
    }
    assertFits("ordered, k=" + k, ordered, p);
    assertFits("unordered, k=" + k, subsets, unordered(p, N, k));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void mergedSamplersHaveTheDistributionOfOne(int k) {
    double[] p = sequentialProbabilities(WEIGHTS, k);
    long[] ordered = new long[p.length];
    SplittableRandom split = new SplittableRandom(77);
    for (int r = 0; r < 40_000; r++) {
      int parts = 1 + split.nextInt(4);
      int[] cuts = IntStream.concat(IntStream.of(0, N), split.ints(parts - 1, 0, N + 1)).sorted().toArray();
      List<WeightedReservoirSampler<Integer>> samplers = new ArrayList<>();
      for (int q = 0; q < parts; q++) {
        WeightedReservoirSampler<Integer> s = Samplers.<Integer>weightedReservoir(k).seed(r).partition(q).build();
        for (int i = cuts[q]; i < cuts[q + 1]; i++) {
          s.add(i, WEIGHTS[i]);
        }
        samplers.add(s);
      }
      Collections.shuffle(samplers, new java.util.Random(split.nextLong()));
      WeightedReservoirSampler<Integer> merged = parts % 2 == 0
          ? WeightedReservoirSampler.mergeAll(samplers)
          : samplers.stream().reduce(WeightedReservoirSampler::merge).orElseThrow();
      assertEquals(N, merged.count());
      assertEquals(55.0, merged.totalWeight());
      ordered[orderedCell(N, outcome(merged.sample()))]++;
    }
    assertFits("merged ordered, k=" + k, ordered, p);
  }

  /**
   * The first item in draw order is item i with probability w_i / W exactly, for any k; on 500
   * items with skewed weights (a tenth of them 0) this checks the jumps over long streams.
   */
  @Test
  void firstDrawIsProportionalToWeightOnALongerStream() {
    int n = 500;
    Integer[] items = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    double[] w = new double[n];
    SplittableRandom g = new SplittableRandom(5);
    double total = 0;
    for (int i = 0; i < n; i++) {
      w[i] = i % 10 == 0 ? 0 : Math.exp(2 * g.nextGaussian());
      total += w[i];
    }
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = w[i] / total;
    }
    long[] single = new long[n];
    long[] merged = new long[n];
    for (int r = 0; r < 10_000; r++) {
      WeightedReservoirSampler<Integer> s = Samplers.<Integer>weightedReservoir(20).seed(r).build();
      WeightedReservoirSampler<Integer> a = Samplers.<Integer>weightedReservoir(20).seed(r).partition(1).build();
      WeightedReservoirSampler<Integer> b = Samplers.<Integer>weightedReservoir(20).seed(r).partition(2).build();
      for (int i = 0; i < n; i++) {
        s.add(items[i], w[i]);
        (i < 150 ? a : b).add(items[i], w[i]);
      }
      single[s.sample().get(0)]++;
      merged[a.merge(b).sample().get(0)]++;
    }
    assertFits("first draw, single", single, p);
    assertFits("first draw, merged", merged, p);
  }

  @Test
  void theDistributionTestRejectsUniformSampling() {
    double[] p = sequentialProbabilities(WEIGHTS, 2);
    long[] ordered = new long[p.length];
    for (int r = 0; r < 20_000; r++) {
      ReservoirSampler<Integer> s = Samplers.<Integer>reservoir(2).seed(r).build();
      for (int i = 0; i < N; i++) {
        s.add(i);
      }
      ordered[orderedCell(N, outcome(s.sample()))]++;
    }
    assertRejects("uniform instead of weighted", ordered, p);
  }

  @Test
  void zeroWeightItemsAreCountedButNeverSampled() {
    WeightedReservoirSampler<String> s = Samplers.<String>weightedReservoir(3).seed(1).build();
    s.add("zero", 0.0);
    s.add("a", 1.0);
    s.add("negative zero", -0.0);
    s.add("b", 2.0);
    assertEquals(4, s.count());
    assertEquals(List.of("a", "b"), s.sample().stream().sorted().toList());
    for (int i = 0; i < 1000; i++) {
      s.add("z" + i, 0.0);
    }
    assertFalse(s.sample().stream().anyMatch(x -> x.startsWith("z") || x.contains("zero")));
  }

  @Test
  void badWeightsAreRejectedAndChangeNothing() {
    WeightedReservoirSampler<String> s = Samplers.<String>weightedReservoir(2).seed(1).build();
    s.add("a", 1);
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.add("x", bad));
      assertTrue(e.getMessage().startsWith("weight must be finite and >= 0 but was: " + bad), e.getMessage());
    }
    assertEquals(1, s.count());
    assertEquals(1.0, s.totalWeight());
    assertEquals(List.of("a"), s.sample());
  }

  @Test
  void heavyItemsAreAlmostAlwaysIn() {
    int in = 0;
    for (int r = 0; r < 200; r++) {
      WeightedReservoirSampler<Integer> s = Samplers.<Integer>weightedReservoir(5).seed(r).build();
      for (int i = 0; i < 10_000; i++) {
        s.add(i, i == 4321 ? 1e9 : 1.0);
      }
      in += s.sample().get(0) == 4321 ? 1 : 0;
    }
    // P(first draw is the heavy item) = 1e9 / (1e9 + 9999) > 0.99999
    assertEquals(200, in);
  }

  @Test
  @EnabledIfSystemProperty(named = "mlsys.long", matches = "true")
  void longRunOrderedOutcomesKThree() {
    double[] p = sequentialProbabilities(WEIGHTS, 3);
    long[] ordered = new long[p.length];
    for (int r = 0; r < 2_000_000; r++) {
      WeightedReservoirSampler<Integer> s = Samplers.<Integer>weightedReservoir(3).seed(r).build();
      for (int i = 0; i < N; i++) {
        s.add(i, WEIGHTS[i]);
      }
      ordered[orderedCell(N, outcome(s.sample()))]++;
    }
    assertFits("ordered, k=3, long run", ordered, p);
  }
}
