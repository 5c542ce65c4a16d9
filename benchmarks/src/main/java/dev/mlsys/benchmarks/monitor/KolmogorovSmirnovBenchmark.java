package dev.mlsys.benchmarks.monitor;

import dev.mlsys.monitor.stats.DriftTests;
import dev.mlsys.monitor.stats.TestResult;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two-sample Kolmogorov-Smirnov test on two samples of 1,000,000 normal values (the second shifted
 * by {@code shift} standard deviations), mlsys against Apache Commons Statistics 1.1
 * {@code KolmogorovSmirnovTest} in the same run. Both sort copies of the inputs and use the
 * asymptotic p-value at this size. Scores are ms per test. (Commons counts D exactly as an integer
 * difference over n; mlsys subtracts the two empirical CDFs in floating point, as scipy does, so the
 * statistics agree to 1e-12.)
 *
 * <p>The setup checks that both agree on the statistic and compares their p-values; it prints
 * both, so the table in benchmarks/README.md records the agreement next to the times. Each
 * benchmark call checks its own result.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * monitor.KolmogorovSmirnovBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class KolmogorovSmirnovBenchmark {
  static final int N = 1_000_000;

  /** Shift of the current sample in standard deviations: none, small (p about 0.5), clear (p tiny). */
  @Param({"0.0", "0.001", "0.01"})
  public double shift;

  private double[] reference;
  private double[] current;
  private double expectedStatistic;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(20240601);
    reference = new double[N];
    current = new double[N];
    for (int i = 0; i < N; i++) {
      reference[i] = gaussian(rng);
      current[i] = gaussian(rng) + shift;
    }
    TestResult mine = DriftTests.kolmogorovSmirnov().test(reference, current);
    KolmogorovSmirnovTest.TwoResult theirs = KolmogorovSmirnovTest.withDefaults().test(reference, current);
    if (Math.abs(mine.statistic() - theirs.getStatistic()) > 1e-12) {
      throw new AssertionError("statistics differ: mlsys " + mine.statistic() + ", commons " + theirs.getStatistic());
    }
    expectedStatistic = mine.statistic();
    System.out.printf("%nshift %s: D = %s, p-value mlsys %s, commons-statistics %s (relative difference %.2e)%n",
        shift, mine.statistic(), mine.pValue(), theirs.getPValue(),
        Math.abs(mine.pValue() - theirs.getPValue()) / Math.max(mine.pValue(), Double.MIN_NORMAL));
  }

  private static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log1p(-rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  private double check(double statistic, double p) {
    if (Math.abs(statistic - expectedStatistic) > 1e-12 || !(p >= 0 && p <= 1)) {
      throw new AssertionError("unexpected result " + statistic + ", " + p);
    }
    return p;
  }

  @Benchmark
  public double mlsys() {
    TestResult r = DriftTests.kolmogorovSmirnov().test(reference, current);
    return check(r.statistic(), r.pValue());
  }

  @Benchmark
  public double commonsStatistics() {
    KolmogorovSmirnovTest.TwoResult r = KolmogorovSmirnovTest.withDefaults().test(reference, current);
    return check(r.getStatistic(), r.getPValue());
  }
}
