package dev.mlsys.benchmarks.eval;

import dev.mlsys.api.Calibrator;
import dev.mlsys.eval.calibration.Calibrators;
import dev.mlsys.eval.calibration.IsotonicCalibration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * The cost of applying one fitted calibrator to one score, the step serving adds to every
 * request. Each calibrator is fitted on 20,000 held-out scores of a realistic classifier (30 %
 * positives); isotonic keeps a few hundred thresholds. Baselines in the same run: the identity
 * lambda {@code s -> s} (the harness floor) and a hand-inlined logistic
 * {@code 1 / (1 + exp(a s + b))} (the floor for Platt), and isotonic interpolation by a plain
 * binary search over the same thresholds (the usual implementation, against the bucketed lookup
 * of {@code IsotonicCalibration}). Scores cycle through 4,096 values so the
 * branch predictor and the JIT see varied input. Setup checks every output is a probability.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CalibratorApplyBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CalibratorApplyBenchmark {
  @Param({"identity", "inlineLogistic", "platt", "isotonicPlainBinarySearch", "isotonic", "histogram", "beta"})
  public String calibrator;

  private static final int MASK = 4095;
  private double[] scores;
  private Calibrator c;
  private int i;
  private double a;
  private double b;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(7);
    int n = 20_000;
    double[] fitScores = new double[n];
    int[] fitLabels = new int[n];
    for (int k = 0; k < n; k++) {
      fitLabels[k] = r.nextDouble() < 0.3 ? 1 : 0;
      fitScores[k] = 1 / (1 + Math.exp(-(1.5 * r.nextGaussian() + (fitLabels[k] == 1 ? 1.2 : -0.4))));
    }
    scores = new double[MASK + 1];
    for (int k = 0; k < scores.length; k++) {
      scores[k] = r.nextDouble();
    }
    var platt = Calibrators.platt().fit(fitScores, fitLabels);
    a = platt.a();
    b = platt.b();
    switch (calibrator) {
      case "identity" -> c = s -> s;
      case "inlineLogistic" -> c = null;
      case "platt" -> c = platt;
      case "isotonic" -> c = Calibrators.isotonic().fit(fitScores, fitLabels);
      case "isotonicPlainBinarySearch" -> c = plainBinarySearch(Calibrators.isotonic().fit(fitScores, fitLabels));
      case "histogram" -> c = Calibrators.histogramBinning(15).fit(fitScores, fitLabels);
      case "beta" -> c = Calibrators.beta().fit(fitScores, fitLabels);
      default -> throw new IllegalArgumentException(calibrator);
    }
    for (double s : scores) {
      double p = c == null ? 1 / (1 + Math.exp(a * s + b)) : c.calibrate(s);
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalStateException(calibrator + " gave " + p + " for " + s);
      }
    }
  }

  /** Linear interpolation between the fitted points found by an ordinary binary search. */
  static Calibrator plainBinarySearch(IsotonicCalibration fitted) {
    double[] x = fitted.thresholds();
    double[] y = fitted.values();
    int last = x.length - 1;
    return s -> {
      if (s <= x[0]) {
        return y[0];
      }
      if (s >= x[last]) {
        return y[last];
      }
      int lo = 0;
      int hi = last;
      while (hi - lo > 1) {
        int mid = (lo + hi) >>> 1;
        if (x[mid] <= s) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return (y[lo + 1] - y[lo]) / (x[lo + 1] - x[lo]) * (s - x[lo]) + y[lo];
    };
  }

  @Benchmark
  public double apply() {
    double s = scores[i++ & MASK];
    return c == null ? 1 / (1 + Math.exp(a * s + b)) : c.calibrate(s);
  }
}
