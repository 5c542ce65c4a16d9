package dev.mlsys.data.sampling;

/**
 * The entry point of mlsys sampling: a static factory for every sampler.
 *
 * <pre>{@code
 * ReservoirSampler<Row> r = Samplers.<Row>reservoir(1000).seed(42).build();
 * }</pre>
 *
 * <p>Every factory validates its arguments at once and returns an immutable builder or
 * specification. Samplers that draw random numbers take a {@code seed} (default 0) and, where they
 * can be merged, a {@code partition} index; see {@link ReservoirSampler} for how seeds, partitions
 * and merge combine.
 */
public final class Samplers {
  private Samplers() {}

  /**
   * A uniform reservoir of {@code k} items (Algorithm L with keys; mergeable).
   *
   * @param k the sample size, {@code >= 1}
   * @param <T> the item type
   * @return a builder
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static <T> ReservoirSampler.Builder<T> reservoir(int k) {
    return new ReservoirSampler.Builder<>(k, 0L, 0L);
  }

  /**
   * A uniform reservoir of {@code k} primitive longs (row numbers, ids), with a bulk path that
   * touches only the values that enter the sample.
   *
   * @param k the sample size, {@code >= 1}
   * @return a builder
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static LongReservoirSampler.Builder longReservoir(int k) {
    return new LongReservoirSampler.Builder(k, 0L, 0L);
  }

  /**
   * A weighted reservoir of {@code k} items (A-ExpJ with A-Res semantics; mergeable).
   *
   * @param k the sample size, {@code >= 1}
   * @param <T> the item type
   * @return a builder
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static <T> WeightedReservoirSampler.Builder<T> weightedReservoir(int k) {
    return new WeightedReservoirSampler.Builder<>(k, 0L, 0L);
  }

  /**
   * A stratified sampler; choose {@code perStratum(n)}, {@code proportional(total)} or
   * {@code allocation(map)} on the builder.
   *
   * @param stratumOf gives each item's stratum (not null for any item)
   * @param <T> the item type
   * @return a builder
   */
  public static <T> StratifiedSampler.Builder<T> stratified(java.util.function.Function<? super T, ?> stratumOf) {
    return new StratifiedSampler.Builder<>(stratumOf, null, 0, java.util.Map.of(), 0L, 0L);
  }
}
