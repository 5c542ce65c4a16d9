package dev.mlsys.benchmarks.serving;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Row;
import dev.mlsys.serving.PredictionService;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Throughput of cache hits with one and with two threads sharing one service (same 1,024 cached
 * 30-feature rows, each thread walking them from its own offset). Target: two threads at least
 * 1.8x one thread. The peer is a bare Caffeine cache (same size, statistics on) read with the same
 * rows as keys, with one and two threads: it shows how far the machine lets two threads scale.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * serving.ServingThroughputBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ServingThroughputBenchmark {
  static final int ROWS = 1024;

  PredictionService service;
  Cache<Row, Prediction> caffeine;
  Row[] rows;

  /** Each thread's position in the rows. */
  @State(Scope.Thread)
  public static class Cursor {
    int i;

    @Setup(Level.Trial)
    public void start(ThreadParams params) {
      i = params.getThreadIndex() * (ROWS / 2);
    }

    int next() {
      i = (i + 1) & (ROWS - 1);
      return i;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    double[][] x = ServingFixture.features(ROWS, 7);
    rows = new Row[ROWS];
    service = PredictionService.builder(ServingFixture.SCHEMA)
        .model("v1", ServingFixture.predictor(ServingFixture.trainForest(42)))
        .calibrator(ServingFixture.CALIBRATOR).cacheSize(100_000).build();
    caffeine = Caffeine.newBuilder().maximumSize(100_000).recordStats().build();
    for (int i = 0; i < ROWS; i++) {
      rows[i] = ServingFixture.row(x[i]);
      caffeine.put(rows[i], service.predict(rows[i]));
    }
  }

  @TearDown(Level.Trial)
  public void check() {
    long misses = service.stats().cache().misses();
    service.close();
    if (misses != ROWS) {
      throw new IllegalStateException("expected only the " + ROWS + " warm-up misses but saw " + misses);
    }
  }

  @Benchmark
  @Threads(1)
  public Prediction hitsOneThread(Cursor c) {
    return service.predict(rows[c.next()]);
  }

  @Benchmark
  @Threads(2)
  public Prediction hitsTwoThreads(Cursor c) {
    return service.predict(rows[c.next()]);
  }

  @Benchmark
  @Threads(1)
  public Prediction caffeineOneThread(Cursor c) {
    return caffeine.getIfPresent(rows[c.next()]);
  }

  @Benchmark
  @Threads(2)
  public Prediction caffeineTwoThreads(Cursor c) {
    return caffeine.getIfPresent(rows[c.next()]);
  }
}
