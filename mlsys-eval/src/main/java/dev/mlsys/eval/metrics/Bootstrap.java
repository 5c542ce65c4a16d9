package dev.mlsys.eval.metrics;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals for any metric (Efron and Tibshirani 1993, ch. 13):
 * draw rows with replacement, recompute the metric, and take the (1 - c) / 2 and (1 + c) / 2
 * quantiles of the resampled values (numpy's default "linear" quantile).
 *
 * <pre>{@code
 * BootstrapInterval ci = Bootstrap.percentile().resamples(2000).seed(7)
 *     .interval(scores, labels, BinaryMetrics::rocAuc);
 * }</pre>
 *
 * <p>Resample b draws from its own generator, seeded by mixing the seed with b (SplitMix64), so an
 * interval depends only on the seed, never on threads or call order. Resamples on which the
 * metric is undefined (NaN, or it throws {@link IllegalArgumentException}, as AUC does on a
 * resample with one class) are counted in {@link BootstrapInterval#undefined()}, not hidden;
 * {@link #stratified(boolean)} resampling within each class avoids them.
 *
 * <p>An immutable specification: every option returns a copy, safe to keep in a constant and to
 * use from many threads.
 */
public final class Bootstrap {
  /** Resamples drawn unless set: enough for stable 95 % percentile bounds. */
  public static final int DEFAULT_RESAMPLES = 2000;
  /** Confidence level unless set. */
  public static final double DEFAULT_CONFIDENCE = 0.95;
  /** Seed unless set. */
  public static final long DEFAULT_SEED = 0;

  private final int resamples;
  private final double confidence;
  private final long seed;
  private final boolean stratified;

  private Bootstrap(int resamples, double confidence, long seed, boolean stratified) {
    this.resamples = resamples;
    this.confidence = confidence;
    this.seed = seed;
    this.stratified = stratified;
  }

  /** @return a percentile bootstrap with {@value #DEFAULT_RESAMPLES} resamples, 95 % confidence and seed 0 */
  public static Bootstrap percentile() {
    return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE, DEFAULT_SEED, false);
  }

  /**
   * @param count resamples to draw, &gt;= 1
   * @return a copy with that many resamples
   * @throws IllegalArgumentException if count &lt; 1
   */
  public Bootstrap resamples(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("resamples must be >= 1 but was: " + count);
    }
    return new Bootstrap(count, confidence, seed, stratified);
  }

  /**
   * @param level the confidence level in (0, 1)
   * @return a copy with that level
   * @throws IllegalArgumentException if the level is outside (0, 1)
   */
  public Bootstrap confidence(double level) {
    Inputs.confidence(level);
    return new Bootstrap(resamples, level, seed, stratified);
  }

  /** @param newSeed the seed @return a copy with that seed */
  public Bootstrap seed(long newSeed) {
    return new Bootstrap(resamples, confidence, newSeed, stratified);
  }

  /**
   * @param byClass whether {@link #interval(double[], int[], BinaryMetric)} resamples within each
   *     label class, keeping the class counts (so rank metrics stay defined)
   * @return a copy with that choice
   */
  public Bootstrap stratified(boolean byClass) {
    return new Bootstrap(resamples, confidence, seed, byClass);
  }

  /** @return the number of resamples */
  public int resamples() {
    return resamples;
  }

  /** @return the confidence level */
  public double confidence() {
    return confidence;
  }

  /** @return the seed */
  public long seed() {
    return seed;
  }

  /**
   * @param scores scores of the positive class
   * @param labels 0/1 labels, same length
   * @param metric the metric, e.g. {@code BinaryMetrics::rocAuc}
   * @return the estimate and its percentile interval
   * @throws IllegalArgumentException if lengths differ, the input is empty, or the metric is
   *     undefined on the data itself
   * @throws IllegalStateException if the metric is undefined on every resample
   */
  public BootstrapInterval interval(double[] scores, int[] labels, BinaryMetric metric) {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(metric, "metric");
    Inputs.sameLength("scores", scores.length, "labels", labels.length);
    Inputs.binaryLabels(labels);
    ResampleStatistic statistic = rows -> {
      double[] s = new double[rows.length];
      int[] y = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        s[i] = scores[rows[i]];
        y[i] = labels[rows[i]];
      }
      return metric.compute(s, y);
    };
    return stratified ? interval(labels, statistic) : interval(scores.length, statistic);
  }

  /**
   * @param actual true values
   * @param predicted predicted values, same length
   * @param metric the metric, e.g. {@code RegressionMetrics::meanAbsoluteError}
   * @return the estimate and its percentile interval
   * @throws IllegalArgumentException if lengths differ or the input is empty
   * @throws IllegalStateException if the metric is undefined on every resample
   */
  public BootstrapInterval interval(double[] actual, double[] predicted, RegressionMetric metric) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(metric, "metric");
    Inputs.sameLength("actual", actual.length, "predicted", predicted.length);
    return interval(actual.length, rows -> {
      double[] a = new double[rows.length];
      double[] p = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        a[i] = actual[rows[i]];
        p[i] = predicted[rows[i]];
      }
      return metric.compute(a, p);
    });
  }

  /**
   * @param rows the number of rows n, &gt;= 1
   * @param statistic the statistic of a resample given as row indices
   * @return the estimate (on rows 0..n-1) and its percentile interval
   * @throws IllegalArgumentException if n &lt; 1 or the statistic is undefined on the data itself
   * @throws IllegalStateException if the statistic is undefined on every resample
   */
  public BootstrapInterval interval(int rows, ResampleStatistic statistic) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be >= 1 but was: " + rows);
    }
    return run(new int[rows], 1, statistic);
  }

  /**
   * A stratified bootstrap: each resample draws within each stratum as many rows as it holds.
   *
   * @param strata the stratum of each row (any int codes); its length is n
   * @param statistic the statistic of a resample given as row indices
   * @return the estimate and its percentile interval
   * @throws IllegalArgumentException if there are no rows or the statistic is undefined on the data
   * @throws IllegalStateException if the statistic is undefined on every resample
   */
  public BootstrapInterval interval(int[] strata, ResampleStatistic statistic) {
    Objects.requireNonNull(strata, "strata");
    Inputs.nonEmpty("strata", strata.length);
    return run(strata, Integer.MAX_VALUE, statistic);
  }

  private BootstrapInterval run(int[] strata, int maxGroups, ResampleStatistic statistic) {
    Objects.requireNonNull(statistic, "statistic");
    int n = strata.length;
    int[] identity = new int[n];
    Arrays.setAll(identity, i -> i);
    double estimate = statistic.compute(identity);
    if (Double.isNaN(estimate)) {
      throw new IllegalArgumentException("the statistic is undefined (NaN) on the data itself");
    }
    int[][] groups = maxGroups == 1 ? new int[][] {identity} : groupRows(strata);
    double[] values = new double[resamples];
    int defined = 0;
    int[] sample = new int[n];
    for (int b = 0; b < resamples; b++) {
      SplittableRandom random = new SplittableRandom(Seeds.mix(seed, b));
      int k = 0;
      for (int[] group : groups) {
        for (int i = 0; i < group.length; i++) {
          sample[k++] = group[random.nextInt(group.length)];
        }
      }
      double v;
      try {
        v = statistic.compute(sample.clone());
      } catch (IllegalArgumentException undefined) {
        v = Double.NaN;
      }
      if (!Double.isNaN(v)) {
        values[defined++] = v;
      }
    }
    if (defined == 0) {
      throw new IllegalStateException("the statistic was undefined on all " + resamples
          + " resamples; consider stratified(true)");
    }
    double[] sorted = Arrays.copyOf(values, defined);
    Arrays.sort(sorted);
    double tail = (1 - confidence) / 2;
    Interval interval = new Interval(quantile(sorted, tail), quantile(sorted, 1 - tail), confidence);
    return new BootstrapInterval(estimate, interval, resamples, resamples - defined, seed);
  }

  private static int[][] groupRows(int[] strata) {
    java.util.Map<Integer, java.util.List<Integer>> byStratum = new java.util.TreeMap<>();
    for (int i = 0; i < strata.length; i++) {
      byStratum.computeIfAbsent(strata[i], s -> new java.util.ArrayList<>()).add(i);
    }
    int[][] groups = new int[byStratum.size()][];
    int g = 0;
    for (java.util.List<Integer> rows : byStratum.values()) {
      groups[g++] = rows.stream().mapToInt(Integer::intValue).toArray();
    }
    return groups;
  }

  /**
   * The q-quantile of sorted values by linear interpolation between order statistics at (n - 1) q,
   * numpy's default method, including its choice of lerp form for numerical symmetry.
   */
  static double quantile(double[] sorted, double q) {
    int n = sorted.length;
    double virtual = (n - 1) * q;
    int below = (int) Math.floor(virtual);
    if (below >= n - 1) {
      return sorted[n - 1];
    }
    if (below < 0) {
      return sorted[0];
    }
    double a = sorted[below];
    double b = sorted[below + 1];
    double t = virtual - below;
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  @Override
  public String toString() {
    return "Bootstrap.percentile().resamples(" + resamples + ").confidence(" + confidence + ").seed(" + seed
        + ").stratified(" + stratified + ")";
  }
}
