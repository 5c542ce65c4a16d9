package dev.mlsys.data.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Poisson sampling with replacement: every item appears Poisson(rate) times, independently (the
 * with-replacement sampling of Spark's {@code sample(true, rate)}, and the Poisson bootstrap at
 * rate 1). The expected sample size is rate * n. The sampler draws the Geometric(1 - e^-rate) gap
 * to the next item that appears at all, then its zero-truncated Poisson count, so items that do not
 * appear cost a counter.
 *
 * <pre>{@code
 * PoissonSampler bootstrap = Samplers.poisson(1.0).seed(7).build();
 * for (Row row : rows) { for (int c = bootstrap.next(); c > 0; c--) resample.add(row); }
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one sampler per thread (give each its own
 * {@code partition(i)}).
 */
public final class PoissonSampler {
  /** Above this, e^-rate and the inversion lose precision; no sampling use needs more. */
  static final double MAX_RATE = 64.0;

  private final double rate;
  private final double pAny;
  private final SplitMix64 rng;
  private long gap = -1;
  private long seen;
  private long sampled;

  PoissonSampler(double rate, long seed, long partition) {
    this.rate = rate;
    this.pAny = -Math.expm1(-rate);
    this.rng = new SplitMix64(SplitMix64.streamStart(seed, partition));
  }

  /**
   * Decides for the next item of the stream.
   *
   * @return how many times it appears in the sample, usually 0
   */
  public int next() {
    if (gap < 0) {
      gap = rng.nextGeometric(pAny);
    }
    seen++;
    if (gap > 0) {
      gap--;
      return 0;
    }
    gap = rng.nextGeometric(pAny);
    int c = truncatedPoisson();
    sampled += c;
    return c;
  }

  /** Poisson(rate) conditioned on >= 1, by inversion: P(c) = e^-r r^c / (c! (1 - e^-r)). */
  private int truncatedPoisson() {
    double u = rng.nextDouble() * pAny;
    double pmf = Math.exp(-rate) * rate;
    int c = 1;
    double cdf = pmf;
    while (u >= cdf && pmf > 0) {
      c++;
      pmf *= rate / c;
      cdf += pmf;
    }
    return c;
  }

  /**
   * Treats the list as the next items of the stream.
   *
   * @param items the next items
   * @param <T> the item type
   * @return the sample: each item repeated as many times as it appears, in order
   */
  public <T> List<T> sample(List<? extends T> items) {
    List<T> out = new ArrayList<>();
    for (T item : items) {
      for (int c = next(); c > 0; c--) {
        out.add(item);
      }
    }
    return out;
  }

  /** @return the number of items decided so far */
  public long seen() {
    return seen;
  }

  /** @return the total number of copies drawn so far */
  public long sampled() {
    return sampled;
  }

  /** @return the expected number of copies per item */
  public double rate() {
    return rate;
  }

  /** How to build a {@link PoissonSampler}; an immutable value. */
  public static final class Builder {
    private final double rate;
    private final long seed;
    private final long partition;

    Builder(double rate, long seed, long partition) {
      if (!(rate >= 0.0 && rate <= MAX_RATE)) {
        throw new IllegalArgumentException("rate must be in [0, 64] but was: " + rate);
      }
      this.rate = rate;
      this.seed = seed;
      this.partition = partition;
    }

    /** @param seed the seed, default 0 @return a builder with this seed */
    public Builder seed(long seed) {
      return new Builder(rate, seed, partition);
    }

    /** @param partition this sampler's partition index, default 0 @return a builder for it */
    public Builder partition(long partition) {
      return new Builder(rate, seed, partition);
    }

    /** @return a new sampler */
    public PoissonSampler build() {
      return new PoissonSampler(rate, seed, partition);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "poisson(rate=%s, seed=%d, partition=%d)", rate, seed, partition);
    }
  }
}
