package dev.mlsys.eval.metrics;

import java.util.Objects;

/**
 * Tests for comparing models on the same rows: DeLong for two ROC AUCs, McNemar for two
 * classifiers' errors, Welch for two samples of per-row losses. p-values equal scipy's to 1e-9.
 *
 * <pre>{@code
 * DeLongResult d = SignificanceTests.deLong(scoresA, scoresB, labels);
 * McNemarResult m = SignificanceTests.mcNemar(actual, predictedA, predictedB, McNemarMethod.EXACT);
 * }</pre>
 *
 * <p>Pure functions: thread-safe; arguments are not modified.
 */
public final class SignificanceTests {
  private SignificanceTests() {}

  /**
   * DeLong, DeLong and Clarke-Pearson (1988), "Comparing the areas under two or more correlated
   * receiver operating characteristic curves", Biometrics 44(3); computed from the structural
   * components in O(n log n) as in Sun and Xu (2014), IEEE Signal Processing Letters 21(11).
   *
   * @param scoresA first model's scores of the positive class
   * @param scoresB second model's scores, same rows
   * @param labels 0/1 labels with at least two of each class
   * @return both AUCs, their covariance matrix and the two-sided z test of their difference
   * @throws IllegalArgumentException if lengths differ, a score is NaN, a label is not 0/1, or
   *     either class has fewer than two rows (the variance needs two)
   */
  public static DeLongResult deLong(double[] scoresA, double[] scoresB, int[] labels) {
    Objects.requireNonNull(scoresB, "scoresB");
    Inputs.sameLength("scoresA", scoresA == null ? 0 : scoresA.length, "scoresB", scoresB.length);
    Components a = Components.of(scoresA, labels);
    Components b = Components.of(scoresB, labels);
    double varA = a.variance();
    double varB = b.variance();
    double cov = covariance(a.positive, b.positive, a.auc, b.auc) / a.positive.length
        + covariance(a.negative, b.negative, a.auc, b.auc) / a.negative.length;
    double varDiff = varA + varB - 2 * cov;
    double diff = a.auc - b.auc;
    double z;
    if (varDiff <= 0) {
      z = diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
    } else {
      z = diff / Math.sqrt(varDiff);
    }
    return new DeLongResult(a.auc, b.auc, varA, varB, cov, z, SpecialFunctions.normalTwoSided(z));
  }

  /**
   * A normal-theory confidence interval for one ROC AUC with DeLong's variance, clipped to [0, 1].
   *
   * @param scores scores of the positive class
   * @param labels 0/1 labels with at least two of each class
   * @param confidence the confidence level in (0, 1)
   * @return the interval around the AUC
   * @throws IllegalArgumentException as {@link #deLong}
   */
  public static Interval deLongInterval(double[] scores, int[] labels, double confidence) {
    Components c = Components.of(scores, labels);
    double half = Proportions.normalCriticalValue(confidence) * Math.sqrt(c.variance());
    return new Interval(Math.max(0, c.auc - half), Math.min(1, c.auc + half), confidence);
  }

  /**
   * McNemar (1947) from per-row predictions of two classifiers.
   *
   * @param actual actual class indices
   * @param predictedA first classifier's predictions, same length
   * @param predictedB second classifier's predictions, same length
   * @param method how the p-value is computed
   * @return the discordant counts, statistic and p-value
   * @throws IllegalArgumentException if lengths differ or the input is empty
   */
  public static McNemarResult mcNemar(int[] actual, int[] predictedA, int[] predictedB, McNemarMethod method) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(predictedA, "predictedA");
    Objects.requireNonNull(predictedB, "predictedB");
    Inputs.sameLength("actual", actual.length, "predictedA", predictedA.length);
    Inputs.sameLength("actual", actual.length, "predictedB", predictedB.length);
    Inputs.nonEmpty("actual", actual.length);
    long b = 0;
    long c = 0;
    for (int i = 0; i < actual.length; i++) {
      boolean aRight = predictedA[i] == actual[i];
      boolean bRight = predictedB[i] == actual[i];
      if (aRight && !bRight) {
        b++;
      } else if (bRight && !aRight) {
        c++;
      }
    }
    return mcNemar(b, c, method);
  }

  /**
   * McNemar (1947) from the discordant counts; statsmodels' {@code mcnemar} (exact or not, with
   * or without correction), except that the corrected |b - c| - 1 is floored at 0 where
   * statsmodels squares -1 when b = c. With b + c = 0 the p-value is 1 and the statistic 0.
   *
   * @param onlyACorrect b, rows only the first classifier gets right, &gt;= 0
   * @param onlyBCorrect c, rows only the second gets right, &gt;= 0
   * @param method how the p-value is computed
   * @return the statistic and p-value
   * @throws IllegalArgumentException if a count is negative
   */
  public static McNemarResult mcNemar(long onlyACorrect, long onlyBCorrect, McNemarMethod method) {
    Objects.requireNonNull(method, "method");
    if (onlyACorrect < 0 || onlyBCorrect < 0) {
      throw new IllegalArgumentException("discordant counts must be >= 0 but were " + onlyACorrect + " and " + onlyBCorrect);
    }
    long n = onlyACorrect + onlyBCorrect;
    switch (method) {
      case EXACT: {
        long k = Math.min(onlyACorrect, onlyBCorrect);
        double p = n == 0 ? 1 : Math.min(1.0, 2 * SpecialFunctions.binomialHalfCdf(k, n));
        return new McNemarResult(onlyACorrect, onlyBCorrect, k, p, method);
      }
      case CHI_SQUARED:
      case CHI_SQUARED_CORRECTED:
      default: {
        if (n == 0) {
          return new McNemarResult(onlyACorrect, onlyBCorrect, 0, 1, method);
        }
        double d = Math.abs((double) onlyACorrect - onlyBCorrect);
        if (method == McNemarMethod.CHI_SQUARED_CORRECTED) {
          d = Math.max(0, d - 1);
        }
        double statistic = d * d / n;
        return new McNemarResult(onlyACorrect, onlyBCorrect, statistic, SpecialFunctions.chiSquaredOneSf(statistic), method);
      }
    }
  }

  /**
   * Welch's t-test (Welch 1947); scipy's {@code ttest_ind(a, b, equal_var=False)}. When both
   * samples are constant the statistic is 0 (p = 1) for equal means and infinite (p = 0)
   * otherwise, where scipy returns NaN.
   *
   * @param a first sample, at least two finite values
   * @param b second sample, at least two finite values
   * @return t, the Welch-Satterthwaite degrees of freedom and the two-sided p-value
   * @throws IllegalArgumentException if a sample has fewer than two values or a value is not finite
   */
  public static WelchResult welch(double[] a, double[] b) {
    Inputs.finite("a", a);
    Inputs.finite("b", b);
    if (a.length < 2 || b.length < 2) {
      throw new IllegalArgumentException("welch needs at least 2 values per sample but had " + a.length + " and " + b.length);
    }
    double meanA = Inputs.mean(a);
    double meanB = Inputs.mean(b);
    double va = variance(a, meanA) / a.length;
    double vb = variance(b, meanB) / b.length;
    double se2 = va + vb;
    double diff = meanA - meanB;
    if (se2 == 0) {
      return diff == 0 ? new WelchResult(0, Double.NaN, 1)
          : new WelchResult(Math.copySign(Double.POSITIVE_INFINITY, diff), Double.NaN, 0);
    }
    double t = diff / Math.sqrt(se2);
    double df = se2 * se2 / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
    return new WelchResult(t, df, SpecialFunctions.studentTTwoSided(t, df));
  }

  private static double variance(double[] x, double mean) {
    double[] sq = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - mean;
      sq[i] = d * d;
    }
    return Inputs.sum(sq) / (x.length - 1);
  }

  private static double covariance(double[] x, double[] y, double meanX, double meanY) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += (x[i] - meanX) * (y[i] - meanY);
    }
    return sum / (x.length - 1);
  }

  /** DeLong's structural components of one score vector, in the original row order per class. */
  private static final class Components {
    final double[] positive;
    final double[] negative;
    final double auc;

    private Components(double[] positive, double[] negative, double auc) {
      this.positive = positive;
      this.negative = negative;
      this.auc = auc;
    }

    static Components of(double[] scores, int[] labels) {
      BinaryMetrics.Split split = BinaryMetrics.Split.of(scores, labels, "deLong");
      int m = split.positives.length;
      int n = split.negatives.length;
      if (m < 2 || n < 2) {
        throw new IllegalArgumentException("deLong needs at least 2 rows of each class but had " + m
            + " positives and " + n + " negatives");
      }
      double[] pos = new double[m];
      double[] neg = new double[n];
      int p = 0;
      int q = 0;
      for (int i = 0; i < labels.length; i++) {
        double s = scores[i] + 0.0;
        if (labels[i] == 1) {
          pos[p++] = placement(split.negatives, s, false) / n;
        } else {
          neg[q++] = placement(split.positives, s, true) / m;
        }
      }
      double auc = split.mannWhitneyTwice() / (2.0 * m * n);
      return new Components(pos, neg, auc);
    }

    double variance() {
      return covariance(positive, positive, auc, auc) / positive.length
          + covariance(negative, negative, auc, auc) / negative.length;
    }

    /**
     * @return for a positive score: negatives below it plus half the ties; for a negative score
     *     ({@code above}): positives above it plus half the ties
     */
    private static double placement(double[] sorted, double v, boolean above) {
      int lo = lowerBound(sorted, v);
      int hi = upperBound(sorted, v);
      double ties = (hi - lo) / 2.0;
      return above ? (sorted.length - hi) + ties : lo + ties;
    }

    private static int lowerBound(double[] a, double v) {
      int lo = 0;
      int hi = a.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (a[mid] < v) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    private static int upperBound(double[] a, double v) {
      int lo = 0;
      int hi = a.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (a[mid] <= v) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
