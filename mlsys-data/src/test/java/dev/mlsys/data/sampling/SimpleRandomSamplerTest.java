package dev.mlsys.data.sampling;

import static dev.mlsys.data.sampling.GoodnessOfFit.assertFits;
import static dev.mlsys.data.sampling.GoodnessOfFit.uniformSubsetProbabilities;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimpleRandomSamplerTest {

  /** Every k-subset of 10 equally likely: chi-squared at alpha = 1e-3 over all C(10, k) subsets. */
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void everySubsetIsEquallyLikely(int k) {
    long[] counts = new long[1 << 10];
    for (int r = 0; r < 150 * GoodnessOfFit.binomial(10, k); r++) {
      int mask = 0;
      for (long i : Samplers.simpleRandom(k).seed(r).indices(10)) {
        mask |= 1 << i;
      }
      counts[mask]++;
    }
    assertFits("simple random, k=" + k, counts, uniformSubsetProbabilities(10, k));
  }

  @Test
  void exactSizeDistinctSortedAndRepeatable() {
    long[] idx = Samplers.simpleRandom(1000).seed(4).indices(5_000_000_000L);
    assertEquals(1000, idx.length);
    for (int i = 1; i < idx.length; i++) {
      assertTrue(idx[i - 1] < idx[i]);
    }
    assertTrue(idx[0] >= 0 && idx[999] < 5_000_000_000L);
    assertArrayEquals(idx, Samplers.simpleRandom(1000).seed(4).indices(5_000_000_000L));
    List<Integer> pop = IntStream.range(0, 100).boxed().toList();
    assertEquals(pop, Samplers.simpleRandom(100).sample(pop));
    assertEquals(Samplers.simpleRandom(7).seed(2).sample(pop),
        Samplers.simpleRandom(7).seed(2).sample(new LinkedList<>(pop)));
    assertEquals("population size must be >= k = 7 but was: 3",
        assertThrows(IllegalArgumentException.class, () -> Samplers.simpleRandom(7).indices(3)).getMessage());
  }
}
