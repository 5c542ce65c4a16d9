package dev.mlsys.data.sampling;

/**
 * A uniform reservoir kept as the k items with the smallest of independent Uniform(0, 1) keys,
 * advanced with the skips of Algorithm L (Li, "Reservoir-sampling algorithms of time complexity
 * O(n(1 + log(N/n)))", ACM TOMS 20(4), 1994): with threshold W (the largest kept key), the number
 * of items passed over before the next one whose key is below W is Geometric(W), and that item's
 * key is Uniform(0, W). Keeping the keys (Li's algorithm forgets them) costs one double per slot
 * and makes merge a deterministic selection of the k smallest keys of both reservoirs, which has
 * exactly the distribution of one reservoir over both streams.
 *
 * <p>Not thread-safe.
 */
abstract class UniformReservoir extends KeyHeap {
  final SplitMix64 rng;
  long count;
  /**
   * Items still to pass over before the next one enters: 0 while filling, -1 when full but not
   * yet drawn (after a merge), so that merging itself draws no random number.
   */
  long skip;

  UniformReservoir(int k, SplitMix64 rng) {
    super(k, 16);
    this.rng = rng;
  }

  /**
   * Decides for an item already counted, when {@code skip <= 0}.
   *
   * @return the slot to store it in, or -1 if it is passed over
   */
  final int admit() {
    if (skip < 0) {
      skip = rng.nextGeometric(threshold());
      if (skip > 0) {
        skip--;
        return -1;
      }
    }
    if (size < k) {
      int slot = push(rng.nextDouble());
      if (size == k) {
        skip = rng.nextGeometric(threshold());
      }
      return slot;
    }
    int slot = replaceTop(threshold() * rng.nextDouble());
    skip = rng.nextGeometric(threshold());
    return slot;
  }

  /** After merging or restoring: the next skip is drawn when the next item arrives. */
  final void resume() {
    skip = full() ? -1 : 0;
  }
}
