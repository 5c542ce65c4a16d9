package dev.mlsys.data.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bernoulli sampling: every item is kept independently with probability p, so the sample size is
 * Binomial(n, p). Rather than a random number per item, the sampler draws the Geometric(p) gap to
 * the next kept item (gap sampling, as in Spark's {@code sample(false, p)}), so it costs O(p n)
 * random numbers and a counter per item.
 *
 * <pre>{@code
 * BernoulliSampler b = Samplers.bernoulli(0.01).seed(7).build();
 * for (Row row : rows) { if (b.next()) out.add(row); }
 * // or, over a random-access list, touching only the kept items:
 * List<Row> sample = Samplers.bernoulli(0.01).seed(7).build().sample(rows);
 * }</pre>
 *
 * <p>Merge is not needed: a Bernoulli sample of the whole stream is the union of Bernoulli samples
 * of its parts (give each part its own {@code partition(i)}).
 *
 * <p>Thread-safety: not thread-safe; one sampler per thread.
 */
public final class BernoulliSampler {
  private final double p;
  private final SplitMix64 rng;
  /** Items still to pass before the next kept one; -1 before the first draw. */
  private long gap = -1;
  private long seen;
  private long sampled;

  BernoulliSampler(double p, long seed, long partition) {
    this.p = p;
    this.rng = new SplitMix64(SplitMix64.streamStart(seed, partition));
  }

  /**
   * Decides for the next item of the stream.
   *
   * @return true if it is in the sample
   */
  public boolean next() {
    if (gap < 0) {
      gap = rng.nextGeometric(p);
    }
    seen++;
    if (gap > 0) {
      gap--;
      return false;
    }
    gap = rng.nextGeometric(p);
    sampled++;
    return true;
  }

  /**
   * Jumps to the next kept item: the number of items to drop before it (all counted as seen, as is
   * the kept item itself). {@code Long.MAX_VALUE} when p = 0.
   *
   * @return how many items to pass over before the next kept one
   */
  public long skip() {
    long g = gap < 0 ? rng.nextGeometric(p) : gap;
    gap = rng.nextGeometric(p);
    seen = g == Long.MAX_VALUE ? Long.MAX_VALUE : seen + g + 1;
    sampled++;
    return g;
  }

  /**
   * Treats the list as the next items of the stream and returns those kept, in order; only the
   * kept items are read when the list is random-access.
   *
   * @param items the next items
   * @param <T> the item type
   * @return the kept items, a new list
   */
  public <T> List<T> sample(List<? extends T> items) {
    List<T> out = new ArrayList<>();
    if (!(items instanceof java.util.RandomAccess)) {
      for (T item : items) {
        if (next()) {
          out.add(item);
        }
      }
      return out;
    }
    int n = items.size();
    int i = 0;
    while (i < n) {
      if (gap < 0) {
        gap = rng.nextGeometric(p);
      }
      if (gap >= n - i) {
        gap -= n - i;
        seen += n - i;
        return out;
      }
      i += (int) gap;
      seen += gap + 1;
      sampled++;
      out.add(items.get(i++));
      gap = rng.nextGeometric(p);
    }
    return out;
  }

  /** @return the number of items decided so far */
  public long seen() {
    return seen;
  }

  /** @return the number of items kept so far */
  public long sampled() {
    return sampled;
  }

  /** @return the inclusion probability p */
  public double rate() {
    return p;
  }

  /** How to build a {@link BernoulliSampler}; an immutable value. */
  public static final class Builder {
    private final double p;
    private final long seed;
    private final long partition;

    Builder(double p, long seed, long partition) {
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new IllegalArgumentException("p must be in [0, 1] but was: " + p);
      }
      this.p = p;
      this.seed = seed;
      this.partition = partition;
    }

    /** @param seed the seed, default 0 @return a builder with this seed */
    public Builder seed(long seed) {
      return new Builder(p, seed, partition);
    }

    /** @param partition this sampler's partition index, default 0 @return a builder for it */
    public Builder partition(long partition) {
      return new Builder(p, seed, partition);
    }

    /** @return a new sampler */
    public BernoulliSampler build() {
      return new BernoulliSampler(p, seed, partition);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "bernoulli(p=%s, seed=%d, partition=%d)", p, seed, partition);
    }
  }
}
