package dev.mlsys.data.sampling;

import static dev.mlsys.data.sampling.ByteFormat.check;

import java.io.DataInput;
import java.io.IOException;

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
  /** Admissions decided per {@link #admitBatch} call before their items are read. */
  static final int BATCH = 64;
  final SplitMix64 rng;
  long count;
  /**
   * The number (the value of {@code count} once counted) of the next item to enter; items with a
   * smaller number are passed over, so the per-item cost is one increment and one comparison. 0
   * while filling or pending.
   */
  long gate;
  /** Full, but the next skip is not drawn yet (after a merge), so merging draws no random number. */
  boolean pending;
  /**
   * The admissions of the last {@link #admitBatch} call: position {@code entered[j]} of the bulk
   * input goes to slot {@code enteredSlots[j]}, for j below {@code enteredCount}, in order.
   * Allocated on the first bulk call.
   */
  long[] entered;
  int[] enteredSlots;
  int enteredCount;

  UniformReservoir(int k, SplitMix64 rng) {
    super(k, 16);
    this.rng = rng;
  }

  /**
   * Decides for an item already counted (its number is {@code count}) that reached the gate.
   *
   * @return the slot to store it in, or -1 if it is passed over
   */
  final int admit() {
    if (pending) {
      pending = false;
      long skip = rng.nextGeometric(threshold());
      if (skip > 0) {
        gate = skip >= Long.MAX_VALUE - count ? Long.MAX_VALUE : count + skip;
        return -1;
      }
    }
    if (size < k) {
      int slot = push(rng.nextDouble());
      if (size == k) {
        drawGate();
      }
      return slot;
    }
    int slot = replaceTop(threshold() * rng.nextDouble());
    drawGate();
    return slot;
  }

  private void drawGate() {
    long skip = rng.nextGeometric(threshold());
    gate = skip >= Long.MAX_VALUE - count - 1 ? Long.MAX_VALUE : count + skip + 1;
  }

  /**
   * Counts the positions {@code [from, to)} of a bulk input, jumping over the passed ones, until
   * {@link #BATCH} of them entered the sample or the range ended; records each entering position
   * and its slot in {@link #entered} and {@link #enteredSlots}. The caller then stores the items
   * of the recorded positions in order. Deciding first and reading the items after keeps the
   * reads independent of each other, so the memory system serves many at once instead of one
   * cache miss after another (the entering positions of a large array are far apart).
   *
   * @return the position to continue from; {@code to} once the range is done
   */
  final long admitBatch(long from, long to) {
    if (entered == null) {
      entered = new long[BATCH];
      enteredSlots = new int[BATCH];
    }
    int n = 0;
    long i = from;
    while (i < to && n < BATCH) {
      long pass = passable();
      if (pass > 0) {
        long left = to - i;
        if (pass >= left) {
          count += left;
          i = to;
          break;
        }
        i += pass;
        count += pass;
      }
      count++;
      int slot = admit();
      if (slot >= 0) {
        entered[n] = i;
        enteredSlots[n++] = slot;
      }
      i++;
    }
    enteredCount = n;
    return i;
  }

  /** @return how many items to pass over before the next one is decided on (0 if it is) */
  final long passable() {
    long pass = gate - count - 1;
    return pass > 0 ? pass : 0;
  }

  /** After merging or restoring: the next skip is drawn when the next item arrives. */
  final void resume() {
    gate = 0;
    pending = full();
  }

  /** The skip in serialized form: -1 pending, 0 when filling or the next item enters, else the count to pass. */
  final long skipState() {
    return pending ? -1 : size < k ? 0 : gate - count - 1;
  }

  /**
   * Reads what {@link #writeKeys} wrote after the size: {@code size} keys, each followed by its
   * item, then restores the skip. Count must be restored first.
   */
  final void readKeys(DataInput in, int size, long skip, String format, SlotItem item) throws IOException {
    double previous = -1;
    for (int i = 0; i < size; i++) {
      double key = in.readDouble();
      check(key >= 0 && key < 1 && key >= previous, format,
          "keys must be increasing in [0, 1) but key " + i + " was: " + key);
      previous = key;
      item.apply(push(key));
    }
    restoreSkip(skip);
  }

  /** Restores from {@link #skipState()}; count and the keys must be restored first. */
  final void restoreSkip(long skip) {
    pending = skip < 0;
    gate = skip <= 0 && !full() || pending ? 0 : count + skip + 1;
  }
}
