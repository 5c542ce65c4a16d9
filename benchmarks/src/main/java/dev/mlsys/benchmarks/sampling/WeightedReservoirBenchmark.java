package dev.mlsys.benchmarks.sampling;

import dev.mlsys.data.sampling.Samplers;
import dev.mlsys.data.sampling.WeightedReservoirSampler;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.datasketches.sampling.VarOptItemsSketch;
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
 * Weighted reservoir, k = 1,000 over n = 10,000,000 items with log-normal weights (sigma 1, a
 * common shape for order amounts or session lengths), against DataSketches 6.1.1
 * {@code VarOptItemsSketch} in the same run. Scores are ns per item offered; each invocation
 * checks that k items are held.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * sampling.WeightedReservoirBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class WeightedReservoirBenchmark {
  static final int K = 1_000;
  static final int N = 10_000_000;
  static final int DISTINCT = 1 << 20;

  @Param({"mlsys", "datasketches"})
  public String library;

  private Long[] items;
  private double[] weights;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom g = new SplittableRandom(1);
    items = new Long[DISTINCT];
    weights = new double[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      items[i] = (long) i;
      weights[i] = Math.exp(g.nextGaussian());
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public Object oneByOne() {
    Long[] a = items;
    double[] w = weights;
    int mask = DISTINCT - 1;
    int size;
    Object result;
    if (library.equals("mlsys")) {
      WeightedReservoirSampler<Long> r = Samplers.<Long>weightedReservoir(K).seed(seed++).build();
      for (int i = 0; i < N; i++) {
        r.add(a[i & mask], w[i & mask]);
      }
      size = r.sample().size();
      result = r;
    } else {
      VarOptItemsSketch<Long> s = VarOptItemsSketch.newInstance(K);
      for (int i = 0; i < N; i++) {
        s.update(a[i & mask], w[i & mask]);
      }
      size = s.getNumSamples();
      result = s;
    }
    if (size != K) {
      throw new AssertionError("expected " + K + " sampled items but got " + size);
    }
    return result;
  }
}
