package dev.mlsys.benchmarks.eval;

import dev.mlsys.eval.metrics.BinaryMetrics;
import java.util.Arrays;
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
 * ROC AUC on 1,000,000 scores: {@link BinaryMetrics#rocAuc} (split by class, two primitive
 * sorts, one merge) against the plain sort-based computation (sort row indices by score, sweep
 * the ranks with ties averaged).
 *
 * <p>Scores are a classifier's probabilities of the positive class (30 % positives, normal
 * scores shifted by one standard deviation) rounded to four decimals, so ties are as common as
 * in real output. Setup checks that both give the same AUC.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RocAucBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RocAucBenchmark {
  @Param({"mlsys", "sortBaseline"})
  public String implementation;

  @Param({"1000000"})
  public int n;

  private double[] scores;
  private int[] labels;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    scores = new double[n];
    labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextDouble() < 0.3 ? 1 : 0;
      double z = r.nextGaussian() + (labels[i] == 1 ? 1.0 : 0.0);
      scores[i] = Math.round(1e4 / (1 + Math.exp(-z))) / 1e4;
    }
    double ours = BinaryMetrics.rocAuc(scores, labels);
    double baseline = sortBaseline(scores, labels);
    if (Math.abs(ours - baseline) > 1e-12) {
      throw new IllegalStateException("AUC mismatch: " + ours + " vs " + baseline);
    }
  }

  @Benchmark
  public double auc() {
    return implementation.equals("mlsys") ? BinaryMetrics.rocAuc(scores, labels) : sortBaseline(scores, labels);
  }

  /** The textbook computation: rank all scores (ties get their mean rank) and use Mann-Whitney U. */
  static double sortBaseline(double[] scores, int[] labels) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && scores[order[j]] == scores[order[i]]) {
        j++;
      }
      double meanRank = (i + 1 + j) / 2.0;
      for (int k = i; k < j; k++) {
        if (labels[order[k]] == 1) {
          rankSum += meanRank;
          positives++;
        }
      }
      i = j;
    }
    long negatives = n - positives;
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
