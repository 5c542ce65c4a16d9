package dev.mlsys.data.sampling;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Deterministic hash sampling: an item is kept if and only if the 64-bit hash of its key and the
 * seed, read as an unsigned number, is below {@code rate * 2^64}. The same key is in or out on
 * every machine, in every run, in every table that carries it (so samples of two tables join), and
 * the sample at a smaller rate is a subset of the sample at a larger one (nested rates give nested
 * samples). Each distinct key is kept with probability {@code rate}, independently across keys as
 * far as the hash is random; all records of one key share its fate.
 *
 * <pre>{@code
 * HashSampler<Event> onePercent = Samplers.<Event>hash(0.01, Event::userId).seed(2024).build();
 * events.stream().filter(onePercent).forEach(out::write);
 * }</pre>
 *
 * <p>The hash is Guava's {@code farmHashFingerprint64} (a fingerprint: its value is fixed
 * forever) over the 8 little-endian bytes of the seed followed by the key's bytes: the UTF-8 bytes
 * of a {@link CharSequence}; the 8 little-endian bytes of a {@link Long}, {@link Integer},
 * {@link Short} or {@link Byte} (so 7 and 7L agree); the two longs, most significant first, of a
 * {@link UUID}; or a {@code byte[]} as is. Other key types are rejected, since their bytes would
 * not be stable; map them to one of these. Another system computing the same fingerprint of the
 * same bytes reproduces the sample exactly.
 *
 * <p>Merge: a hash sample is a pure function of each record, so the samples of any partitioning
 * union into exactly the sample of the whole stream; no state needs merging or shipping.
 *
 * <p>Thread-safety: immutable and thread-safe (if the key function is).
 *
 * @param <T> the item type
 */
public final class HashSampler<T> implements Predicate<T> {
  private static final HashFunction FINGERPRINT = Hashing.farmHashFingerprint64();

  private final Function<? super T, ?> keyOf;
  private final double rate;
  private final long seed;
  /** Unsigned floor(rate * 2^64), unless {@link #all}. */
  private final long threshold;
  private final boolean all;

  HashSampler(Function<? super T, ?> keyOf, double rate, long seed) {
    this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
    this.rate = checkRate(rate);
    this.seed = seed;
    this.all = rate == 1.0;
    this.threshold = all ? -1L : unsignedFloor(rate * 0x1.0p64);
  }

  static double checkRate(double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException("rate must be in [0, 1] but was: " + rate);
    }
    return rate;
  }

  /** floor(x) as an unsigned long, for 0 <= x < 2^64 (rate * 2^64 is exact in binary). */
  private static long unsignedFloor(double x) {
    return x < 0x1.0p63 ? (long) x : (long) (x - 0x1.0p63) ^ Long.MIN_VALUE;
  }

  /**
   * @param item an item
   * @return whether it is in the sample
   * @throws IllegalArgumentException if its key is null or of an unsupported type
   */
  @Override
  public boolean test(T item) {
    return all || Long.compareUnsigned(hash(item), threshold) < 0;
  }

  /**
   * @param item an item
   * @return the 64-bit fingerprint of the seed and the item's key
   * @throws IllegalArgumentException if its key is null or of an unsupported type
   */
  public long hash(T item) {
    return hashKey(seed, keyOf.apply(item));
  }

  /**
   * @param seed the seed
   * @param key a key: text, an integral boxed number, a UUID or a byte array
   * @return the fingerprint the class documentation describes
   * @throws IllegalArgumentException if the key is null or of an unsupported type
   */
  public static long hashKey(long seed, Object key) {
    // the whole input in one array: farmhash is a non-streaming function, and Guava's streaming
    // Hasher would buffer it through a stream first
    byte[] bytes;
    if (key instanceof String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      bytes = new byte[8 + utf8.length];
      System.arraycopy(utf8, 0, bytes, 8, utf8.length);
    } else if (key instanceof CharSequence s) {
      byte[] utf8 = s.toString().getBytes(StandardCharsets.UTF_8);
      bytes = new byte[8 + utf8.length];
      System.arraycopy(utf8, 0, bytes, 8, utf8.length);
    } else if (key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte) {
      bytes = new byte[16];
      putLongLe(bytes, 8, ((Number) key).longValue());
    } else if (key instanceof UUID u) {
      bytes = new byte[24];
      putLongLe(bytes, 8, u.getMostSignificantBits());
      putLongLe(bytes, 16, u.getLeastSignificantBits());
    } else if (key instanceof byte[] b) {
      bytes = new byte[8 + b.length];
      System.arraycopy(b, 0, bytes, 8, b.length);
    } else {
      throw new IllegalArgumentException("hash key must be a CharSequence, Long, Integer, Short, Byte,"
          + " UUID or byte[] but was: " + (key == null ? "null" : key.getClass().getName()));
    }
    putLongLe(bytes, 0, seed);
    return FINGERPRINT.hashBytes(bytes).asLong();
  }

  private static void putLongLe(byte[] b, int at, long v) {
    for (int i = 0; i < 8; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }

  /** @return the fraction of keys kept */
  public double rate() {
    return rate;
  }

  /** @return the seed */
  public long seed() {
    return seed;
  }

  /**
   * @param newRate another rate in [0, 1]
   * @return the sampler with the same key and seed at that rate: its sample contains this one's
   *     if {@code newRate >= rate()}, and is contained in it otherwise
   * @throws IllegalArgumentException if the rate is outside [0, 1]
   */
  public HashSampler<T> withRate(double newRate) {
    return new HashSampler<>(keyOf, newRate, seed);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "hash(rate=%s, seed=%d)", rate, seed);
  }

  /**
   * How to build a {@link HashSampler}; an immutable value.
   *
   * @param <T> the item type
   */
  public static final class Builder<T> {
    private final Function<? super T, ?> keyOf;
    private final double rate;
    private final long seed;

    Builder(Function<? super T, ?> keyOf, double rate, long seed) {
      this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
      this.rate = checkRate(rate);
      this.seed = seed;
    }

    /** @param seed the seed, default 0 @return a builder with this seed */
    public Builder<T> seed(long seed) {
      return new Builder<>(keyOf, rate, seed);
    }

    /** @param <U> the item type, inferred @return the sampler */
    public <U extends T> HashSampler<U> build() {
      return new HashSampler<U>(keyOf, rate, seed);
    }
  }
}
