package dev.mlsys.data.sampling;

import static dev.mlsys.data.sampling.ByteFormat.check;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The {@link LongReservoirSampler}: {@link ObjectReservoir} over primitive longs. */
final class LongReservoir extends UniformReservoir implements LongReservoirSampler {
  static final String FORMAT = "mlsys.sampling.long-reservoir";
  static final int VERSION = 1;

  private long[] items;
  private Lineage lineage;

  LongReservoir(int k, SplitMix64 rng, Lineage lineage) {
    super(k, rng);
    this.items = new long[keys.length];
    this.lineage = lineage;
  }

  static LongReservoir create(int k, long seed, long partition) {
    Lineage lineage = Lineage.of(seed, partition);
    return new LongReservoir(k, new SplitMix64(lineage.stream), lineage);
  }

  @Override
  void growItems(int capacity) {
    items = Arrays.copyOf(items, capacity);
  }

  @Override
  public void add(long item) {
    if (++count < gate) {
      return;
    }
    int slot = admit();
    if (slot >= 0) {
      items[slot] = item;
    }
  }

  @Override
  public void addAll(long[] values) {
    addAll(values, 0, values.length);
  }

  @Override
  public void addAll(long[] values, int from, int to) {
    Objects.checkFromToIndex(from, to, values.length);
    for (long i = from; i < to; ) {
      i = admitBatch(i, to);
      for (int j = 0; j < enteredCount; j++) {
        items[enteredSlots[j]] = values[(int) entered[j]];
      }
    }
  }

  @Override
  public void addRange(long start, long end) {
    if (start > end) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "start must be <= end but was: start=%d, end=%d", start, end));
    }
    for (long i = start; i < end; ) {
      i = admitBatch(i, end);
      for (int j = 0; j < enteredCount; j++) {
        items[enteredSlots[j]] = entered[j];
      }
    }
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public int k() {
    return k;
  }

  @Override
  public long[] sample() {
    int[] order = slotsInKeyOrder();
    long[] out = new long[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = items[order[i]];
    }
    return out;
  }

  private void absorb(LongReservoir source) {
    for (int slot = 0; slot < source.size; slot++) {
      int s = offer(source.keys[slot]);
      if (s >= 0) {
        items[s] = source.items[slot];
      }
    }
  }

  @Override
  public LongReservoirSampler merge(LongReservoirSampler other) {
    Objects.requireNonNull(other, "other");
    return mergeAll(List.of(this, other));
  }

  static LongReservoirSampler mergeAll(Collection<? extends LongReservoirSampler> samplers) {
    if (samplers.isEmpty()) {
      throw new IllegalArgumentException("samplers to merge must not be empty");
    }
    List<Lineage> lineages = new java.util.ArrayList<>(samplers.size());
    List<SplitMix64> generators = new java.util.ArrayList<>(samplers.size());
    int k = Integer.MAX_VALUE;
    long count = 0;
    for (LongReservoirSampler s : samplers) {
      LongReservoir r = (LongReservoir) Objects.requireNonNull(s, "sampler");
      lineages.add(r.lineage);
      generators.add(r.rng);
      k = Math.min(k, r.k);
      count = Math.addExact(count, r.count);
    }
    Lineage lineage = Lineage.mergeAll(lineages, generators);
    LongReservoir merged = new LongReservoir(k, new SplitMix64(lineage.stream), lineage);
    merged.count = count;
    for (LongReservoirSampler s : samplers) {
      merged.absorb((LongReservoir) s);
    }
    merged.resume();
    return merged;
  }

  @Override
  public byte[] toBytes() {
    return ByteFormat.write(FORMAT, VERSION, out -> {
      lineage.write(out);
      out.writeInt(k);
      out.writeLong(count);
      out.writeLong(skipState());
      out.writeLong(rng.state());
      writeKeys(out, slot -> out.writeLong(items[slot]));
    });
  }

  static LongReservoirSampler fromBytes(byte[] bytes) {
    return ByteFormat.read(bytes, FORMAT, VERSION, in -> {
      Lineage lineage = Lineage.read(in, FORMAT);
      int k = in.readInt();
      check(k >= 1, FORMAT, "k must be >= 1 but was: " + k);
      long count = in.readLong();
      check(count >= 0, FORMAT, "count must be >= 0 but was: " + count);
      long skip = in.readLong();
      long state = in.readLong();
      int size = in.readInt();
      check(size == Math.min(k, count), FORMAT, String.format(Locale.ROOT,
          "size must be min(k, count) = %d but was: %d", Math.min(k, count), size));
      check(skip >= -1 && (skip == 0 || size == k), FORMAT,
          "skip " + skip + " is impossible for a reservoir holding " + size + " of " + k);
      LongReservoir r = new LongReservoir(k, new SplitMix64(state), lineage);
      r.count = count;
      r.readKeys(in, size, skip, FORMAT, slot -> r.items[slot] = in.readLong());
      return r;
    });
  }
}
