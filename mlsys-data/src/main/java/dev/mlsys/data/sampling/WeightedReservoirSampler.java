package dev.mlsys.data.sampling;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A weighted sample of fixed size k from a stream of unknown length, with the semantics of
 * A-Res (Efraimidis and Spirakis, IPL 97(5), 2006): the sample is distributed as k successive
 * draws without replacement, each item drawn with probability proportional to its weight among
 * the items not yet drawn. For an ordered outcome (i1, ..., ik) of a population of total weight W,
 * P = w_i1 / W * w_i2 / (W - w_i1) * ... ; {@link #sample()} returns the items in that draw order.
 *
 * <pre>{@code
 * WeightedReservoirSampler<Order> r = Samplers.<Order>weightedReservoir(500).seed(42).build();
 * orders.forEach(o -> r.add(o, o.amount()));
 * List<Order> sample = r.sample();
 * }</pre>
 *
 * <p>The algorithm is A-ExpJ (exponential jumps): only O(k log(n / k)) items draw random numbers;
 * the others cost a subtraction. Each item's key is kept, so {@link #merge} is a deterministic
 * selection of the k smallest keys: exact, commutative and associative. Seeds, partitions and
 * merge work as for {@link ReservoirSampler} (same seed, {@code partition(i)} per partition,
 * merge in any order).
 *
 * <p>Weights: a weight must be finite and {@code >= 0}. An item of weight 0 is counted but never
 * sampled (its chance to be drawn is 0 at every step). A negative, NaN or infinite weight is
 * rejected with an {@link IllegalArgumentException} before the sampler changes. Weights are
 * compared on the scale given, so very small positive weights (below about 1e-300) may make keys
 * overflow to infinity; rescale such weights.
 *
 * <p>Items may be null and are never inspected. Thread-safety: not thread-safe; confine to one
 * thread and combine parallel work with {@link #merge}.
 *
 * @param <T> the item type
 */
public sealed interface WeightedReservoirSampler<T> permits ExpJReservoir {

  /**
   * @param item the next item; may be null
   * @param weight its weight, finite and {@code >= 0}
   * @throws IllegalArgumentException if the weight is negative, NaN or infinite
   */
  void add(T item, double weight);

  /** @return the number of items offered so far, including weight-0 items and merged samplers' */
  long count();

  /** @return the sum of the weights offered so far */
  double totalWeight();

  /** @return the sample size k */
  int k();

  /**
   * @return the sampled items (at most k; fewer if fewer items of positive weight were seen),
   *     unmodifiable, in draw order
   */
  List<T> sample();

  /**
   * @param other a sampler of another partition
   * @return a new sampler distributed as one that saw both streams, with the smaller k
   * @throws IllegalArgumentException if both drew from the same random stream
   */
  WeightedReservoirSampler<T> merge(WeightedReservoirSampler<? extends T> other);

  /**
   * @param samplers at least one sampler of disjoint partitions
   * @param <T> the item type
   * @return the same as folding {@link #merge}
   * @throws IllegalArgumentException if {@code samplers} is empty or two drew from the same stream
   */
  static <T> WeightedReservoirSampler<T> mergeAll(
      Collection<? extends WeightedReservoirSampler<? extends T>> samplers) {
    return ExpJReservoir.mergeAll(samplers);
  }

  /**
   * @param serializer writes each sampled item
   * @return the whole state; format {@code mlsys.sampling.weighted-reservoir}, version 1
   */
  byte[] toBytes(ItemSerializer<? super T> serializer);

  /**
   * @param bytes what {@link #toBytes} wrote
   * @param serializer reads each item
   * @param <T> the item type
   * @return the restored sampler
   * @throws dev.mlsys.api.CorruptArtifactException if the bytes are not a weighted reservoir of a
   *     known version, or are truncated or inconsistent
   */
  static <T> WeightedReservoirSampler<T> fromBytes(byte[] bytes, ItemSerializer<? extends T> serializer) {
    return ExpJReservoir.fromBytes(bytes, serializer);
  }

  /**
   * How to build a {@link WeightedReservoirSampler}; an immutable value.
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

    /** @param seed the seed, default 0 @return a builder with this seed */
    public Builder<T> seed(long seed) {
      return new Builder<>(k, seed, partition);
    }

    /** @param partition this sampler's partition index, default 0 @return a builder for it */
    public Builder<T> partition(long partition) {
      return new Builder<>(k, seed, partition);
    }

    /** @param <U> the item type, inferred from the assignment @return a new, empty sampler */
    public <U extends T> WeightedReservoirSampler<U> build() {
      return ExpJReservoir.create(k, seed, partition);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "weightedReservoir(k=%d, seed=%d, partition=%d)", k, seed, partition);
    }
  }
}
