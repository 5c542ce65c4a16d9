package dev.mlsys.benchmarks.sampling;

import dev.mlsys.data.sampling.ReservoirSampler;
import dev.mlsys.data.sampling.Samplers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.datasketches.sampling.ReservoirItemsSketch;
import org.apache.datasketches.sampling.ReservoirItemsUnion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Merge of 1,000 full reservoirs of k = 1,000 (each saw 10,000 items of its own partition) into
 * one, against DataSketches 6.1.1 {@code ReservoirItemsUnion} in the same run. Scores are ms per
 * whole merge. mlsys is measured two ways: {@code mergeAll} at once, and a left fold of pairwise
 * {@code merge} (each step a new sampler, as a Spark {@code reduce} would do). Each merge checks
 * that it holds k items out of 10^7.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * sampling.ReservoirMergeBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ReservoirMergeBenchmark {
  static final int K = 1_000;
  static final int PARTITIONS = 1_000;
  static final int PER_PARTITION = 10_000;

  @Param({"mlsys-mergeAll", "mlsys-fold", "datasketches"})
  public String library;

  private List<ReservoirSampler<Long>> samplers;
  private List<ReservoirItemsSketch<Long>> sketches;

  @Setup(Level.Trial)
  public void setUp() {
    samplers = new ArrayList<>();
    sketches = new ArrayList<>();
    long next = 0;
    for (int p = 0; p < PARTITIONS; p++) {
      ReservoirSampler<Long> r = Samplers.<Long>reservoir(K).seed(7).partition(p).build();
      ReservoirItemsSketch<Long> s = ReservoirItemsSketch.newInstance(K);
      for (int i = 0; i < PER_PARTITION; i++) {
        Long x = next++;
        r.add(x);
        s.update(x);
      }
      samplers.add(r);
      sketches.add(s);
    }
  }

  @Benchmark
  public Object merge() {
    long n;
    int size;
    Object result;
    switch (library) {
      case "mlsys-mergeAll" -> {
        ReservoirSampler<Long> m = ReservoirSampler.mergeAll(samplers);
        n = m.count();
        size = m.sample().size();
        result = m;
      }
      case "mlsys-fold" -> {
        ReservoirSampler<Long> m = samplers.get(0);
        for (int p = 1; p < PARTITIONS; p++) {
          m = m.merge(samplers.get(p));
        }
        n = m.count();
        size = m.sample().size();
        result = m;
      }
      default -> {
        ReservoirItemsUnion<Long> u = ReservoirItemsUnion.newInstance(K);
        for (ReservoirItemsSketch<Long> s : sketches) {
          u.update(s);
        }
        ReservoirItemsSketch<Long> m = u.getResult();
        n = m.getN();
        size = m.getNumSamples();
        result = m;
      }
    }
    if (n != (long) PARTITIONS * PER_PARTITION || size != K) {
      throw new AssertionError("merge saw " + n + " items and kept " + size);
    }
    return result;
  }
}
