package dev.mlsys.models.selection;

import java.util.Locale;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Paired tests that say whether one model is significantly better than another on the same
 * folds, so "better" is more than noise.
 *
 * <pre>{@code
 * CrossValidation cv = CrossValidation.stratified(10).seed(3);
 * PairedTest t = Comparison.mcnemar(cv.run(forest, data), cv.run(tree, data));
 * if (t.significant(0.05) && t.difference() > 0) { ... the forest is better ... }
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Comparison {
  private Comparison() {}

  /**
   * McNemar's exact test (McNemar 1947) on the out-of-fold predictions: of the examples exactly one
   * model got right, does either model win more than a fair coin would give? The p-value is the
   * two-sided exact binomial one, {@code min(1, 2 * P[Bin(b + c, 1/2) <= min(b, c)])}, as
   * statsmodels' {@code mcnemar(exact=True)}.
   *
   * @param a cross-validation of the first model
   * @param b cross-validation of the second, on the same folds
   * @return statistic {@code min(b, c)}; difference = accuracy of a minus accuracy of b
   * @throws IllegalArgumentException if the runs used other folds or are regression runs
   */
  public static PairedTest mcnemar(CvResult a, CvResult b) {
    same(a, b);
    if (a.truth().length == 0) {
      throw new IllegalArgumentException("McNemar's test compares classifiers; use correctedT for regression");
    }
    int onlyA = 0;
    int onlyB = 0;
    int rightA = 0;
    int rightB = 0;
    for (int i = 0; i < a.truth().length; i++) {
      boolean ra = a.outOfFoldClass()[i] == a.truth()[i];
      boolean rb = b.outOfFoldClass()[i] == b.truth()[i];
      rightA += ra ? 1 : 0;
      rightB += rb ? 1 : 0;
      if (ra && !rb) {
        onlyA++;
      } else if (rb && !ra) {
        onlyB++;
      }
    }
    int n = onlyA + onlyB;
    int min = Math.min(onlyA, onlyB);
    double p = n == 0 ? 1.0 : Math.min(1.0, 2 * BinomialDistribution.of(n, 0.5).cumulativeProbability(min));
    return new PairedTest("mcnemar-exact", min, p, (rightA - rightB) / (double) a.truth().length);
  }

  /**
   * The corrected resampled t-test over folds (Nadeau and Bengio 2003, "Inference for the
   * generalization error"): {@code t = mean(d) / sqrt((1/k + n_test/n_train) * var(d))} with
   * k - 1 degrees of freedom, where d are the per-fold metric differences. The correction widens
   * the plain paired t-test, whose folds share training data.
   *
   * @param a cross-validation of the first model
   * @param b cross-validation of the second, on the same folds
   * @param metric the metric compared
   * @return the test; difference = mean metric of a minus mean metric of b
   * @throws IllegalArgumentException if the runs used other folds
   */
  public static PairedTest correctedT(CvResult a, CvResult b, Metric metric) {
    same(a, b);
    double[] da = a.foldValues(metric);
    double[] db = b.foldValues(metric);
    int k = da.length;
    double mean = 0;
    for (int f = 0; f < k; f++) {
      mean += da[f] - db[f];
    }
    mean /= k;
    double var = 0;
    for (int f = 0; f < k; f++) {
      double d = da[f] - db[f] - mean;
      var += d * d;
    }
    var /= k - 1;
    int n = a.folds().size();
    double testShare = (double) n / k;
    double ratio = testShare / (n - testShare);
    if (var == 0) {
      return new PairedTest("corrected-t", mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean),
          mean == 0 ? 1.0 : 0.0, mean);
    }
    double t = mean / Math.sqrt((1.0 / k + ratio) * var);
    double p = 2 * TDistribution.of(k - 1).survivalProbability(Math.abs(t));
    return new PairedTest("corrected-t", t, Math.min(1.0, p), mean);
  }

  private static void same(CvResult a, CvResult b) {
    if (!a.folds().equals(b.folds())) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the runs must use the same folds (same CrossValidation and data): '%s' vs '%s'", a.trainer(), b.trainer()));
    }
  }
}
