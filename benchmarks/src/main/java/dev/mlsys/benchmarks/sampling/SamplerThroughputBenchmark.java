package dev.mlsys.benchmarks.sampling;

import dev.mlsys.data.sampling.BernoulliSampler;
import dev.mlsys.data.sampling.HashSampler;
import dev.mlsys.data.sampling.ImportanceSampler;
import dev.mlsys.data.sampling.PoissonSampler;
import dev.mlsys.data.sampling.Samplers;
import dev.mlsys.data.sampling.StratifiedSampler;
import java.util.concurrent.TimeUnit;
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
 * ns per item for the samplers without a peer library: each invocation offers 1,000,000 items
 * (2^20 distinct boxed longs with string keys for hashing) to a fresh sampler and checks that it
 * sampled something plausible. {@code baseline} only reads the items, to show the loop's own cost.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * sampling.SamplerThroughputBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SamplerThroughputBenchmark {
  static final int N = 1_000_000;
  static final int DISTINCT = 1 << 20;

  @Param({"baseline", "bernoulli-1%", "poisson-1%", "hash-1%", "stratified-10x100", "importance-100"})
  public String sampler;

  private Long[] items;
  private String[] keys;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    items = new Long[DISTINCT];
    keys = new String[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      items[i] = (long) i;
      keys[i] = "user-" + i;
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long offer() {
    Long[] a = items;
    long kept = 0;
    switch (sampler) {
      case "baseline" -> {
        for (int i = 0; i < N; i++) {
          kept += a[i] & 1;
        }
        return kept;
      }
      case "bernoulli-1%" -> {
        BernoulliSampler b = Samplers.bernoulli(0.01).seed(seed++).build();
        for (int i = 0; i < N; i++) {
          if (b.next()) {
            kept += a[i];
          }
        }
        return checked(b.sampled(), 0.01);
      }
      case "poisson-1%" -> {
        PoissonSampler p = Samplers.poisson(0.01).seed(seed++).build();
        for (int i = 0; i < N; i++) {
          kept += p.next();
        }
        return checked(kept, 0.01);
      }
      case "hash-1%" -> {
        HashSampler<String> h = Samplers.<String>hash(0.01, s -> s).seed(seed++).build();
        String[] k = keys;
        for (int i = 0; i < N; i++) {
          if (h.test(k[i])) {
            kept++;
          }
        }
        return checked(kept, 0.01);
      }
      case "stratified-10x100" -> {
        StratifiedSampler<Long> s = Samplers.<Long>stratified((Long x) -> (int) (x % 10)).perStratum(100)
            .seed(seed++).build();
        for (int i = 0; i < N; i++) {
          s.add(a[i]);
        }
        return checked(s.sample().values().stream().mapToLong(java.util.List::size).sum(), 1000.0 / N);
      }
      default -> {
        ImportanceSampler<Long> s = Samplers.<Long>importance(100, (Long x) -> 1.0 + (x & 7)).seed(seed++).build();
        for (int i = 0; i < N; i++) {
          s.add(a[i]);
        }
        return checked(s.sample().size(), 100.0 / N);
      }
    }
  }

  private static long checked(long kept, double rate) {
    double expected = rate * N;
    if (Math.abs(kept - expected) > 6 * Math.sqrt(expected) + 1) {
      throw new AssertionError("kept " + kept + " but expected about " + expected);
    }
    return kept;
  }
}
