package dev.mlsys.serving;

import dev.mlsys.api.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last rows that reached a model, in a ring, to warm up a new version before it takes traffic.
 * Thread-safe; a snapshot taken during writes may miss the newest rows.
 */
final class RecentRows {
  private final AtomicReferenceArray<Row> ring;
  private final AtomicLong next = new AtomicLong();

  RecentRows(int capacity) {
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  void add(Row row) {
    ring.lazySet((int) (next.getAndIncrement() % ring.length()), row);
  }

  List<Row> snapshot() {
    List<Row> out = new ArrayList<>(ring.length());
    for (int i = 0; i < ring.length(); i++) {
      Row r = ring.get(i);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }
}
