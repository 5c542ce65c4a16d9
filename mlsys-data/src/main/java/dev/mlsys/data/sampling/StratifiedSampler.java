package dev.mlsys.data.sampling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Stratified sampling in one pass: items are grouped into strata by a caller-given function and a
 * uniform sample is drawn within each stratum, independently.
 *
 * <pre>{@code
 * StratifiedSampler<Row> s = Samplers.<Row>stratified(r -> r.get("country")).proportional(10_000).seed(7).build();
 * rows.forEach(s::add);
 * Map<Object, List<Row>> byCountry = s.sample();
 * }</pre>
 *
 * <p>Three allocations:
 * <ul>
 *   <li>{@code perStratum(n)}: min(n, N_h) items from every stratum h of N_h items.
 *   <li>{@code proportional(total)}: exactly min(total, N) items in all, shared out in proportion
 *       to the observed stratum sizes N_h by largest-remainder rounding (every stratum gets the
 *       floor or the ceiling of total * N_h / N; ties to the larger stratum, then in random order).
 *       As the final N_h are known only at the end, each stratum keeps up to min(total, N_h)
 *       items, so memory is O(total * strata) in the worst case.
 *   <li>{@code allocation(map)}: the caller's size per stratum; strata missing from the map are
 *       counted (see {@link #counts()}) but not sampled.
 * </ul>
 *
 * <p>Within a stratum the sample is a uniform reservoir ({@link ReservoirSampler}); seeds,
 * partitions and {@link #merge} work the same way, stratum by stratum, and the merged sampler is
 * distributed exactly as one that saw every partition. The stratum function must give equal
 * ({@link Object#equals}) values for items of one stratum; it may not return null.
 *
 * <p>Thread-safety: not thread-safe; confine to one thread and combine parallel work with
 * {@link #merge}.
 *
 * @param <T> the item type
 */
public sealed interface StratifiedSampler<T> permits Stratified {

  /**
   * @param item the next item
   * @throws IllegalArgumentException if the stratum function returns null for it (nothing changes)
   */
  void add(T item);

  /** @return the number of items offered so far, over all strata */
  long count();

  /** @return stratum to the number of items it was offered, in order of first appearance */
  Map<Object, Long> counts();

  /**
   * @return stratum to the number of items {@link #sample()} gives it now; for proportional
   *     allocation the values add up to exactly min(total, count())
   */
  Map<Object, Integer> allocation();

  /**
   * @return stratum to its sampled items (unmodifiable; in random order), for every stratum seen,
   *     in order of first appearance
   */
  Map<Object, List<T>> sample();

  /**
   * @param other a sampler of another partition, built with the same allocation
   * @return a new sampler distributed as one that saw both streams; it uses this sampler's
   *     stratum function
   * @throws IllegalArgumentException if the allocations differ or both drew from the same stream
   */
  StratifiedSampler<T> merge(StratifiedSampler<? extends T> other);

  /**
   * @param items writes each sampled item
   * @param strata writes each stratum value (for example {@link ItemSerializer#strings()})
   * @return the whole state; format {@code mlsys.sampling.stratified}, version 1
   * @throws IllegalArgumentException if the strata serializer cannot write a stratum value
   */
  byte[] toBytes(ItemSerializer<? super T> items, ItemSerializer<?> strata);

  /**
   * @param bytes what {@link #toBytes} wrote
   * @param items reads each item
   * @param strata reads each stratum value
   * @param stratumOf the stratum function for items added from now on (functions are not
   *     serialized)
   * @param <T> the item type
   * @return the restored sampler
   * @throws dev.mlsys.api.CorruptArtifactException if the bytes are not a stratified sampler of
   *     a known version, or are truncated or inconsistent
   */
  static <T> StratifiedSampler<T> fromBytes(byte[] bytes, ItemSerializer<? extends T> items,
      ItemSerializer<?> strata, Function<? super T, ?> stratumOf) {
    return Stratified.fromBytes(bytes, items, strata, stratumOf);
  }

  /**
   * How to build a {@link StratifiedSampler}: an immutable value. Choose exactly one allocation.
   *
   * @param <T> the item type
   */
  final class Builder<T> {
    private final Function<? super T, ?> stratumOf;
    private final Stratified.Mode mode;
    private final int size;
    private final Map<Object, Integer> allocation;
    private final long seed;
    private final long partition;

    Builder(Function<? super T, ?> stratumOf, Stratified.Mode mode, int size,
        Map<Object, Integer> allocation, long seed, long partition) {
      this.stratumOf = Objects.requireNonNull(stratumOf, "stratumOf");
      this.mode = mode;
      this.size = size;
      this.allocation = allocation;
      this.seed = seed;
      this.partition = partition;
    }

    private void requireNoAllocation(String method) {
      if (mode != null) {
        throw new IllegalStateException("the allocation is already chosen (" + describe()
            + "); cannot also use " + method);
      }
    }

    private String describe() {
      return switch (mode) {
        case PER_STRATUM -> "perStratum(" + size + ")";
        case PROPORTIONAL -> "proportional(" + size + ")";
        case ALLOCATION -> "allocation(" + allocation + ")";
      };
    }

    /**
     * @param n the sample size of every stratum, {@code >= 1}
     * @return a builder with this allocation
     * @throws IllegalArgumentException if {@code n < 1}
     * @throws IllegalStateException if an allocation was already chosen
     */
    public Builder<T> perStratum(int n) {
      requireNoAllocation("perStratum(" + n + ")");
      if (n < 1) {
        throw new IllegalArgumentException("n must be >= 1 but was: " + n);
      }
      return new Builder<>(stratumOf, Stratified.Mode.PER_STRATUM, n, Map.of(), seed, partition);
    }

    /**
     * @param total the total sample size, {@code >= 1}, shared in proportion to stratum sizes
     * @return a builder with this allocation
     * @throws IllegalArgumentException if {@code total < 1}
     * @throws IllegalStateException if an allocation was already chosen
     */
    public Builder<T> proportional(int total) {
      requireNoAllocation("proportional(" + total + ")");
      if (total < 1) {
        throw new IllegalArgumentException("total must be >= 1 but was: " + total);
      }
      return new Builder<>(stratumOf, Stratified.Mode.PROPORTIONAL, total, Map.of(), seed, partition);
    }

    /**
     * @param sizes stratum value to its sample size ({@code >= 0}); copied
     * @return a builder with this allocation
     * @throws IllegalArgumentException if a size is negative or a key or size is null
     * @throws IllegalStateException if an allocation was already chosen
     */
    public Builder<T> allocation(Map<?, Integer> sizes) {
      requireNoAllocation("allocation(" + sizes + ")");
      Map<Object, Integer> copy = new LinkedHashMap<>();
      for (Map.Entry<?, Integer> e : sizes.entrySet()) {
        if (e.getKey() == null || e.getValue() == null || e.getValue() < 0) {
          throw new IllegalArgumentException("allocation of stratum " + e.getKey()
              + " must be a non-null size >= 0 but was: " + e.getValue());
        }
        copy.put(e.getKey(), e.getValue());
      }
      return new Builder<>(stratumOf, Stratified.Mode.ALLOCATION, 0,
          Collections.unmodifiableMap(copy), seed, partition);
    }

    /** @param seed the seed, default 0 @return a builder with this seed */
    public Builder<T> seed(long seed) {
      return new Builder<>(stratumOf, mode, size, allocation, seed, partition);
    }

    /** @param partition this sampler's partition index, default 0 @return a builder for it */
    public Builder<T> partition(long partition) {
      return new Builder<>(stratumOf, mode, size, allocation, seed, partition);
    }

    /**
     * @param <U> the item type, inferred from the assignment
     * @return a new, empty sampler
     * @throws IllegalStateException if no allocation was chosen
     */
    public <U extends T> StratifiedSampler<U> build() {
      if (mode == null) {
        throw new IllegalStateException(
            "choose an allocation before build(): perStratum(n), proportional(total) or allocation(map)");
      }
      Lineage lineage = Lineage.of(seed, partition);
      return new Stratified<U>(stratumOf, mode, size, allocation, new SplitMix64(lineage.stream), lineage);
    }

    @Override
    public String toString() {
      return "stratified(" + (mode == null ? "no allocation" : describe()) + ", seed=" + seed
          + ", partition=" + partition + ")";
    }
  }
}
