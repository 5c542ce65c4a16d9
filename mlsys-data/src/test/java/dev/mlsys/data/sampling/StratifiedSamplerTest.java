package dev.mlsys.data.sampling;

import static dev.mlsys.data.sampling.GoodnessOfFit.assertFits;
import static dev.mlsys.data.sampling.GoodnessOfFit.uniformSubsetProbabilities;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Stratified sampling: exact totals, and uniform samples within each stratum (chi-squared at
 * alpha = 1e-3 over every outcome, see {@link GoodnessOfFit}), for one sampler and merged ones.
 */
class StratifiedSamplerTest {
  /** Items 0..9 are stratum "a", 10..14 stratum "b". */
  private static String stratum(int i) {
    return i < 10 ? "a" : "b";
  }

  private static int mask(List<Integer> items, int offset) {
    int m = 0;
    for (int x : items) {
      m |= 1 << (x - offset);
    }
    return m;
  }

  /**
   * proportional(5) over strata of 10 and 5: quotas 10/3 and 5/3, floors 3 and 1, the last seat
   * to the larger remainder (b: 25 mod 15 = 10 against a: 50 mod 15 = 5), so a gets 3 of 10 and
   * b gets 2 of 5, each a uniform subset.
   */
  @Test
  void proportionalAllocationIsExactAndUniformWithinStrata() {
    long[] a = new long[1 << 10];
    long[] b = new long[1 << 5];
    long[] aMerged = new long[1 << 10];
    long[] bMerged = new long[1 << 5];
    for (int r = 0; r < 24_000; r++) {
      StratifiedSampler<Integer> s = Samplers.<Integer>stratified(StratifiedSamplerTest::stratum)
          .proportional(5).seed(r).build();
      StratifiedSampler<Integer> p0 = Samplers.<Integer>stratified(StratifiedSamplerTest::stratum)
          .proportional(5).seed(r).partition(0).build();
      StratifiedSampler<Integer> p1 = Samplers.<Integer>stratified(StratifiedSamplerTest::stratum)
          .proportional(5).seed(r).partition(1).build();
      for (int i = 0; i < 15; i++) {
        s.add(i);
        // interleaved partitions: each sees part of both strata
        (i % 3 == 0 ? p0 : p1).add(i);
      }
      Map<Object, List<Integer>> sample = s.sample();
      assertEquals(Map.of("a", 3, "b", 2), s.allocation());
      a[mask(sample.get("a"), 0)]++;
      b[mask(sample.get("b"), 10)]++;
      StratifiedSampler<Integer> m = p1.merge(p0);
      assertEquals(Map.of("a", 3, "b", 2), m.allocation());
      assertEquals(Map.of("a", 10L, "b", 5L), m.counts());
      aMerged[mask(m.sample().get("a"), 0)]++;
      bMerged[mask(m.sample().get("b"), 10)]++;
    }
    assertFits("stratum a, 3 of 10", a, uniformSubsetProbabilities(10, 3));
    assertFits("stratum b, 2 of 5", b, uniformSubsetProbabilities(5, 2));
    assertFits("merged stratum a", aMerged, uniformSubsetProbabilities(10, 3));
    assertFits("merged stratum b", bMerged, uniformSubsetProbabilities(5, 2));
  }

  /** Three strata of 10 and total 4: quotas 4/3 each, so one stratum in three gets the extra seat. */
  @Test
  void tiedRemaindersAreBrokenUniformly() {
    long[] extra = new long[3];
    for (int r = 0; r < 3000; r++) {
      StratifiedSampler<Integer> s = Samplers.<Integer>stratified((Integer i) -> i % 3).proportional(4).seed(r).build();
      for (int i = 0; i < 30; i++) {
        s.add(i);
      }
      Map<Object, Integer> alloc = s.allocation();
      assertEquals(4, alloc.values().stream().mapToInt(Integer::intValue).sum());
      for (int h = 0; h < 3; h++) {
        if (alloc.get(h) == 2) {
          extra[h]++;
        }
      }
    }
    assertFits("stratum given the extra seat", extra, new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0});
  }

  @Test
  void perStratumTakesMinOfNAndStratumSize() {
    StratifiedSampler<Integer> s = Samplers.<Integer>stratified((Integer i) -> i < 3 ? "small" : "big")
        .perStratum(5).seed(1).build();
    IntStream.range(0, 100).forEach(s::add);
    Map<Object, List<Integer>> sample = s.sample();
    assertEquals(3, sample.get("small").size());
    assertEquals(5, sample.get("big").size());
    assertTrue(sample.get("big").stream().allMatch(i -> i >= 3));
    assertEquals(Map.of("small", 3L, "big", 97L), s.counts());
  }

  @Test
  void callerAllocationCountsButSkipsStrataNotInTheMap() {
    StratifiedSampler<Integer> s = Samplers.<Integer>stratified((Integer i) -> i % 3)
        .allocation(Map.of(0, 4, 1, 0)).seed(2).build();
    IntStream.range(0, 300).forEach(s::add);
    assertEquals(Map.of(0, 4, 1, 0, 2, 0), s.allocation());
    assertEquals(Map.of(0, 100L, 1, 100L, 2, 100L), s.counts());
    assertEquals(4, s.sample().get(0).size());
    assertEquals(List.of(), s.sample().get(2));
    assertEquals(300, s.count());
  }

  @Test
  void fewerItemsThanTheTotalAreAllTaken() {
    StratifiedSampler<Integer> s = Samplers.<Integer>stratified((Integer i) -> i % 2).proportional(50).build();
    IntStream.range(0, 7).forEach(s::add);
    assertEquals(Map.of(0, 4, 1, 3), s.allocation());
  }

  @Test
  void misuseIsReported() {
    assertEquals("n must be >= 1 but was: 0", assertThrows(IllegalArgumentException.class,
        () -> Samplers.stratified(x -> x).perStratum(0)).getMessage());
    assertEquals("the allocation is already chosen (perStratum(3)); cannot also use proportional(9)",
        assertThrows(IllegalStateException.class,
            () -> Samplers.stratified(x -> x).perStratum(3).proportional(9)).getMessage());
    assertThrows(IllegalStateException.class, () -> Samplers.stratified(x -> x).seed(1).build());
    StratifiedSampler<String> s = Samplers.<String>stratified(x -> x.isEmpty() ? null : x).perStratum(2).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.add(""));
    assertTrue(e.getMessage().startsWith("stratumOf returned null for item: "), e.getMessage());
    assertEquals(0, s.count());
    StratifiedSampler<String> other = Samplers.<String>stratified(x -> x).perStratum(3).partition(1).build();
    assertThrows(IllegalArgumentException.class, () -> s.merge(other));
  }
}
