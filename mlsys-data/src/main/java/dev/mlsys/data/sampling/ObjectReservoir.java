package dev.mlsys.data.sampling;

import static dev.mlsys.data.sampling.ByteFormat.check;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.RandomAccess;

/** The {@link ReservoirSampler}; also one stratum of a {@link StratifiedSampler}. */
final class ObjectReservoir<T> extends UniformReservoir implements ReservoirSampler<T> {
  static final String FORMAT = "mlsys.sampling.reservoir";
  static final int VERSION = 1;

  private Object[] items;
  /** Null inside a stratified sampler, which tracks the streams of all its strata itself. */
  private Lineage lineage;

  ObjectReservoir(int k, SplitMix64 rng, Lineage lineage) {
    super(k, rng);
    this.items = new Object[keys.length];
    this.lineage = lineage;
  }

  static <T> ObjectReservoir<T> create(int k, long seed, long partition) {
    Lineage lineage = Lineage.of(seed, partition);
    return new ObjectReservoir<>(k, new SplitMix64(lineage.stream), lineage);
  }

  @Override
  void growItems(int capacity) {
    items = Arrays.copyOf(items, capacity);
  }

  @Override
  public void add(T item) {
    if (++count < gate) {
      return;
    }
    int slot = admit();
    if (slot >= 0) {
      items[slot] = item;
    }
  }

  @Override
  public void addAll(T[] array) {
    addAll(array, 0, array.length);
  }

  @Override
  public void addAll(T[] array, int from, int to) {
    Objects.checkFromToIndex(from, to, array.length);
    for (long i = from; i < to; ) {
      i = admitBatch(i, to);
      for (int j = 0; j < enteredCount; j++) {
        items[enteredSlots[j]] = array[(int) entered[j]];
      }
    }
  }

  @Override
  public void addAll(Iterable<? extends T> iterable) {
    if (iterable instanceof List<? extends T> list && iterable instanceof RandomAccess) {
      int n = list.size();
      for (long i = 0; i < n; ) {
        i = admitBatch(i, n);
        for (int j = 0; j < enteredCount; j++) {
          items[enteredSlots[j]] = list.get((int) entered[j]);
        }
      }
    } else {
      addAll(iterable.iterator());
    }
  }

  @Override
  public void addAll(Iterator<? extends T> iterator) {
    while (iterator.hasNext()) {
      long pass = passable();
      if (pass > 0) {
        // an iterator cannot jump: step over the passed items without looking at them
        long passed = 0;
        while (passed < pass && iterator.hasNext()) {
          iterator.next();
          passed++;
        }
        count += passed;
        continue;
      }
      add(iterator.next());
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
  public List<T> sample() {
    return inKeyOrder(items);
  }

  /** Keeps the items of {@code source} whose keys are among the k smallest of both. */
  void absorb(ObjectReservoir<?> source) {
    for (int slot = 0; slot < source.size; slot++) {
      int s = offer(source.keys[slot]);
      if (s >= 0) {
        items[s] = source.items[slot];
      }
    }
  }

  @Override
  public ReservoirSampler<T> merge(ReservoirSampler<? extends T> other) {
    Objects.requireNonNull(other, "other");
    return mergeAll(List.of(this, other));
  }

  static <T> ReservoirSampler<T> mergeAll(Collection<? extends ReservoirSampler<? extends T>> samplers) {
    if (samplers.isEmpty()) {
      throw new IllegalArgumentException("samplers to merge must not be empty");
    }
    List<Lineage> lineages = new java.util.ArrayList<>(samplers.size());
    List<SplitMix64> generators = new java.util.ArrayList<>(samplers.size());
    int k = Integer.MAX_VALUE;
    long count = 0;
    for (ReservoirSampler<? extends T> s : samplers) {
      ObjectReservoir<?> r = (ObjectReservoir<?>) Objects.requireNonNull(s, "sampler");
      lineages.add(r.lineage);
      generators.add(r.rng);
      k = Math.min(k, r.k);
      count = Math.addExact(count, r.count);
    }
    Lineage lineage = Lineage.mergeAll(lineages, generators);
    ObjectReservoir<T> merged = new ObjectReservoir<>(k, new SplitMix64(lineage.stream), lineage);
    merged.count = count;
    for (ReservoirSampler<? extends T> s : samplers) {
      merged.absorb((ObjectReservoir<?>) s);
    }
    merged.resume();
    return merged;
  }

  /** The smallest kept key; +Infinity when empty. For tie-breaks that must not favour any stratum. */
  double minKey() {
    double min = Double.POSITIVE_INFINITY;
    for (int slot = 0; slot < size; slot++) {
      min = Math.min(min, keys[slot]);
    }
    return min;
  }

  /** A stratum's state without k and generator, which its stratified sampler holds. */
  @SuppressWarnings("unchecked")
  void writeStratum(DataOutputStream out, ItemSerializer<? super T> serializer) throws IOException {
    out.writeLong(count);
    out.writeLong(skipState());
    writeKeys(out, slot -> serializer.write((T) items[slot], out));
  }

  static <T> ObjectReservoir<T> readStratum(DataInputStream in, int k, SplitMix64 rng,
      ItemSerializer<? extends T> serializer, String format) throws IOException {
    long count = in.readLong();
    check(count >= 0, format, "stratum count must be >= 0 but was: " + count);
    long skip = in.readLong();
    int size = in.readInt();
    check(size == Math.min(k, count), format, String.format(Locale.ROOT,
        "stratum size must be min(k, count) = %d but was: %d", Math.min(k, count), size));
    check(skip >= -1 && (skip == 0 || size == k), format,
        "skip " + skip + " is impossible for a stratum holding " + size + " of " + k);
    ObjectReservoir<T> r = new ObjectReservoir<>(k, rng, null);
    r.count = count;
    r.readKeys(in, size, skip, format, slot -> r.items[slot] = serializer.read(in));
    return r;
  }

  @Override
  public byte[] toBytes(ItemSerializer<? super T> serializer) {
    Objects.requireNonNull(serializer, "serializer");
    return ByteFormat.write(FORMAT, VERSION, out -> {
      lineage.write(out);
      writeBody(out, serializer);
    });
  }

  @SuppressWarnings("unchecked")
  private void writeBody(DataOutputStream out, ItemSerializer<? super T> serializer) throws IOException {
    out.writeInt(k);
    out.writeLong(count);
    out.writeLong(skipState());
    out.writeLong(rng.state());
    writeKeys(out, slot -> serializer.write((T) items[slot], out));
  }

  static <T> ReservoirSampler<T> fromBytes(byte[] bytes, ItemSerializer<? extends T> serializer) {
    Objects.requireNonNull(serializer, "serializer");
    return ByteFormat.read(bytes, FORMAT, VERSION, in -> readBody(in, serializer, Lineage.read(in, FORMAT)));
  }

  /** Reads what {@link #writeBody} wrote; the generator is made from the state read. */
  private static <T> ObjectReservoir<T> readBody(DataInputStream in,
      ItemSerializer<? extends T> serializer, Lineage lineage) throws IOException {
    String format = FORMAT;
    int k = in.readInt();
    check(k >= 1, format, "k must be >= 1 but was: " + k);
    long count = in.readLong();
    check(count >= 0, format, "count must be >= 0 but was: " + count);
    long skip = in.readLong();
    long state = in.readLong();
    int size = in.readInt();
    check(size == Math.min(k, count), format, String.format(Locale.ROOT,
        "size must be min(k, count) = %d but was: %d", Math.min(k, count), size));
    check(skip >= -1 && (skip == 0 || size == k), format,
        "skip " + skip + " is impossible for a reservoir holding " + size + " of " + k);
    ObjectReservoir<T> r = new ObjectReservoir<>(k, new SplitMix64(state), lineage);
    r.count = count;
    r.readKeys(in, size, skip, format, slot -> r.items[slot] = serializer.read(in));
    return r;
  }
}
