package dev.mlsys.data.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Simple random sampling without replacement from a population of known size: exactly k distinct
 * members, every k-subset equally likely. Floyd's algorithm (Bentley and Floyd, "A sample of
 * brilliance", CACM 30(9), 1987) draws the k positions with k random numbers whatever the
 * population size.
 *
 * <pre>{@code
 * List<Row> sample = Samplers.simpleRandom(100).seed(7).sample(rows);
 * long[] rowNumbers = Samplers.simpleRandom(100).seed(7).indices(1_000_000_000L);
 * }</pre>
 *
 * <p>A pure function of seed, k and the population size: calling it twice gives the same sample.
 * For a stream of unknown length use {@link ReservoirSampler}.
 *
 * <p>Thread-safety: immutable and thread-safe.
 */
public final class SimpleRandomSampler {
  private final int k;
  private final long seed;

  SimpleRandomSampler(int k, long seed) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0 but was: " + k);
    }
    this.k = k;
    this.seed = seed;
  }

  /**
   * @param seed the seed, default 0
   * @return the same sampler with this seed
   */
  public SimpleRandomSampler seed(long seed) {
    return new SimpleRandomSampler(k, seed);
  }

  /**
   * @param populationSize N, at least k
   * @return k distinct positions in [0, N), ascending
   * @throws IllegalArgumentException if {@code N < k}
   */
  public long[] indices(long populationSize) {
    if (populationSize < k) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "population size must be >= k = %d but was: %d", k, populationSize));
    }
    SplitMix64 rng = new SplitMix64(SplitMix64.streamStart(seed, 0));
    Set<Long> chosen = new HashSet<>(Math.max(16, (int) Math.min(Integer.MAX_VALUE, 2L * k)));
    long[] out = new long[k];
    int n = 0;
    for (long j = populationSize - k; j < populationSize; j++) {
      long t = rng.nextLong(j + 1);
      long pick = chosen.add(t) ? t : j;
      if (pick == j) {
        chosen.add(j);
      }
      out[n++] = pick;
    }
    Arrays.sort(out);
    return out;
  }

  /**
   * @param population the population, at least k members
   * @param <T> the member type
   * @return k distinct members (by position) in population order, a new list
   * @throws IllegalArgumentException if the population has fewer than k members
   */
  public <T> List<T> sample(List<? extends T> population) {
    long[] idx = indices(population.size());
    List<T> out = new ArrayList<>(idx.length);
    if (population instanceof java.util.RandomAccess) {
      for (long i : idx) {
        out.add(population.get((int) i));
      }
      return out;
    }
    int next = 0;
    int i = 0;
    for (T member : population) {
      if (next < idx.length && idx[next] == i) {
        out.add(member);
        next++;
      }
      i++;
    }
    return out;
  }

  /** @return the sample size k */
  public int k() {
    return k;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "simpleRandom(k=%d, seed=%d)", k, seed);
  }
}
