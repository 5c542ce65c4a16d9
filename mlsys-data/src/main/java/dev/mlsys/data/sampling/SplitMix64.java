package dev.mlsys.data.sampling;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA
 * 2014), the generator inside {@link java.util.SplittableRandom}, with its 64-bit state exposed so
 * a sampler can serialize exactly where it is in its stream.
 *
 * <p>Every stream is a window of one sequence of period 2^64; streams start at mixed, effectively
 * random states, so two streams overlap within n draws only with probability about n / 2^63.
 *
 * <p>Not thread-safe; each sampler owns its generator.
 */
final class SplitMix64 {
  private static final long GAMMA = 0x9e3779b97f4a7c15L;

  private long state;

  SplitMix64(long state) {
    this.state = state;
  }

  long state() {
    return state;
  }

  /** The finalizer of SplitMix64 (Stafford's variant 13): a bijection that mixes every bit. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * The first state of the stream of a seed and a partition index. Seeds are mixed, so the seeds
   * 0, 1, 2 that people write in loops give unrelated streams.
   */
  static long streamStart(long seed, long partition) {
    return mix64(mix64(seed) + mix64(partition ^ 0x632be59bd9b4e019L));
  }

  long nextLong() {
    return mix64(state += GAMMA);
  }

  /** Uniform on [0, 1), 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform on (0, 1], 53 random bits: safe to take the logarithm of. */
  double nextOpenDouble() {
    return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
  }

  /** Uniform on [0, bound) for bound >= 1, without modulo bias. */
  long nextLong(long bound) {
    long r = nextLong();
    long m = bound - 1;
    if ((bound & m) == 0L) {
      return r & m;
    }
    // the rejection loop of java.util.SplittableRandom.nextLong(long): uniform for every bound
    for (long u = r >>> 1; u + m - (r = u % bound) < 0L; u = nextLong() >>> 1) {
      // retry
    }
    return r;
  }

  /** A standard exponential variate, Exp(1). */
  double nextExponential() {
    return -Math.log(nextOpenDouble());
  }

  /**
   * The number of failures before the first success in Bernoulli(p) trials, by inversion:
   * P(G >= m) = P(U <= (1 - p)^m) = (1 - p)^m. Saturates at {@link Long#MAX_VALUE}, which is
   * also the answer for p = 0.
   */
  long nextGeometric(double p) {
    if (p >= 1.0) {
      return 0L;
    }
    // (long) of +Infinity or of anything >= 2^63 is Long.MAX_VALUE
    return (long) Math.floor(Math.log(nextOpenDouble()) / Math.log1p(-p));
  }
}
