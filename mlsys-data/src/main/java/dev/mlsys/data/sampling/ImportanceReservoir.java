package dev.mlsys.data.sampling;

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
}
