package dev.mlsys.data.sampling;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A uniform sample of fixed size k from a stream of unknown length: after n items, every set of
 * min(k, n) items is equally likely to be the sample.
 *
 * <pre>{@code
 * ReservoirSampler<String> r = Samplers.<String>reservoir(1000).seed(42).build();
 * lines.forEach(r::add);
 * List<String> sample = r.sample();
 * }</pre>
 *
 * <h2>Algorithm</h2>
 * Each item carries an independent Uniform(0, 1) key and the sample is the k items with the
 * smallest keys, advanced with the geometric skips of Li's Algorithm L (ACM TOMS 20(4), 1994): only
 * O(k (1 + log(n / k))) items ever enter and draw random numbers, the others are counted and passed
 * over. The bulk methods ({@link #addAll(Object[])}, {@link #addAll(Iterable)} on a random-access
 * list) jump over passed items without reading them.
 *
 * <h2>Seeds, partitions and merge</h2>
 * The sample is a function of the seed, the partition index and the items in order; the same
 * inputs give the same sample on every run and machine. To sample a partitioned data set (threads,
 * Spark or Flink tasks), build the sampler of partition {@code i} with the same seed and
 * {@link Builder#partition(long) partition(i)}, feed it that partition, and combine the samplers
 * with {@link #merge} or {@link #mergeAll}. Merge draws no random numbers: it keeps the k smallest
 * keys of both samplers, so it is commutative and associative and the result does not depend on
 * the number of threads, the order in which partitions finish or the shape of the merge tree. The
 * merged sample has exactly the distribution of one sampler that saw every partition, for any
 * partitioning; which items are drawn does depend on the partitioning, since each partition's keys
 * come from its own stream. (Deterministic hash sampling, {@link Samplers#hash}, gives the same
 * sample for every partitioning.) Merge refuses two samplers that drew from the same stream (for
 * example two partitions built with the same seed and partition index): their keys would be
 * identical, not independent.
 *
 * <p>A merged sampler keeps the smaller k of the two and can go on taking items.
 *
 * <p>Items may be null and are never inspected. Thread-safety: not thread-safe; confine a
 * sampler to one thread (or guard it), and combine parallel work with {@link #merge}.
 *
 * @param <T> the item type
 */
public sealed interface ReservoirSampler<T> permits ObjectReservoir {

  /** @param item the next item of the stream; may be null */
  void add(T item);

  /**
   * Offers every element of the array in order; equivalent to {@link #add} on each, but elements
   * that are passed over are never read.
   *
   * @param items the items
   */
  void addAll(T[] items);

  /**
   * Offers {@code items[from]} to {@code items[to - 1]} in order, as {@link #addAll(Object[])}.
   *
   * @param items the items
   * @param from first index, inclusive
   * @param to last index, exclusive
   * @throws IndexOutOfBoundsException if the range is outside the array
   */
  void addAll(T[] items, int from, int to);

  /**
   * Offers every element in iteration order; a {@link java.util.RandomAccess} list is jumped over
   * like an array, other iterables are stepped through.
   *
   * @param items the items
   */
  void addAll(Iterable<? extends T> items);

  /**
   * Offers every remaining element of the iterator; passed-over elements are stepped over with
   * {@code next()} and otherwise ignored.
   *
   * @param items the items
   */
  void addAll(Iterator<? extends T> items);

  /** @return the number of items offered so far (including those of merged samplers) */
  long count();

  /** @return the sample size k the sampler was built with */
  int k();

  /**
   * @return the min(k, count) sampled items, unmodifiable, in increasing key order: a uniformly
   *     random order, so every prefix is itself a uniform sample of its size
   */
  List<T> sample();

  /**
   * Combines two samplers that saw disjoint parts of the stream. Neither is changed.
   *
   * @param other a sampler of another partition
   * @return a new sampler with the distribution of one that saw both streams, with the smaller k
   * @throws IllegalArgumentException if both drew from the same random stream
   */
  ReservoirSampler<T> merge(ReservoirSampler<? extends T> other);

  /**
   * Combines samplers of disjoint partitions at once; the same result as folding {@link #merge}.
   *
   * @param samplers at least one sampler
   * @param <T> the item type
   * @return a new sampler with the smallest k among them
   * @throws IllegalArgumentException if {@code samplers} is empty or two drew from the same stream
   */
  static <T> ReservoirSampler<T> mergeAll(Collection<? extends ReservoirSampler<? extends T>> samplers) {
    return ObjectReservoir.mergeAll(samplers);
  }

  /**
   * The whole state (random stream included): a restored sampler continues exactly as this one
   * would. Format {@code mlsys.sampling.reservoir}, version 1.
   *
   * @param serializer writes each sampled item
   * @return the bytes
   */
  byte[] toBytes(ItemSerializer<? super T> serializer);

  /**
   * @param bytes what {@link #toBytes} wrote
   * @param serializer reads each item
   * @param <T> the item type
   * @return the restored sampler
   * @throws dev.mlsys.api.CorruptArtifactException if the bytes are not a reservoir of a known
   *     version, or are truncated or inconsistent
   */
  static <T> ReservoirSampler<T> fromBytes(byte[] bytes, ItemSerializer<? extends T> serializer) {
    return ObjectReservoir.fromBytes(bytes, serializer);
  }

  /**
   * How to build a {@link ReservoirSampler}: an immutable value, every call returns a new builder,
   * so one can be kept in a {@code static final} and built once per partition.
   *
   * @param <T> the item type
   */
  final class Builder<T> {
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

    /**
     * @param seed the seed; the default is 0
     * @return a builder with this seed
     */
    public Builder<T> seed(long seed) {
      return new Builder<>(k, seed, partition);
    }

    /**
     * @param partition the index of the partition this sampler will see (any long, distinct per
     *     partition); the default is 0
     * @return a builder for that partition
     */
    public Builder<T> partition(long partition) {
      return new Builder<>(k, seed, partition);
    }

    /**
     * @param <U> the item type, inferred from the assignment
     * @return a new, empty sampler
     */
    public <U extends T> ReservoirSampler<U> build() {
      return ObjectReservoir.create(k, seed, partition);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "reservoir(k=%d, seed=%d, partition=%d)", k, seed, partition);
    }
  }
}
