package dev.mlsys.data.sampling;

import java.util.Collection;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

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
  public static <T> StratifiedSampler.Builder<T> stratified(Function<? super T, ?> stratumOf) {
    return new StratifiedSampler.Builder<>(stratumOf, null, 0, java.util.Map.of(), 0L, 0L);
  }

  /**
   * Importance sampling: {@code draws} draws with replacement from the proposal, each with its
   * importance weight for the target (uniform by default; set it with {@code .target(f)}).
   *
   * @param draws the number of draws n, {@code >= 1}
   * @param proposal the proposal weight of each item (unnormalised, finite, {@code >= 0})
   * @param <T> the item type
   * @return a builder
   * @throws IllegalArgumentException if {@code draws < 1}
   */
  public static <T> ImportanceSampler.Builder<T> importance(int draws, ToDoubleFunction<? super T> proposal) {
    return new ImportanceSampler.Builder<>(draws, proposal, null, 0L, 0L);
  }

  /**
   * Deterministic hash sampling: keep an item iff the hash of its key and the seed falls below
   * {@code rate}; the same keys on every machine and run, nested across rates.
   *
   * @param rate the fraction of keys to keep, in [0, 1]
   * @param keyOf each item's key: text, an integral boxed number, a UUID or a byte array
   * @param <T> the item type
   * @return a builder
   * @throws IllegalArgumentException if the rate is outside [0, 1]
   */
  public static <T> HashSampler.Builder<T> hash(double rate, Function<? super T, ?> keyOf) {
    return new HashSampler.Builder<>(keyOf, rate, 0L);
  }

  /**
   * Simple random sampling without replacement of exactly {@code k} members of a population of
   * known size (Floyd's algorithm).
   *
   * @param k the sample size, {@code >= 0}
   * @return the sampler, with seed 0; {@code .seed(s)} gives another
   * @throws IllegalArgumentException if {@code k < 0}
   */
  public static SimpleRandomSampler simpleRandom(int k) {
    return new SimpleRandomSampler(k, 0L);
  }

  /**
   * Bernoulli sampling: each item independently with probability {@code p}, with geometric skips.
   *
   * @param p the inclusion probability, in [0, 1]
   * @return a builder
   * @throws IllegalArgumentException if p is outside [0, 1]
   */
  public static BernoulliSampler.Builder bernoulli(double p) {
    return new BernoulliSampler.Builder(p, 0L, 0L);
  }

  /**
   * Poisson sampling with replacement: each item appears Poisson({@code rate}) times.
   *
   * @param rate the expected number of copies per item, in [0, 64]
   * @return a builder
   * @throws IllegalArgumentException if the rate is outside [0, 64]
   */
  public static PoissonSampler.Builder poisson(double rate) {
    return new PoissonSampler.Builder(rate, 0L, 0L);
  }

  /**
   * Convenience sampling, the first {@code n} items (biased: see
   * {@link NonProbabilitySampler.Method#CONVENIENCE}).
   *
   * @param n how many items to take, {@code >= 1}
   * @param <T> the item type
   * @return a new sampler
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static <T> NonProbabilitySampler<T> convenience(int n) {
    return NonProbabilitySampler.convenience(n);
  }

  /**
   * Quota sampling, the first {@code perGroup} items of each group (biased: see
   * {@link NonProbabilitySampler.Method#QUOTA}).
   *
   * @param groupOf each item's group (not null)
   * @param perGroup the quota of every group, {@code >= 1}
   * @param <T> the item type
   * @return a new sampler
   * @throws IllegalArgumentException if {@code perGroup < 1}
   */
  public static <T> NonProbabilitySampler<T> quota(Function<? super T, ?> groupOf, int perGroup) {
    return NonProbabilitySampler.quota(groupOf, perGroup);
  }

  /**
   * Judgment sampling, the items an expert's rule selects (biased: see
   * {@link NonProbabilitySampler.Method#JUDGMENT}).
   *
   * @param rule which items to take
   * @param <T> the item type
   * @return a new sampler
   */
  public static <T> NonProbabilitySampler<T> judgment(Predicate<? super T> rule) {
    return NonProbabilitySampler.judgment(rule);
  }

  /**
   * Snowball sampling from seed items through a neighbour function (biased: see
   * {@link SnowballSampler}).
   *
   * @param seeds the items to start from
   * @param neighbours each item's neighbours (not null)
   * @param <T> the item type
   * @return the sampler, without limits on waves or size until set
   */
  public static <T> SnowballSampler<T> snowball(Collection<? extends T> seeds,
      Function<? super T, ? extends Collection<? extends T>> neighbours) {
    return new SnowballSampler<>(seeds, neighbours, Integer.MAX_VALUE, Integer.MAX_VALUE);
  }
}
