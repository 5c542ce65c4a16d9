package dev.mlsys.monitor.stats;

import static dev.mlsys.monitor.testing.Golden.assertPValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.monitor.testing.Golden;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The domain-classifier test: its two parts against scipy 1.10.1 and scikit-learn 1.2.1
 * (src/test/golden/domain_classifier.py), then its behaviour as a test: size under the null and
 * the AUC theory predicts under a known shift.
 */
class DomainClassifierTest {
  private static final JsonObject GOLDEN = Golden.load("domain_classifier.json");

  @TestFactory
  Stream<DynamicTest> mannWhitneyMatchesScipy() {
    return GOLDEN.getObjects("mannWhitney").stream().map(c -> DynamicTest.dynamicTest(c.getString("name"), () -> {
      double[] r = DomainClassifier.mannWhitneyGreater(c.getDoubles("current"), c.getDoubles("reference"));
      assertEquals(c.getDouble("auc"), r[0], 1e-12, "AUC");
      assertPValue(c.getDouble("pvalue"), r[1], c.getString("name"));
    }));
  }

  @TestFactory
  Stream<DynamicTest> logisticRegressionMatchesScikitLearn() {
    // scikit-learn's answers have gradients below 1e-8 (stored with them): good to about 1e-8
    return GOLDEN.getObjects("logistic").stream().map(c -> DynamicTest.dynamicTest(c.getString("name"), () -> {
      double[] beta = PenalizedLogistic.fit(Golden.matrix(c, "x"), c.getDoubles("y"));
      double[] weights = c.getDoubles("weights");
      for (int j = 0; j < weights.length; j++) {
        assertEquals(weights[j], beta[j], 1e-7, "weight " + j);
      }
      assertEquals(c.getDouble("intercept"), beta[weights.length], 1e-7, "intercept");
    }));
  }

  /**
   * Under the null the held-out scores are exchangeable, so p &lt; 0.05 in about 5 % of runs:
   * 15 of 300 expected, binomial sd 3.77. The bounds 3 and 27 are 3.2 sd either side (two-sided
   * probability about 0.0014): too many rejections would mean an anti-conservative test, too few
   * one that cannot reject at all.
   */
  @Test
  void rejectsAboutFivePercentOfNullRuns() {
    int rejections = 0;
    for (int run = 0; run < 300; run++) {
      SplittableRandom data = new SplittableRandom(1000 + run);
      TestResult r = DriftTests.domainClassifier(0.5, run).test(normal(data, 100, 3, 0), normal(data, 100, 3, 0));
      if (r.pValue() < 0.05) {
        rejections++;
      }
    }
    assertTrue(rejections >= 3 && rejections <= 27, rejections + " of 300 null runs rejected at 0.05");
  }

  /**
   * Two normals one standard deviation apart in one of three features: the best linear score
   * has AUC Phi(1 / sqrt 2) = 0.7602. Held-out AUC over 300 + 300 points has a standard error of
   * about 0.02 (Hanley and McNeil), so the mean of 20 runs is within 0.02 of it (4.4 standard
   * errors; the fitted boundary can only lose a little to the best one).
   */
  @Test
  void findsAKnownShiftWithTheAucTheoryPredicts() {
    double sum = 0;
    for (int run = 0; run < 20; run++) {
      SplittableRandom data = new SplittableRandom(run);
      TestResult r = DriftTests.domainClassifier(0.5, run).test(normal(data, 600, 3, 0), normal(data, 600, 3, 1));
      assertTrue(r.pValue() < 1e-6, "run " + run + ": " + r);
      sum += r.statistic();
    }
    assertEquals(0.7602499389065233, sum / 20, 0.02);
  }

  @Test
  void seededSplitsAreReproducible() {
    SplittableRandom data = new SplittableRandom(7);
    double[][] reference = normal(data, 80, 2, 0);
    double[][] current = normal(data, 80, 2, 0.3);
    assertEquals(DriftTests.domainClassifier(0.5, 11).test(reference, current),
        DriftTests.domainClassifier(0.5, 11).test(reference, current));
    assertNotEquals(DriftTests.domainClassifier(0.5, 11).test(reference, current).statistic(),
        DriftTests.domainClassifier(0.5, 12).test(reference, current).statistic());
  }

  @Test
  void badInputIsRefusedWithTheSampleAndRow() {
    MultivariateDriftTest test = DriftTests.domainClassifier();
    double[][] ok = {{1, 2}, {2, 3}, {3, 4}, {4, 5}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> test.test(ok, new double[][] {{1, 2}, {2, 3}, {3}, {4, 5}}));
    assertTrue(e.getMessage().contains("current sample: row 2 has 1 columns but 2 were expected"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> test.test(new double[][] {{1, 2}, {2, Double.NaN}, {3, 4}, {4, 5}}, ok));
    assertTrue(e.getMessage().contains("reference sample: row 1 column 1 is NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> test.test(ok, new double[][] {{1, 2}, {2, 3}}));
    assertTrue(e.getMessage().contains("current sample must hold at least 4 points but held 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DriftTests.domainClassifier(1.0, 0));
    assertEquals("testFraction must be in (0, 1) but was: 1.0", e.getMessage());
  }

  @Test
  void constantFeaturesLearnNothingAndGiveNoEvidence() {
    double[][] same = new double[10][];
    for (int i = 0; i < same.length; i++) {
      same[i] = new double[] {5, 5};
    }
    TestResult r = DriftTests.domainClassifier().test(same, same);
    assertEquals(0.5, r.statistic());
    assertEquals(1.0, r.pValue());
  }

  private static double[][] normal(SplittableRandom rng, int n, int dim, double shiftFirst) {
    double[][] x = new double[n][dim];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < dim; c++) {
        x[i][c] = rng.nextGaussian() + (c == 0 ? shiftFirst : 0);
      }
    }
    return x;
  }
}
