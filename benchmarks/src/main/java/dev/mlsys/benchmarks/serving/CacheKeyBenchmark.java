package dev.mlsys.benchmarks.serving;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mlsys.api.Row;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Which cache key is cheaper for a 30-feature row: the validated row itself (boxed values, as
 * the service keys its cache) or its values packed into a primitive {@code long[]}? Each call
 * builds a key from a row whose hash is not yet known (so the hash is computed) and looks up a
 * Caffeine cache that holds an equal key built from a different but equal row (so equality
 * compares every value).
 * <ul>
 *   <li>{@code boxedRowKey}: hash over the row's boxed values, equality by {@code Row.equals};
 *   <li>{@code packedKey}: the values' bits copied into a {@code long[]}, hash and equality over it;
 *   <li>{@code cachedRowHashKey}: the row's own cached hash, as when a row object is served twice.
 * </ul>
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * serving.CacheKeyBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class CacheKeyBenchmark {
  static final int ROWS = 1024;

  Cache<Object, Object> boxed;
  Cache<Object, Object> packed;
  Row[] lookups;
  int i;

  /** A key over the row's boxed values; computes its hash like {@code Arrays.hashCode(Object[])}. */
  static final class BoxedKey {
    final long generation;
    final Row row;
    final int hash;

    BoxedKey(long generation, Row row) {
      int h = 1;
      for (int j = 0; j < row.size(); j++) {
        Object v = row.get(j);
        h = 31 * h + (v == null ? 0 : v.hashCode());
      }
      this.generation = generation;
      this.row = row;
      this.hash = h * 31 + Long.hashCode(generation);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BoxedKey k && k.hash == hash && k.generation == generation && k.row.equals(row);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** A key over the values' bits (numeric rows only: other field types would need their own packing). */
  static final class PackedKey {
    final long generation;
    final long[] bits;
    final int hash;

    PackedKey(long generation, Row row) {
      long[] b = new long[row.size()];
      for (int j = 0; j < b.length; j++) {
        Object v = row.get(j);
        b[j] = v == null ? 0x7ff80000000000ffL : Double.doubleToLongBits((Double) v);
      }
      this.generation = generation;
      this.bits = b;
      this.hash = Arrays.hashCode(b) * 31 + Long.hashCode(generation);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PackedKey k && k.hash == hash && k.generation == generation && Arrays.equals(k.bits, bits);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    double[][] x = ServingFixture.features(ROWS, 7);
    boxed = Caffeine.newBuilder().maximumSize(100_000).build();
    packed = Caffeine.newBuilder().maximumSize(100_000).build();
    lookups = new Row[ROWS];
    for (int r = 0; r < ROWS; r++) {
      Row stored = ServingFixture.row(x[r]);
      boxed.put(new BoxedKey(1, stored), stored);
      packed.put(new PackedKey(1, stored), stored);
      lookups[r] = ServingFixture.row(x[r]);   // equal to the stored row, another object
    }
    for (Row r : lookups) {
      if (boxed.getIfPresent(new BoxedKey(1, r)) == null || packed.getIfPresent(new PackedKey(1, r)) == null) {
        throw new IllegalStateException("a key does not find its equal row");
      }
    }
  }

  private Row next() {
    i = (i + 1) & (ROWS - 1);
    return lookups[i];
  }

  @Benchmark
  public Object boxedRowKey() {
    return boxed.getIfPresent(new BoxedKey(1, next()));
  }

  @Benchmark
  public Object packedKey() {
    return packed.getIfPresent(new PackedKey(1, next()));
  }

  @Benchmark
  public Object cachedRowHashKey() {
    Row r = next();
    return boxed.getIfPresent(new RowHashKey(1, r));
  }

  /** The service's key: the row's own (cached) hash; equal to a {@link BoxedKey} of the same row. */
  static final class RowHashKey {
    final long generation;
    final Row row;

    RowHashKey(long generation, Row row) {
      this.generation = generation;
      this.row = row;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BoxedKey k && k.generation == generation && k.row.equals(row);
    }

    @Override
    public int hashCode() {
      return row.hashCode() * 31 + Long.hashCode(generation);
    }
  }
}
