package dev.mlsys.monitor.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The classifier two-sample test (Lopez-Paz and Oquab, "Revisiting classifier two-sample tests",
 * ICLR 2017) with ROC AUC as its statistic, the "domain classifier" of drift detection: if a
 * model can tell current points from reference points better than chance, the distributions
 * differ.
 *
 * <p>Each sample is shuffled with a generator seeded from {@code seed} and split into a training
 * part and a held-out part ({@code testFraction} of its points, at least one, at most all but
 * one). A logistic regression learns current (1) against reference (0) on the training parts: L2
 * penalty {@code |w|^2 / 2} on the weights (scikit-learn's default {@code C = 1}), intercept not
 * penalised, features standardised with the training parts' means and standard deviations, fitted
 * by Newton's method to the optimum. The statistic is the AUC of its scores on the held-out
 * points: 0.5 when it cannot tell the samples apart, 1 when it separates them.
 *
 * <p>The p-value is one-sided (AUC above 0.5): the Mann-Whitney U test of the held-out current
 * scores against the held-out reference scores, normal approximation with tie and continuity
 * corrections, as {@code scipy.stats.mannwhitneyu(current, reference, alternative="greater",
 * method="asymptotic")}. It is valid under the null whatever the model learned: the held-out
 * points took no part in training, so their scores are exchangeable between the samples when the
 * distributions are equal. If every held-out score ties (nothing learned), the p-value is 1.
 *
 * <p>Assumptions: independent points; a linear boundary in the given features (a shift in mean
 * or in correlated means shows; a change in spread alone does not: add squared features, or use
 * {@link DriftTests#mmd()}). Default threshold: p &lt; 0.05. Each sample needs at least
 * {@value #MIN_POINTS} points, and the normal approximation wants about 20 held-out points per
 * sample; ragged rows, NaN and infinite values are rejected with an
 * {@link IllegalArgumentException}.
 *
 * <p>Thread-safety: immutable; each call draws its own generator from the seed, so equal inputs
 * give equal results.
 */
final class DomainClassifier implements MultivariateDriftTest {
  static final int MIN_POINTS = 4;
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private final double testFraction;
  private final long seed;

  DomainClassifier(double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must be in (0, 1) but was: " + testFraction);
    }
    this.testFraction = testFraction;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "domain-classifier";
  }

  @Override
  public TestResult test(double[][] reference, double[][] current) {
    int dim = Samples.checkPoints(reference, "reference", -1, MIN_POINTS);
    Samples.checkPoints(current, "current", dim, MIN_POINTS);
    SplittableRandom rng = new SplittableRandom(seed);
    int[] referenceOrder = shuffled(reference.length, rng);
    int[] currentOrder = shuffled(current.length, rng);
    int referenceHeldOut = heldOut(reference.length);
    int currentHeldOut = heldOut(current.length);

    int trainRows = reference.length - referenceHeldOut + current.length - currentHeldOut;
    double[][] x = new double[trainRows][];
    double[] y = new double[trainRows];
    int r = 0;
    for (int i = referenceHeldOut; i < reference.length; i++) {
      x[r++] = reference[referenceOrder[i]];
    }
    for (int i = currentHeldOut; i < current.length; i++) {
      y[r] = 1;
      x[r++] = current[currentOrder[i]];
    }
    Standardizer scale = Standardizer.fit(x, dim);
    double[] beta = PenalizedLogistic.fit(scale.applyAll(x), y);

    double[] referenceScores = new double[referenceHeldOut];
    for (int i = 0; i < referenceHeldOut; i++) {
      referenceScores[i] = PenalizedLogistic.linear(beta, scale.apply(reference[referenceOrder[i]]));
    }
    double[] currentScores = new double[currentHeldOut];
    for (int i = 0; i < currentHeldOut; i++) {
      currentScores[i] = PenalizedLogistic.linear(beta, scale.apply(current[currentOrder[i]]));
    }
    double[] aucAndP = mannWhitneyGreater(currentScores, referenceScores);
    return new TestResult(name(), aucAndP[0], aucAndP[1]);
  }

  private int heldOut(int n) {
    long k = Math.round(n * testFraction);
    return (int) Math.max(1, Math.min(n - 1, k));
  }

  private static int[] shuffled(int n, SplittableRandom rng) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Samples.shuffle(order, rng);
    return order;
  }

  /**
   * The AUC of {@code x} over {@code y} (the probability that a score of x exceeds one of y, ties
   * counting one half) and the one-sided asymptotic Mann-Whitney p-value that x tends to be
   * larger, as scipy's {@code mannwhitneyu(x, y, alternative="greater", method="asymptotic")}.
   *
   * @return {AUC, p-value}
   */
  static double[] mannWhitneyGreater(double[] x, double[] y) {
    int n1 = x.length;
    int n2 = y.length;
    int n = n1 + n2;
    double[] pooled = Arrays.copyOf(x, n);
    System.arraycopy(y, 0, pooled, n1, n2);
    double[] ranks = Ranks.average(pooled);
    double r1 = 0;
    for (int i = 0; i < n1; i++) {
      r1 += ranks[i];
    }
    double u = r1 - n1 * (n1 + 1.0) / 2;
    double auc = u / ((double) n1 * n2);
    double[] sorted = pooled.clone();
    Arrays.sort(sorted);
    double ties = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && sorted[j + 1] == sorted[i]) {
        j++;
      }
      double t = j - i + 1;
      ties += t * t * t - t;
      i = j + 1;
    }
    double variance = n1 * (double) n2 / 12 * ((n + 1) - ties / ((double) n * (n - 1)));
    if (!(variance > 0)) {
      return new double[] {auc, 1.0};
    }
    double z = (u - n1 * (double) n2 / 2 - 0.5) / Math.sqrt(variance);
    return new double[] {auc, Math.min(1.0, Math.max(0.0, STANDARD_NORMAL.survivalProbability(z)))};
  }

  /** Per-column means and standard deviations of the training points; a constant column is only centred. */
  private record Standardizer(double[] mean, double[] scale) {
    static Standardizer fit(double[][] x, int dim) {
      double[] mean = new double[dim];
      for (double[] row : x) {
        for (int c = 0; c < dim; c++) {
          mean[c] += row[c];
        }
      }
      for (int c = 0; c < dim; c++) {
        mean[c] /= x.length;
      }
      double[] scale = new double[dim];
      for (double[] row : x) {
        for (int c = 0; c < dim; c++) {
          double d = row[c] - mean[c];
          scale[c] += d * d;
        }
      }
      for (int c = 0; c < dim; c++) {
        double sd = Math.sqrt(scale[c] / x.length);
        scale[c] = sd > 0 ? sd : 1.0;
      }
      return new Standardizer(mean, scale);
    }

    double[] apply(double[] row) {
      double[] out = new double[row.length];
      for (int c = 0; c < row.length; c++) {
        out[c] = (row[c] - mean[c]) / scale[c];
      }
      return out;
    }

    double[][] applyAll(double[][] rows) {
      double[][] out = new double[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        out[i] = apply(rows[i]);
      }
      return out;
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "domain-classifier(testFraction=%s, seed=%d)", testFraction, seed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DomainClassifier d && d.testFraction == testFraction && d.seed == seed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(testFraction, seed);
  }
}
