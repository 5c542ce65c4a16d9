package dev.mlsys.data.sampling;

import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The k smallest keys seen so far, as a binary max-heap of slot numbers: the largest kept key (the
 * threshold a newcomer must beat) is at the root. Items live in the subclass's arrays, indexed by
 * slot, and never move; only slot numbers move in the heap.
 *
 * <p>Not thread-safe.
 */
abstract class KeyHeap {
  final int k;
  double[] keys;
  int[] heap;
  int size;

  KeyHeap(int k, int initialCapacity) {
    this.k = k;
    int cap = Math.max(1, Math.min(k, initialCapacity));
    keys = new double[cap];
    heap = new int[cap];
  }

  /** Grows the subclass's item storage to {@code capacity} slots. */
  abstract void growItems(int capacity);

  final boolean full() {
    return size == k;
  }

  /** @return the largest kept key; only when size > 0 */
  final double threshold() {
    return keys[heap[0]];
  }

  /** Adds a key while size < k; @return its slot */
  final int push(double key) {
    if (size == keys.length) {
      int cap = (int) Math.min(k, Math.max(16L, 2L * keys.length));
      keys = java.util.Arrays.copyOf(keys, cap);
      heap = java.util.Arrays.copyOf(heap, cap);
      growItems(cap);
    }
    int slot = size;
    keys[slot] = key;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[heap[parent]] >= key) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = slot;
    return slot;
  }

  /** Gives the root's slot the smaller key {@code key}; @return that slot, whose item is evicted */
  final int replaceTop(double key) {
    int slot = heap[0];
    keys[slot] = key;
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && keys[heap[right]] > keys[heap[child]]) {
        child = right;
      }
      if (keys[heap[child]] <= key) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = slot;
    return slot;
  }

  /**
   * Offers a key from a merge: kept if there is room or it beats the threshold.
   *
   * @return the slot to store its item in, or -1 if the key is not kept
   */
  final int offer(double key) {
    if (size < k) {
      return push(key);
    }
    if (key < keys[heap[0]]) {
      return replaceTop(key);
    }
    return -1;
  }

  /** Reads or writes the item of one slot; the items live in the subclass. */
  interface SlotItem {
    void apply(int slot) throws IOException;
  }

  /** Writes the size, then every kept key followed by its item, in increasing key order. */
  final void writeKeys(DataOutput out, SlotItem item) throws IOException {
    out.writeInt(size);
    for (int slot : slotsInKeyOrder()) {
      out.writeDouble(keys[slot]);
      item.apply(slot);
    }
  }

  /** @return the items of the occupied slots in increasing key order; an unmodifiable list */
  @SuppressWarnings("unchecked")
  final <T> List<T> inKeyOrder(Object[] items) {
    int[] order = slotsInKeyOrder();
    Object[] out = new Object[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = items[order[i]];
    }
    return Collections.unmodifiableList((List<T>) Arrays.asList(out));
  }

  /** @return the occupied slots in increasing key order (heapsort of a copy) */
  final int[] slotsInKeyOrder() {
    int n = size;
    int[] h = java.util.Arrays.copyOf(heap, n);
    for (int end = n - 1; end > 0; end--) {
      int top = h[0];
      h[0] = h[end];
      h[end] = top;
      int slot = h[0];
      double key = keys[slot];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= end) {
          break;
        }
        int right = child + 1;
        if (right < end && keys[h[right]] > keys[h[child]]) {
          child = right;
        }
        if (keys[h[child]] <= key) {
          break;
        }
        h[i] = h[child];
        i = child;
      }
      h[i] = slot;
    }
    return h;
  }
}
