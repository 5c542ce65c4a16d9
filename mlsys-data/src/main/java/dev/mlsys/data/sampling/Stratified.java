package dev.mlsys.data.sampling;

import static dev.mlsys.data.sampling.ByteFormat.check;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@link StratifiedSampler}: one uniform reservoir per stratum, all drawing from one generator
 * (each draw is independent whichever stratum takes it, so the strata are independent reservoirs).
 */
final class Stratified<T> implements StratifiedSampler<T> {
  static final String FORMAT = "mlsys.sampling.stratified";
  static final int VERSION = 1;

  enum Mode { PER_STRATUM, PROPORTIONAL, ALLOCATION }

  private static final class Stratum<T> {
    /** Null when the stratum's allocation is 0. */
    final ObjectReservoir<T> reservoir;
    long unsampled;

    Stratum(ObjectReservoir<T> reservoir) {
      this.reservoir = reservoir;
    }

    long count() {
      return reservoir == null ? unsampled : reservoir.count;
    }
  }

  private final Function<? super T, ?> stratumOf;
  final Mode mode;
  /** n per stratum, or the total for proportional allocation. */
  final int size;
  final Map<Object, Integer> allocation;
  private final SplitMix64 rng;
  private final Lineage lineage;
  private final LinkedHashMap<Object, Stratum<T>> strata = new LinkedHashMap<>();
  private long count;

  Stratified(Function<? super T, ?> stratumOf, Mode mode, int size, Map<Object, Integer> allocation,
      SplitMix64 rng, Lineage lineage) {
    this.stratumOf = stratumOf;
    this.mode = mode;
    this.size = size;
    this.allocation = allocation;
    this.rng = rng;
    this.lineage = lineage;
  }

  private int capacity(Object stratum) {
    return switch (mode) {
      case PER_STRATUM, PROPORTIONAL -> size;
      case ALLOCATION -> allocation.getOrDefault(stratum, 0);
    };
  }

  private Stratum<T> stratum(Object key) {
    Stratum<T> s = strata.get(key);
    if (s == null) {
      int cap = capacity(key);
      s = new Stratum<>(cap == 0 ? null : new ObjectReservoir<>(cap, rng, null));
      strata.put(key, s);
    }
    return s;
  }

  @Override
  public void add(T item) {
    Object key = stratumOf.apply(item);
    if (key == null) {
      throw new IllegalArgumentException("stratumOf returned null for item: " + item
          + "; map items without a stratum to a stratum value of their own");
    }
    Stratum<T> s = stratum(key);
    count++;
    if (s.reservoir == null) {
      s.unsampled++;
    } else {
      s.reservoir.add(item);
    }
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public Map<Object, Long> counts() {
    Map<Object, Long> out = new LinkedHashMap<>();
    strata.forEach((key, s) -> out.put(key, s.count()));
    return Collections.unmodifiableMap(out);
  }

  @Override
  public Map<Object, Integer> allocation() {
    Map<Object, Integer> out = new LinkedHashMap<>();
    if (mode != Mode.PROPORTIONAL) {
      strata.forEach((key, s) -> out.put(key, s.reservoir == null ? 0 : s.reservoir.size));
      return Collections.unmodifiableMap(out);
    }
    if (count <= size) {
      strata.forEach((key, s) -> out.put(key, (int) s.count()));
      return Collections.unmodifiableMap(out);
    }
    // Largest remainder (Hamilton): quota_h = total * N_h / N in exact integer arithmetic; every
    // stratum gets floor(quota_h), the seats left go to the largest remainders. Ties go to the
    // larger stratum, then to the stratum with the smallest kept key: among strata of equal size
    // the minimum keys are i.i.d., so that order is uniformly random, and it does not depend on how
    // the stream was partitioned or merged. (The ranks of the keys, which pick the items, are
    // independent of their values, so the tie-break does not bias the items drawn.)
    BigInteger total = BigInteger.valueOf(size);
    BigInteger n = BigInteger.valueOf(count);
    record Share(Object key, long count, long floor, BigInteger remainder, double minKey) {}
    List<Share> shares = new ArrayList<>();
    long seats = size;
    for (Map.Entry<Object, Stratum<T>> e : strata.entrySet()) {
      Stratum<T> s = e.getValue();
      BigInteger[] qr = total.multiply(BigInteger.valueOf(s.count())).divideAndRemainder(n);
      long floor = qr[0].longValueExact();
      seats -= floor;
      shares.add(new Share(e.getKey(), s.count(), floor, qr[1], s.reservoir.minKey()));
    }
    List<Share> order = new ArrayList<>(shares);
    order.sort(Comparator.comparing(Share::remainder).reversed()
        .thenComparing(Comparator.comparingLong(Share::count).reversed())
        .thenComparingDouble(Share::minKey));
    Map<Object, Integer> extra = new LinkedHashMap<>();
    for (int i = 0; i < seats; i++) {
      extra.put(order.get(i).key(), 1);
    }
    for (Share s : shares) {
      out.put(s.key(), (int) s.floor() + extra.getOrDefault(s.key(), 0));
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public Map<Object, List<T>> sample() {
    Map<Object, Integer> alloc = allocation();
    Map<Object, List<T>> out = new LinkedHashMap<>();
    strata.forEach((key, s) -> {
      if (s.reservoir == null) {
        out.put(key, List.of());
      } else {
        // a prefix in key order of a uniform reservoir is a uniform sample of its length
        List<T> all = s.reservoir.sample();
        out.put(key, all.subList(0, alloc.get(key)));
      }
    });
    return Collections.unmodifiableMap(out);
  }

  private String describe() {
    return switch (mode) {
      case PER_STRATUM -> "perStratum(" + size + ")";
      case PROPORTIONAL -> "proportional(" + size + ")";
      case ALLOCATION -> "allocation(" + allocation + ")";
    };
  }

  @Override
  public StratifiedSampler<T> merge(StratifiedSampler<? extends T> other) {
    Stratified<?> o = (Stratified<?>) Objects.requireNonNull(other, "other");
    if (o.mode != mode || o.size != size || !o.allocation.equals(allocation)) {
      throw new IllegalArgumentException("cannot merge stratified samplers with different allocations: "
          + describe() + " and " + o.describe());
    }
    Lineage l = Lineage.merge(lineage, rng, o.lineage, o.rng);
    Stratified<T> merged = new Stratified<>(stratumOf, mode, size, allocation, new SplitMix64(l.stream), l);
    merged.count = Math.addExact(count, o.count);
    merged.absorb(this);
    merged.absorb(o);
    merged.strata.values().forEach(s -> {
      if (s.reservoir != null) {
        s.reservoir.resume();
      }
    });
    return merged;
  }

  private void absorb(Stratified<?> source) {
    source.strata.forEach((key, s) -> {
      Stratum<T> mine = stratum(key);
      if (mine.reservoir == null) {
        mine.unsampled += s.count();
      } else {
        mine.reservoir.count += s.reservoir.count;
        mine.reservoir.absorb(s.reservoir);
      }
    });
  }

  @Override
  @SuppressWarnings("unchecked")
  public byte[] toBytes(ItemSerializer<? super T> items, ItemSerializer<?> strataSerializer) {
    Objects.requireNonNull(items, "items");
    ItemSerializer<Object> keys = (ItemSerializer<Object>) Objects.requireNonNull(strataSerializer, "strata");
    return ByteFormat.write(FORMAT, VERSION, out -> {
      out.writeByte(mode.ordinal());
      out.writeInt(size);
      out.writeInt(allocation.size());
      for (Map.Entry<Object, Integer> e : allocation.entrySet()) {
        writeKey(keys, e.getKey(), out);
        out.writeInt(e.getValue());
      }
      lineage.write(out);
      out.writeLong(rng.state());
      out.writeLong(count);
      out.writeInt(strata.size());
      for (Map.Entry<Object, Stratum<T>> e : strata.entrySet()) {
        writeKey(keys, e.getKey(), out);
        Stratum<T> s = e.getValue();
        out.writeBoolean(s.reservoir != null);
        if (s.reservoir == null) {
          out.writeLong(s.unsampled);
        } else {
          s.reservoir.writeStratum(out, items);
        }
      }
    });
  }

  private static void writeKey(ItemSerializer<Object> keys, Object key, java.io.DataOutput out) throws IOException {
    try {
      keys.write(key, out);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("the strata serializer cannot write stratum " + key
          + " of " + key.getClass().getName(), e);
    }
  }

  static <T> StratifiedSampler<T> fromBytes(byte[] bytes, ItemSerializer<? extends T> items,
      ItemSerializer<?> strataSerializer, Function<? super T, ?> stratumOf) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(strataSerializer, "strata");
    Objects.requireNonNull(stratumOf, "stratumOf");
    return ByteFormat.read(bytes, FORMAT, VERSION, in -> {
      int m = in.readUnsignedByte();
      check(m < Mode.values().length, FORMAT, "allocation mode must be < 3 but was: " + m);
      Mode mode = Mode.values()[m];
      int size = in.readInt();
      int a = in.readInt();
      check(a >= 0, FORMAT, "allocation entries must be >= 0 but was: " + a);
      Map<Object, Integer> allocation = new LinkedHashMap<>();
      for (int i = 0; i < a; i++) {
        Object key = strataSerializer.read(in);
        int n = in.readInt();
        check(n >= 0, FORMAT, "allocation of " + key + " must be >= 0 but was: " + n);
        allocation.put(key, n);
      }
      check(mode == Mode.ALLOCATION ? size == 0 : size >= 1 && a == 0, FORMAT,
          "size " + size + " and " + a + " allocation entries do not fit mode " + mode);
      Lineage lineage = Lineage.read(in, FORMAT);
      SplitMix64 rng = new SplitMix64(in.readLong());
      Stratified<T> s = new Stratified<>(stratumOf, mode, size,
          Collections.unmodifiableMap(allocation), rng, lineage);
      s.count = in.readLong();
      int strata = in.readInt();
      check(strata >= 0, FORMAT, "strata must be >= 0 but was: " + strata);
      long sum = 0;
      for (int i = 0; i < strata; i++) {
        Object key = strataSerializer.read(in);
        boolean sampled = in.readBoolean();
        int cap = s.capacity(key);
        check(sampled == (cap > 0), FORMAT, "stratum " + key + " does not fit its allocation " + cap);
        Stratum<T> st;
        if (sampled) {
          st = new Stratum<>(ObjectReservoir.readStratum(in, cap, rng, items, FORMAT));
        } else {
          st = new Stratum<>(null);
          st.unsampled = in.readLong();
          check(st.unsampled >= 0, FORMAT, "stratum count must be >= 0 but was: " + st.unsampled);
        }
        check(s.strata.put(key, st) == null, FORMAT, "stratum " + key + " appears twice");
        sum += st.count();
      }
      check(sum == s.count, FORMAT, String.format(Locale.ROOT,
          "strata counts add up to %d but the count is %d", sum, s.count));
      return s;
    });
  }
}
