package dev.mlsys.data.sampling;

import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Importance sampling from a stream: n draws with replacement from a proposal distribution q
 * (proportional to a caller-given proposal weight), each returned with its importance weight
 * p(x) / q(x) for a target distribution p (proportional to a caller-given target weight; uniform
 * over the items by default, so estimates are of the population mean). Both are normalised over the
 * items seen, so the weights are exact and {@link ImportanceSample#mean} is unbiased.
 *
 * <pre>{@code
 * // oversample the rare class, then estimate the population mean of a metric without bias
 * ImportanceSampler<Row> s = Samplers.<Row>importance(1000, r -> r.isFraud() ? 50.0 : 1.0).seed(3).build();
 * rows.forEach(s::add);
 * ImportanceSample<Row> sample = s.sample();
 * double mean = sample.mean(Row::amount), se = sample.standardError(Row::amount);
 * }</pre>
 *
 * <p>Every item with positive target weight must have positive proposal weight (otherwise no
 * estimate can be unbiased): {@link #add} rejects one that does not. Weights must be finite and
 * {@code >= 0}.
 *
 * <p>Each of the n draws is an independent weighted reservoir of one item, advanced with the
 * exponential jumps of A-ExpJ (Efraimidis and Spirakis, IPL 97(5), 2006), so a stream of N items
 * costs O(N + n log N). Seeds, partitions and {@link #merge} work as for
 * {@link ReservoirSampler}: merge keeps, draw by draw, the smaller key, and is exact.
 *
 * <p>Thread-safety: not thread-safe; confine to one thread and combine parallel work with
 * {@link #merge}.
 *
 * @param <T> the item type
 */
public sealed interface ImportanceSampler<T> permits ImportanceReservoir {

  /**
   * @param item the next item
   * @throws IllegalArgumentException if a weight is negative, NaN or infinite, or the proposal
   *     weight is 0 where the target weight is positive (nothing changes)
   */
  void add(T item);

  /** @return the number of items offered so far */
  long count();

  /**
   * @return the draws with their weights, normalised over every item seen so far
   * @throws IllegalStateException if items were seen but none has positive target weight
   */
  ImportanceSample<T> sample();

  /**
   * @param other a sampler of another partition with the same number of draws
   * @return a new sampler distributed as one that saw both streams (with this one's weight
   *     functions)
   * @throws IllegalArgumentException if the numbers of draws differ or both drew from the same
   *     random stream
   */
  ImportanceSampler<T> merge(ImportanceSampler<? extends T> other);

  /**
   * @param serializer writes one item
   * @return the whole state; format {@code mlsys.sampling.importance}, version 1. The weight
   *     functions are code, not state: give the same ones to {@link #fromBytes}.
   */
  byte[] toBytes(ItemSerializer<? super T> serializer);

  /**
   * Restores a sampler that continues exactly where the one that wrote the bytes stopped, given
   * the same weight functions.
   *
   * @param bytes what {@link #toBytes} wrote
   * @param serializer reads one item
   * @param proposal the proposal weight function the sampler was built with
   * @param target its target weight function, or null for the default (every item weight 1)
   * @param <T> the item type
   * @return the sampler
   * @throws dev.mlsys.api.CorruptArtifactException if the bytes are truncated, of another format
   *     or version, or describe an impossible state
   */
  static <T> ImportanceSampler<T> fromBytes(byte[] bytes, ItemSerializer<? extends T> serializer,
      ToDoubleFunction<? super T> proposal, ToDoubleFunction<? super T> target) {
    return ImportanceReservoir.fromBytes(bytes, serializer, proposal, target);
  }

  /**
   * How to build an {@link ImportanceSampler}; an immutable value.
   *
   * @param <T> the item type
   */
  final class Builder<T> {
    private final int draws;
    private final ToDoubleFunction<? super T> proposal;
    private final ToDoubleFunction<? super T> target;
    private final long seed;
    private final long partition;

    Builder(int draws, ToDoubleFunction<? super T> proposal, ToDoubleFunction<? super T> target,
        long seed, long partition) {
      if (draws < 1) {
        throw new IllegalArgumentException("draws must be >= 1 but was: " + draws);
      }
      this.draws = draws;
      this.proposal = Objects.requireNonNull(proposal, "proposal");
      this.target = target;
      this.seed = seed;
      this.partition = partition;
    }

    /**
     * @param target the target weight of each item (unnormalised, finite, {@code >= 0}); the
     *     default gives every item weight 1
     * @return a builder with this target
     */
    public Builder<T> target(ToDoubleFunction<? super T> target) {
      return new Builder<>(draws, proposal, Objects.requireNonNull(target, "target"), seed, partition);
    }

    /** @param seed the seed, default 0 @return a builder with this seed */
    public Builder<T> seed(long seed) {
      return new Builder<>(draws, proposal, target, seed, partition);
    }

    /** @param partition this sampler's partition index, default 0 @return a builder for it */
    public Builder<T> partition(long partition) {
      return new Builder<>(draws, proposal, target, seed, partition);
    }

    /** @param <U> the item type, inferred @return a new, empty sampler */
    public <U extends T> ImportanceSampler<U> build() {
      return new ImportanceReservoir<U>(draws, proposal, target, Lineage.of(seed, partition));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "importance(draws=%d, seed=%d, partition=%d)", draws, seed, partition);
    }
  }
}
