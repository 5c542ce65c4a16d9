package dev.mlsys.data.sampling;

import static dev.mlsys.data.sampling.ByteFormat.check;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@link WeightedReservoirSampler}: A-ExpJ (Efraimidis and Spirakis, "Weighted random sampling
 * with a reservoir", IPL 97(5), 2006, section 4) in the equivalent exponential-clock form. Item i
 * gets the key e_i = -ln(u_i) / w_i ~ Exp(w_i) (A-Res keeps the largest u_i^(1/w_i), that is the
 * smallest e_i); the sample is the k smallest keys. With threshold T (the largest kept key), the
 * weight passed over before the next entry is Exp(1) / T, and the entering item's key is Exp(w_i)
 * truncated to [0, T).
 */
final class ExpJReservoir<T> extends KeyHeap implements WeightedReservoirSampler<T> {
  static final String FORMAT = "mlsys.sampling.weighted-reservoir";
  static final int VERSION = 1;

  private final SplitMix64 rng;
  private final Lineage lineage;
  private Object[] items;
  private long count;
  private double totalWeight;
  /**
   * Weight still to pass over before the next entry when full; <= 0 while filling; NaN when full
   * but not yet drawn (after a merge), so that merging draws no random number.
   */
  private double jump;

  ExpJReservoir(int k, SplitMix64 rng, Lineage lineage) {
    super(k, 16);
    this.rng = rng;
    this.lineage = lineage;
    this.items = new Object[keys.length];
  }

  static <T> ExpJReservoir<T> create(int k, long seed, long partition) {
    Lineage lineage = Lineage.of(seed, partition);
    return new ExpJReservoir<>(k, new SplitMix64(lineage.stream), lineage);
  }

  @Override
  void growItems(int capacity) {
    items = Arrays.copyOf(items, capacity);
  }

  @Override
  public void add(T item, double weight) {
    if (!(weight >= 0.0 && weight < Double.POSITIVE_INFINITY)) {
      throw badWeight(weight);
    }
    count++;
    totalWeight += weight;
    if ((jump -= weight) > 0.0) {
      return;
    }
    enter(item, weight);
  }

  static IllegalArgumentException badWeight(double weight) {
    return new IllegalArgumentException(
        "weight must be finite and >= 0 but was: " + weight + " (weight 0 means never sampled)");
  }

  private void enter(T item, double weight) {
    if (Double.isNaN(jump)) {
      jump = nextJump() - weight;
      if (jump > 0.0) {
        return;
      }
    }
    if (weight == 0.0) {
      return; // never sampled; it leaves the jump where it is
    }
    if (size < k) {
      int slot = push(rng.nextExponential() / weight);
      items[slot] = item;
      jump = size == k ? nextJump() : 0.0;
      return;
    }
    double q = -Math.expm1(-weight * threshold());
    int slot = replaceTop(-Math.log1p(-q * rng.nextDouble()) / weight);
    items[slot] = item;
    jump = nextJump();
  }

  /** The weight to pass over before a key falls below the threshold T: Exp(1) / T. */
  private double nextJump() {
    double t = threshold();
    return t > 0.0 ? rng.nextExponential() / t : Double.POSITIVE_INFINITY;
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public double totalWeight() {
    return totalWeight;
  }

  @Override
  public int k() {
    return k;
  }

  @Override
  public List<T> sample() {
    return inKeyOrder(items);
  }

  private void absorb(ExpJReservoir<?> source) {
    for (int slot = 0; slot < source.size; slot++) {
      int s = offer(source.keys[slot]);
      if (s >= 0) {
        items[s] = source.items[slot];
      }
    }
  }

  @Override
  public WeightedReservoirSampler<T> merge(WeightedReservoirSampler<? extends T> other) {
    Objects.requireNonNull(other, "other");
    return mergeAll(List.of(this, other));
  }

  static <T> WeightedReservoirSampler<T> mergeAll(
      Collection<? extends WeightedReservoirSampler<? extends T>> samplers) {
    if (samplers.isEmpty()) {
      throw new IllegalArgumentException("samplers to merge must not be empty");
    }
    List<Lineage> lineages = new java.util.ArrayList<>(samplers.size());
    List<SplitMix64> generators = new java.util.ArrayList<>(samplers.size());
    int k = Integer.MAX_VALUE;
    long count = 0;
    double total = 0;
    for (WeightedReservoirSampler<? extends T> s : samplers) {
      ExpJReservoir<?> r = (ExpJReservoir<?>) Objects.requireNonNull(s, "sampler");
      lineages.add(r.lineage);
      generators.add(r.rng);
      k = Math.min(k, r.k);
      count = Math.addExact(count, r.count);
      total += r.totalWeight;
    }
    Lineage lineage = Lineage.mergeAll(lineages, generators);
    ExpJReservoir<T> merged = new ExpJReservoir<>(k, new SplitMix64(lineage.stream), lineage);
    merged.count = count;
    merged.totalWeight = total;
    for (WeightedReservoirSampler<? extends T> s : samplers) {
      merged.absorb((ExpJReservoir<?>) s);
    }
    merged.jump = merged.full() ? Double.NaN : 0.0;
    return merged;
  }

  @Override
  @SuppressWarnings("unchecked")
  public byte[] toBytes(ItemSerializer<? super T> serializer) {
    Objects.requireNonNull(serializer, "serializer");
    return ByteFormat.write(FORMAT, VERSION, out -> {
      lineage.write(out);
      out.writeInt(k);
      out.writeLong(count);
      out.writeDouble(totalWeight);
      out.writeDouble(jump);
      out.writeLong(rng.state());
      writeKeys(out, slot -> serializer.write((T) items[slot], out));
    });
  }

  static <T> WeightedReservoirSampler<T> fromBytes(byte[] bytes, ItemSerializer<? extends T> serializer) {
    Objects.requireNonNull(serializer, "serializer");
    return ByteFormat.read(bytes, FORMAT, VERSION, in -> {
      Lineage lineage = Lineage.read(in, FORMAT);
      int k = in.readInt();
      check(k >= 1, FORMAT, "k must be >= 1 but was: " + k);
      long count = in.readLong();
      check(count >= 0, FORMAT, "count must be >= 0 but was: " + count);
      double total = in.readDouble();
      check(total >= 0, FORMAT, "total weight must be >= 0 but was: " + total);
      double jump = in.readDouble();
      long state = in.readLong();
      int size = in.readInt();
      check(size >= 0 && size <= Math.min(k, count), FORMAT, String.format(Locale.ROOT,
          "size must be in [0, min(k, count) = %d] but was: %d", Math.min(k, count), size));
      check(size == k ? !(jump < 0) : jump <= 0, FORMAT,
          "jump " + jump + " is impossible for a reservoir holding " + size + " of " + k);
      ExpJReservoir<T> r = new ExpJReservoir<>(k, new SplitMix64(state), lineage);
      r.count = count;
      r.totalWeight = total;
      r.jump = jump;
      double previous = 0;
      for (int i = 0; i < size; i++) {
        double key = in.readDouble();
        check(key >= previous, FORMAT, "keys must be increasing and >= 0 but key " + i + " was: " + key);
        previous = key;
        T item = serializer.read(in);
        int slot = r.push(key);
        r.items[slot] = item;
      }
      return r;
    });
  }
}
