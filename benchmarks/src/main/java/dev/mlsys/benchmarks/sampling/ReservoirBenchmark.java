package dev.mlsys.benchmarks.sampling;

import dev.mlsys.data.sampling.LongReservoirSampler;
import dev.mlsys.data.sampling.ReservoirSampler;
import dev.mlsys.data.sampling.Samplers;
import java.util.concurrent.TimeUnit;
import org.apache.datasketches.sampling.ReservoirItemsSketch;
import org.apache.datasketches.sampling.ReservoirLongsSketch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Uniform reservoir, k = 1,000 over n = 10,000,000 items, against DataSketches 6.1.1
 * {@code ReservoirItemsSketch} (Algorithm R: a random number per item) in the same run. Scores are
 * ns per item offered.
 *
 * <ul>
 *   <li>{@code oneByOne}: boxed items offered one by one ({@code add} / {@code update}); the items
 *       are 2^20 distinct {@code Long}s, cycled, so the heap stays small.
 *   <li>{@code bulkLongs}: a {@code long[]} of 10^7 values; mlsys uses its bulk path
 *       {@code LongReservoirSampler.addAll(long[])}, DataSketches has no bulk path and takes each
 *       value with {@code ReservoirLongsSketch.update(long)} or, boxed, with
 *       {@code ReservoirItemsSketch.update}.
 * </ul>
 *
 * <p>Each invocation builds a fresh sampler with a new seed and checks that it holds k items.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * sampling.ReservoirBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ReservoirBenchmark {
  static final int K = 1_000;
  static final int N = 10_000_000;
  static final int DISTINCT = 1 << 20;

  @Param({"mlsys", "datasketches"})
  public String library;

  private Long[] items;
  private long[] values;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    items = new Long[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      items[i] = (long) i * 2_654_435_761L;
    }
    values = new long[N];
    for (int i = 0; i < N; i++) {
      values[i] = (long) i * 2_654_435_761L;
    }
  }

  private static <T> T check(T sample, int size) {
    if (size != K) {
      throw new AssertionError("expected " + K + " sampled items but got " + size);
    }
    return sample;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public Object oneByOne() {
    Long[] a = items;
    int mask = DISTINCT - 1;
    if (library.equals("mlsys")) {
      ReservoirSampler<Long> r = Samplers.<Long>reservoir(K).seed(seed++).build();
      for (int i = 0; i < N; i++) {
        r.add(a[i & mask]);
      }
      return check(r, r.sample().size());
    }
    ReservoirItemsSketch<Long> s = ReservoirItemsSketch.newInstance(K);
    for (int i = 0; i < N; i++) {
      s.update(a[i & mask]);
    }
    return check(s, s.getNumSamples());
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public Object bulkLongs() {
    long[] v = values;
    if (library.equals("mlsys")) {
      LongReservoirSampler r = Samplers.longReservoir(K).seed(seed++).build();
      r.addAll(v);
      return check(r, r.sample().length);
    }
    ReservoirLongsSketch s = ReservoirLongsSketch.newInstance(K);
    for (long x : v) {
      s.update(x);
    }
    return check(s, s.getNumSamples());
  }

  /** The same long[] offered boxed to the DataSketches items sketch (the peer). */
  @Benchmark
  @OperationsPerInvocation(N)
  public Object bulkLongsBoxedPeer() {
    if (library.equals("mlsys")) {
      return bulkLongs();
    }
    ReservoirItemsSketch<Long> s = ReservoirItemsSketch.newInstance(K);
    for (long x : values) {
      s.update(x);
    }
    return check(s, s.getNumSamples());
  }
}
