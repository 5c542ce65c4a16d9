package dev.mlsys.models.selection;

import dev.mlsys.eval.metrics.McNemarMethod;
import dev.mlsys.eval.metrics.McNemarResult;
import dev.mlsys.eval.metrics.SignificanceTests;
import java.util.Locale;
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
   * statsmodels' {@code mcnemar(exact=True)}; computed by mlsys-eval's
   * {@link SignificanceTests#mcNemar(int[], int[], int[], McNemarMethod)}.
   *
   * @param a cross-validation of the first model
   * @param b cross-validation of the second, on the same folds
   * @return statistic {@code min(b, c)}; difference = accuracy of a minus accuracy of b
   * @throws IllegalArgumentException if the runs used other folds or are regression runs
   */
  public static PairedTest mcnemar(CvResult a, CvResult b) {
    same(a, b);
    int[] truth = a.truth();
    if (truth.length == 0) {
      throw new IllegalArgumentException("McNemar's test compares classifiers; use correctedT for regression");
    }
    McNemarResult r = SignificanceTests.mcNemar(truth, a.outOfFoldClass(), b.outOfFoldClass(), McNemarMethod.EXACT);
    // accuracy(a) - accuracy(b): the examples both got right (or wrong) cancel out
    double difference = (r.onlyACorrect() - r.onlyBCorrect()) / (double) truth.length;
    return new PairedTest("mcnemar-exact", r.statistic(), r.pValue(), difference);
  }

  /**
   * The corrected resampled t-test over folds (Nadeau and Bengio 2003, "Inference for the
   * generalization error"): {@code t = mean(d) / sqrt((1/k + n_test/n_train) * var(d))} with
   * k - 1 degrees of freedom, where d are the per-fold metric differences. The correction widens
   * the plain paired t-test, whose folds share training data. mlsys-eval has no counterpart: its
   * tests compare two models on the same rows, while this one needs the cross-validation's
   * train / test sizes, which only the folds know.
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
