package dev.mlsys.benchmarks.monitor;

import dev.mlsys.monitor.stream.DriftDetector;
import dev.mlsys.monitor.stream.DriftDetectors;
import dev.mlsys.monitor.stream.DriftState;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Updates per second of the streaming detectors, in ns per update, on a stream of 65,536 values
 * with a change in the middle (error indicators for the binary detectors, a real-valued stream for
 * the others), fed again and again to one long-lived detector, as in production. The baseline is
 * a Welford mean-and-variance update, the cheapest useful streaming statistic: the ratio says
 * what each detector costs on top of reading its input. Target: ADWIN, DDM and Page-Hinkley at
 * most 100 ns per update. Each invocation checks that the detector reported at least one drift.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * monitor.DriftDetectorBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class DriftDetectorBenchmark {
  static final int N = 1 << 16;

  @Param({"welford-baseline", "adwin", "ddm", "eddm", "page-hinkley", "cusum", "kswin", "hddm_a", "hddm_w"})
  public String detector;

  private double[] stream;
  private DriftDetector d;
  private double mean;
  private double m2;
  private long n;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(7);
    stream = new double[N];
    boolean binary = detector.startsWith("ddm") || detector.startsWith("eddm") || detector.startsWith("hddm");
    for (int i = 0; i < N; i++) {
      double errorRate = i < N / 2 ? 0.1 : 0.4;
      stream[i] = binary ? (rng.nextDouble() < errorRate ? 1 : 0) : rng.nextDouble() + (i < N / 2 ? 0 : 0.5);
    }
    d = switch (detector) {
      case "adwin" -> DriftDetectors.adwin();
      case "ddm" -> DriftDetectors.ddm();
      case "eddm" -> DriftDetectors.eddm();
      case "page-hinkley" -> DriftDetectors.pageHinkley();
      case "cusum" -> DriftDetectors.cusum();
      case "kswin" -> DriftDetectors.kswin(42);
      case "hddm_a" -> DriftDetectors.hddmA();
      case "hddm_w" -> DriftDetectors.hddmW();
      default -> null;
    };
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long updates() {
    double[] s = stream;
    if (d == null) {
      for (double x : s) {
        n++;
        double delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean);
      }
      if (!(m2 > 0)) {
        throw new AssertionError("no variance");
      }
      return n;
    }
    long drifts = 0;
    for (double x : s) {
      if (d.update(x) == DriftState.DRIFT) {
        drifts++;
      }
    }
    if (drifts == 0) {
      throw new AssertionError(d.name() + " found no drift in a stream with a change");
    }
    return drifts;
  }
}
