package dev.mlsys.data.sampling;

import static dev.mlsys.data.sampling.ByteFormat.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The {@link ImportanceSampler}: n independent single-item weighted reservoirs. Draw j keeps the
 * item with the smallest key Exp(q) seen so far; {@code next[j]} is the cumulative proposal weight
 * at which draw j takes its next item (its last position plus Exp(1) / key), and a min-heap over
 * {@code next} finds the draws a new item reaches.
 */
final class ImportanceReservoir<T> implements ImportanceSampler<T> {
  static final String FORMAT = "mlsys.sampling.importance";
  static final int VERSION = 1;

  private final int n;
  private final ToDoubleFunction<? super T> proposal;
  private final ToDoubleFunction<? super T> target;
  private final SplitMix64 rng;
  private final Lineage lineage;

  private final Object[] items;
  private final double[] keys;
  private final double[] p;
  private final double[] q;
  private final double[] next;
  private final int[] heap;
  private boolean filled;
  /** When true, {@code next} is still to be drawn from {@link #base} (after filling or merging). */
  private boolean pending;
  private double base;
  private double cumulative;
  private double totalTarget;
  private double totalProposal;
  private long count;

  ImportanceReservoir(int n, ToDoubleFunction<? super T> proposal, ToDoubleFunction<? super T> target,
      Lineage lineage) {
    this(n, proposal, target, new SplitMix64(lineage.stream), lineage);
  }

  private ImportanceReservoir(int n, ToDoubleFunction<? super T> proposal,
      ToDoubleFunction<? super T> target, SplitMix64 rng, Lineage lineage) {
    this.n = n;
    this.proposal = proposal;
    this.target = target;
    this.rng = rng;
    this.lineage = lineage;
    items = new Object[n];
    keys = new double[n];
    p = new double[n];
    q = new double[n];
    next = new double[n];
    heap = new int[n];
  }

  @Override
  public void add(T item) {
    double qi = proposal.applyAsDouble(item);
    double pi = target == null ? 1.0 : target.applyAsDouble(item);
    if (!(qi >= 0 && qi < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("proposal weight must be finite and >= 0 but was: " + qi
          + " for item: " + item);
    }
    if (!(pi >= 0 && pi < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("target weight must be finite and >= 0 but was: " + pi
          + " for item: " + item);
    }
    if (qi == 0 && pi > 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "proposal weight must be > 0 where the target weight is > 0, but item %s has target"
              + " weight %s and proposal weight 0: no estimate could be unbiased", item, pi));
    }
    count++;
    totalTarget += pi;
    totalProposal += qi;
    if (qi == 0) {
      return;
    }
    cumulative += qi;
    if (!filled) {
      for (int j = 0; j < n; j++) {
        take(j, item, pi, qi, rng.nextExponential() / qi);
      }
      filled = true;
      pending = true;
      base = cumulative;
      return;
    }
    if (pending) {
      for (int j = 0; j < n; j++) {
        next[j] = base + jump(keys[j]);
        heap[j] = j;
      }
      for (int i = n / 2 - 1; i >= 0; i--) {
        siftDown(i);
      }
      pending = false;
    }
    while (next[heap[0]] <= cumulative) {
      int j = heap[0];
      // the key of the item that passed the jump is Exp(q) truncated to [0, key_j)
      double t = -Math.expm1(-qi * keys[j]);
      take(j, item, pi, qi, -Math.log1p(-t * rng.nextDouble()) / qi);
      next[j] = cumulative + jump(keys[j]);
      siftDown(0);
    }
  }

  private double jump(double key) {
    return key > 0 ? rng.nextExponential() / key : Double.POSITIVE_INFINITY;
  }

  private void take(int j, T item, double pi, double qi, double key) {
    items[j] = item;
    p[j] = pi;
    q[j] = qi;
    keys[j] = key;
  }

  private void siftDown(int i) {
    int slot = heap[i];
    double v = next[slot];
    int half = n >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < n && next[heap[right]] < next[heap[child]]) {
        child = right;
      }
      if (next[heap[child]] >= v) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = slot;
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  @SuppressWarnings("unchecked")
  public ImportanceSample<T> sample() {
    if (!filled) {
      return new ImportanceSample<>(List.of(), count);
    }
    if (totalTarget == 0) {
      throw new IllegalStateException("no item seen has a positive target weight: the target"
          + " distribution is undefined over the " + count + " items seen");
    }
    double[] w = new double[n];
    double sum = 0;
    for (int j = 0; j < n; j++) {
      w[j] = (p[j] / totalTarget) / (q[j] / totalProposal);
      sum += w[j];
    }
    List<Weighted<T>> draws = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      draws.add(new Weighted<>((T) items[j], w[j], sum > 0 ? w[j] / sum : 0.0));
    }
    return new ImportanceSample<>(draws, count);
  }

  @Override
  public ImportanceSampler<T> merge(ImportanceSampler<? extends T> other) {
    ImportanceReservoir<?> o = (ImportanceReservoir<?>) Objects.requireNonNull(other, "other");
    if (o.n != n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cannot merge importance samplers with different numbers of draws: %d and %d", n, o.n));
    }
    Lineage l = Lineage.merge(lineage, rng, o.lineage, o.rng);
    ImportanceReservoir<T> m = new ImportanceReservoir<>(n, proposal, target, new SplitMix64(l.stream), l);
    m.count = Math.addExact(count, o.count);
    m.totalTarget = totalTarget + o.totalTarget;
    m.totalProposal = totalProposal + o.totalProposal;
    for (int j = 0; j < n; j++) {
      ImportanceReservoir<?> from = !o.filled || (filled && keys[j] <= o.keys[j]) ? this : o;
      if (from.filled) {
        m.items[j] = from.items[j];
        m.p[j] = from.p[j];
        m.q[j] = from.q[j];
        m.keys[j] = from.keys[j];
      }
    }
    m.filled = filled || o.filled;
    m.pending = m.filled;
    m.base = 0;
    return m;
  }

  @Override
  @SuppressWarnings("unchecked")
  public byte[] toBytes(ItemSerializer<? super T> serializer) {
    Objects.requireNonNull(serializer, "serializer");
    return ByteFormat.write(FORMAT, VERSION, out -> {
      lineage.write(out);
      out.writeInt(n);
      out.writeLong(count);
      out.writeDouble(totalTarget);
      out.writeDouble(totalProposal);
      out.writeDouble(cumulative);
      out.writeDouble(base);
      out.writeBoolean(filled);
      out.writeBoolean(pending);
      out.writeLong(rng.state());
      if (filled) {
        for (int j = 0; j < n; j++) {
          out.writeDouble(keys[j]);
          out.writeDouble(p[j]);
          out.writeDouble(q[j]);
          serializer.write((T) items[j], out);
        }
        if (!pending) {
          // the heap's exact order decides which draw moves first when several are reached
          for (int i = 0; i < n; i++) {
            out.writeInt(heap[i]);
            out.writeDouble(next[heap[i]]);
          }
        }
      }
    });
  }

  static <T> ImportanceSampler<T> fromBytes(byte[] bytes, ItemSerializer<? extends T> serializer,
      ToDoubleFunction<? super T> proposal, ToDoubleFunction<? super T> target) {
    Objects.requireNonNull(serializer, "serializer");
    Objects.requireNonNull(proposal, "proposal");
    return ByteFormat.read(bytes, FORMAT, VERSION, in -> {
      Lineage lineage = Lineage.read(in, FORMAT);
      int n = in.readInt();
      check(n >= 1, FORMAT, "draws must be >= 1 but was: " + n);
      long count = in.readLong();
      check(count >= 0, FORMAT, "count must be >= 0 but was: " + count);
      double totalTarget = in.readDouble();
      double totalProposal = in.readDouble();
      double cumulative = in.readDouble();
      check(totalTarget >= 0 && totalProposal >= 0 && cumulative >= 0, FORMAT, String.format(Locale.ROOT,
          "weight totals must be >= 0 but were: target %s, proposal %s, cumulative %s", totalTarget,
          totalProposal, cumulative));
      double base = in.readDouble();
      boolean filled = in.readBoolean();
      boolean pending = in.readBoolean();
      check(filled || !pending && cumulative == 0, FORMAT, String.format(Locale.ROOT,
          "an empty sampler cannot have pending jumps or a cumulative proposal weight (%s)", cumulative));
      ImportanceReservoir<T> r = new ImportanceReservoir<>(n, proposal, target, new SplitMix64(in.readLong()), lineage);
      r.count = count;
      r.totalTarget = totalTarget;
      r.totalProposal = totalProposal;
      r.cumulative = cumulative;
      r.base = base;
      r.filled = filled;
      r.pending = pending;
      if (filled) {
        for (int j = 0; j < n; j++) {
          double key = in.readDouble();
          double pj = in.readDouble();
          double qj = in.readDouble();
          check(key >= 0 && pj >= 0 && qj > 0, FORMAT, String.format(Locale.ROOT,
              "draw %d must have key >= 0, target weight >= 0 and proposal weight > 0 but had %s, %s, %s",
              j, key, pj, qj));
          r.take(j, serializer.read(in), pj, qj, key);
        }
        if (!pending) {
          boolean[] seen = new boolean[n];
          for (int i = 0; i < n; i++) {
            int j = in.readInt();
            check(j >= 0 && j < n && !seen[j], FORMAT, "heap entry " + i + " must be a new draw index but was: " + j);
            seen[j] = true;
            r.heap[i] = j;
            r.next[j] = in.readDouble();
            check(i == 0 || r.next[r.heap[(i - 1) / 2]] <= r.next[j], FORMAT, "heap order broken at entry " + i);
          }
        }
      }
      return r;
    });
  }
}
