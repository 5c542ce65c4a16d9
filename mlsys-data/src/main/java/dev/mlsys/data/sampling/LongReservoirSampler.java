package dev.mlsys.data.sampling;

import java.util.Collection;
import java.util.Locale;

/**
 * A {@link ReservoirSampler} over primitive {@code long}s (row numbers, ids, offsets): the same
 * algorithm, seeds, partitions and merge, without boxing. The bulk paths ({@link #addAll(long[])},
 * {@link #addRange}) touch only the O(k (1 + log(n / k))) values that enter the sample.
 *
 * <pre>{@code
 * LongReservoirSampler rows = Samplers.longReservoir(1000).seed(42).build();
 * rows.addRange(0, table.rowCount());   // 1000 uniformly drawn row numbers
 * long[] picked = rows.sample();
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; confine to one thread and combine parallel work with
 * {@link #merge}.
 */
public sealed interface LongReservoirSampler permits LongReservoir {

  /** @param value the next value of the stream */
  void add(long value);

  /** @param values the next values, in order; those passed over are never read */
  void addAll(long[] values);

  /**
   * @param values the values
   * @param from first index, inclusive
   * @param to last index, exclusive
   * @throws IndexOutOfBoundsException if the range is outside the array
   */
  void addAll(long[] values, int from, int to);

  /**
   * Offers the values {@code start, start + 1, ..., end - 1} in order, in time proportional to the
   * number that enter the sample, not to {@code end - start}.
   *
   * @param start first value, inclusive
   * @param end last value, exclusive
   * @throws IllegalArgumentException if {@code start > end}
   */
  void addRange(long start, long end);

  /** @return the number of values offered so far (including those of merged samplers) */
  long count();

  /** @return the sample size k */
  int k();

  /** @return a copy of the min(k, count) sampled values in increasing key order (random order) */
  long[] sample();

  /**
   * @param other a sampler of another partition
   * @return a new sampler with the distribution of one that saw both streams, with the smaller k
   * @throws IllegalArgumentException if both drew from the same random stream
   * @see ReservoirSampler#merge
   */
  LongReservoirSampler merge(LongReservoirSampler other);

  /**
   * @param samplers at least one sampler of disjoint partitions
   * @return the same as folding {@link #merge}
   * @throws IllegalArgumentException if {@code samplers} is empty or two drew from the same stream
   */
  static LongReservoirSampler mergeAll(Collection<? extends LongReservoirSampler> samplers) {
    return LongReservoir.mergeAll(samplers);
  }

  /** @return the whole state; format {@code mlsys.sampling.long-reservoir}, version 1 */
  byte[] toBytes();

  /**
   * @param bytes what {@link #toBytes} wrote
   * @return the restored sampler
   * @throws dev.mlsys.api.CorruptArtifactException if the bytes are not a long reservoir of a
   *     known version, or are truncated or inconsistent
   */
  static LongReservoirSampler fromBytes(byte[] bytes) {
    return LongReservoir.fromBytes(bytes);
  }

  /** How to build a {@link LongReservoirSampler}; an immutable value. */
  final class Builder {
    private final int k;
    private final long seed;
    private final long partition;

    Builder(int k, long seed, long partition) {
      if (k < 1) {
        throw new IllegalArgumentException("k must be >= 1 but was: " + k);
      }
      this.k = k;
      this.seed = seed;
      this.partition = partition;
    }

    /** @param seed the seed, default 0 @return a builder with this seed */
    public Builder seed(long seed) {
      return new Builder(k, seed, partition);
    }

    /** @param partition this sampler's partition index, default 0 @return a builder for it */
    public Builder partition(long partition) {
      return new Builder(k, seed, partition);
    }

    /** @return a new, empty sampler */
    public LongReservoirSampler build() {
      return LongReservoir.create(k, seed, partition);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "longReservoir(k=%d, seed=%d, partition=%d)", k, seed, partition);
    }
  }
}
