package dev.mlsys.eval.behavior;

/** SplitMix64 seed mixing, so that nearby seeds and case numbers give independent streams. */
final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private Seeds() {}

  /** @return a well-mixed seed for case {@code index} of a test seeded with {@code seed} (Steele et al. 2014) */
  static long mix(long seed, long index) {
    long z = seed + (index + 1) * GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
