package dev.mlsys.data.sampling;

import static dev.mlsys.data.sampling.GoodnessOfFit.assertFits;
import static dev.mlsys.data.sampling.GoodnessOfFit.assertRejects;
import static dev.mlsys.data.sampling.GoodnessOfFit.binomial;
import static dev.mlsys.data.sampling.GoodnessOfFit.orderedCell;
import static dev.mlsys.data.sampling.GoodnessOfFit.sequentialProbabilities;
import static dev.mlsys.data.sampling.GoodnessOfFit.uniformSubsetProbabilities;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact distribution of the uniform reservoir on a population of 10: every outcome of k = 2 and 3
 * is counted over seeded repetitions (seeds 0, 1, 2, ...) and compared with its exact probability
 * by Pearson's chi-squared at alpha = 1e-3 (see {@link GoodnessOfFit}); repetitions give at least
 * 100 expected observations per cell.
 */
class ReservoirSamplerTest {
  private static final int N = 10;
  private static final Integer[] POPULATION = IntStream.range(0, N).boxed().toArray(Integer[]::new);

  private static int mask(List<Integer> sample) {
    int m = 0;
    for (int x : sample) {
      m |= 1 << x;
    }
    return m;
  }

  private static int repetitions(int k, int perCell) {
    return (int) (perCell * binomial(N, k));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void everySubsetIsEquallyLikely(int k) {
    long[] counts = new long[1 << N];
    for (int r = 0; r < repetitions(k, 150); r++) {
      ReservoirSampler<Integer> s = Samplers.<Integer>reservoir(k).seed(r).build();
      for (Integer x : POPULATION) {
        s.add(x);
      }
      assertEquals(N, s.count());
      counts[mask(s.sample())]++;
    }
    assertFits("one-by-one, k=" + k, counts, uniformSubsetProbabilities(N, k));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void sampleOrderIsUniformlyRandom(int k) {
    double[] p = sequentialProbabilities(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, k);
    long[] counts = new long[p.length];
    int reps = (int) (100 / p[orderedCell(N, IntStream.range(0, k).toArray())]);
    for (int r = 0; r < reps; r++) {
      ReservoirSampler<Integer> s = Samplers.<Integer>reservoir(k).seed(r).build();
      s.addAll(POPULATION);
      counts[orderedCell(N, s.sample().stream().mapToInt(Integer::intValue).toArray())]++;
    }
    assertFits("ordered outcomes, k=" + k, counts, p);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void bulkPathsHaveTheSameDistribution(int k) {
    long[] arrays = new long[1 << N];
    long[] lists = new long[1 << N];
    long[] longs = new long[1 << N];
    List<Integer> list = Arrays.asList(POPULATION);
    for (int r = 0; r < repetitions(k, 150); r++) {
      ReservoirSampler<Integer> a = Samplers.<Integer>reservoir(k).seed(r).build();
      a.addAll(POPULATION, 0, 4);
      a.addAll(POPULATION, 4, N);
      arrays[mask(a.sample())]++;
      ReservoirSampler<Integer> l = Samplers.<Integer>reservoir(k).seed(r).partition(1).build();
      l.addAll(list);
      lists[mask(l.sample())]++;
      LongReservoirSampler g = Samplers.longReservoir(k).seed(r).build();
      g.addRange(0, N);
      int m = 0;
      for (long x : g.sample()) {
        m |= 1 << x;
      }
      longs[m]++;
    }
    assertFits("array chunks, k=" + k, arrays, uniformSubsetProbabilities(N, k));
    assertFits("random-access list, k=" + k, lists, uniformSubsetProbabilities(N, k));
    assertFits("long range, k=" + k, longs, uniformSubsetProbabilities(N, k));
  }

  /** Partitions of random sizes (some empty, some shorter than k) merged in random order. */
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void mergedSamplersHaveTheDistributionOfOne(int k) {
    double[] ordered = sequentialProbabilities(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, k);
    long[] subsets = new long[1 << N];
    long[] orders = new long[ordered.length];
    SplittableRandom split = new SplittableRandom(2024);
    int reps = (int) (100 / ordered[orderedCell(N, IntStream.range(0, k).toArray())]);
    for (int r = 0; r < reps; r++) {
      int parts = 1 + split.nextInt(4);
      int[] cuts = IntStream.concat(IntStream.of(0, N), split.ints(parts - 1, 0, N + 1)).sorted().toArray();
      List<ReservoirSampler<Integer>> samplers = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        ReservoirSampler<Integer> s = Samplers.<Integer>reservoir(k).seed(r).partition(p).build();
        for (int i = cuts[p]; i < cuts[p + 1]; i++) {
          s.add(POPULATION[i]);
        }
        samplers.add(s);
      }
      Collections.shuffle(samplers, new java.util.Random(split.nextLong()));
      ReservoirSampler<Integer> merged = samplers.get(0);
      for (int p = 1; p < parts; p++) {
        merged = merged.merge(samplers.get(p));
      }
      assertEquals(N, merged.count());
      List<Integer> sample = merged.sample();
      subsets[mask(sample)]++;
      orders[orderedCell(N, sample.stream().mapToInt(Integer::intValue).toArray())]++;
    }
    assertFits("merged subsets, k=" + k, subsets, uniformSubsetProbabilities(N, k));
    assertFits("merged ordered outcomes, k=" + k, orders, ordered);
  }

  /**
   * Per-item inclusion counts over R repetitions of a uniform k-sample of N items. Each count
   * has mean R pi with pi = k / N, variance R pi (1 - pi), and covariance -R pi (1 - pi) / (N - 1)
   * with every other count (sampling without replacement), so the covariance matrix is
   * R pi (1 - pi) N / (N - 1) times the projection orthogonal to the all-ones vector, and
   * sum (O_i - R pi)^2 / (R pi (1 - pi) N / (N - 1)) is asymptotically chi-squared with N - 1
   * degrees of freedom: Pearson's statistic with the finite-population correction
   * (1 - pi) N / (N - 1). Tested at alpha = 1e-3.
   */
  static void assertInclusionUniform(String what, long[] inclusions, int k, int reps) {
    int n = inclusions.length;
    double pi = (double) k / n;
    double scale = reps * pi * (1 - pi) * n / (n - 1);
    double stat = 0;
    for (long o : inclusions) {
      stat += (o - reps * pi) * (o - reps * pi) / scale;
    }
    double critical = ChiSquaredDistribution.of(n - 1).inverseSurvivalProbability(GoodnessOfFit.ALPHA);
    assertTrue(stat <= critical, String.format(Locale.ROOT,
        "%s: corrected chi-squared %.1f exceeds %.1f (df %d)", what, stat, critical, n - 1));
  }

  @Test
  void inclusionFrequenciesWithFinitePopulationCorrection() {
    int n = 1000;
    int k = 100;
    int reps = 2000;
    long[] single = new long[n];
    long[] merged = new long[n];
    long[] values = IntStream.range(0, n).asLongStream().toArray();
    for (int r = 0; r < reps; r++) {
      LongReservoirSampler s = Samplers.longReservoir(k).seed(r).build();
      s.addAll(values);
      for (long x : s.sample()) {
        single[(int) x]++;
      }
      LongReservoirSampler a = Samplers.longReservoir(k).seed(r).partition(0).build();
      LongReservoirSampler b = Samplers.longReservoir(k).seed(r).partition(1).build();
      LongReservoirSampler c = Samplers.longReservoir(k).seed(r).partition(2).build();
      a.addAll(values, 0, 50);
      b.addAll(values, 50, 700);
      c.addAll(values, 700, n);
      for (long x : LongReservoirSampler.mergeAll(List.of(c, a, b)).sample()) {
        merged[(int) x]++;
      }
    }
    assertInclusionUniform("single", single, k, reps);
    assertInclusionUniform("merged", merged, k, reps);
  }

  /** The tests above can see a wrong sampler: the first k items fail them by a mile. */
  @Test
  void theDistributionTestRejectsABiasedSampler() {
    long[] counts = new long[1 << N];
    for (int r = 0; r < 6000; r++) {
      ReservoirSampler<Integer> s = Samplers.<Integer>reservoir(3).seed(r).build();
      // a classic off-by-one: the item that would be the 10th is never offered
      s.addAll(POPULATION, 0, N - 1);
      counts[mask(s.sample())]++;
    }
    assertRejects("nine of ten items", counts, uniformSubsetProbabilities(N, 3));
  }

  @Test
  void fewerItemsThanKAreAllSampled() {
    ReservoirSampler<String> s = Samplers.<String>reservoir(5).seed(1).build();
    s.add("a");
    s.add(null);
    s.add("c");
    assertEquals(3, s.count());
    assertEquals(3, s.sample().size());
    assertTrue(s.sample().containsAll(Arrays.asList("a", null, "c")));
  }

  @Test
  void sameSeedSameSampleOtherSeedOrPartitionAnother() {
    long[] a = sampleOf(Samplers.longReservoir(50).seed(9));
    assertArrayEquals(a, sampleOf(Samplers.longReservoir(50).seed(9)));
    assertNotEquals(Arrays.toString(a), Arrays.toString(sampleOf(Samplers.longReservoir(50).seed(10))));
    assertNotEquals(Arrays.toString(a),
        Arrays.toString(sampleOf(Samplers.longReservoir(50).seed(9).partition(1))));
  }

  private static long[] sampleOf(LongReservoirSampler.Builder b) {
    LongReservoirSampler s = b.build();
    s.addRange(0, 1_000_000);
    return s.sample();
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Samplers.reservoir(0));
    assertEquals("k must be >= 1 but was: 0", e.getMessage());
    LongReservoirSampler s = Samplers.longReservoir(3).build();
    e = assertThrows(IllegalArgumentException.class, () -> s.addRange(5, 2));
    assertEquals("start must be <= end but was: start=5, end=2", e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> Samplers.<Integer>reservoir(2).build().addAll(POPULATION, 3, 11));
    assertThrows(IllegalArgumentException.class, () -> ReservoirSampler.mergeAll(List.of()));
  }

  @Test
  void mergeRefusesSamplersThatDrewFromTheSameStream() {
    ReservoirSampler<Integer> a = Samplers.<Integer>reservoir(3).seed(5).build();
    ReservoirSampler<Integer> b = Samplers.<Integer>reservoir(3).seed(5).build();
    // unused samplers have drawn nothing yet: nothing is correlated
    a.merge(b);
    a.add(1);
    b.add(2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.merge(b));
    assertTrue(e.getMessage().contains(".partition(index)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> a.merge(a));
    ReservoirSampler<Integer> c = Samplers.<Integer>reservoir(3).seed(5).partition(1).build();
    c.add(3);
    ReservoirSampler<Integer> ac = a.merge(c);
    assertThrows(IllegalArgumentException.class, () -> ac.merge(a), "a is already inside ac");
  }

  @Test
  void mergeKeepsTheSmallerKAndCanGoOn() {
    ReservoirSampler<Integer> a = Samplers.<Integer>reservoir(5).seed(1).build();
    ReservoirSampler<Integer> b = Samplers.<Integer>reservoir(3).seed(1).partition(1).build();
    a.addAll(POPULATION);
    b.addAll(POPULATION);
    ReservoirSampler<Integer> m = a.merge(b);
    assertEquals(3, m.k());
    assertEquals(20, m.count());
    assertEquals(3, m.sample().size());
    m.addAll(POPULATION);
    assertEquals(30, m.count());
    assertEquals(5, a.sample().size(), "merge leaves its inputs alone");
  }

  @Test
  @EnabledIfSystemProperty(named = "mlsys.long", matches = "true")
  void longRunOrderedOutcomesWithTenTimesTheRepetitions() {
    double[] p = sequentialProbabilities(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 3);
    long[] counts = new long[p.length];
    for (int r = 0; r < 1_440_000; r++) {
      ReservoirSampler<Integer> s = Samplers.<Integer>reservoir(3).seed(r).build();
      s.addAll(POPULATION);
      counts[orderedCell(N, s.sample().stream().mapToInt(Integer::intValue).toArray())]++;
    }
    assertFits("ordered outcomes, k=3, 2000 per cell", counts, p);
  }
}
