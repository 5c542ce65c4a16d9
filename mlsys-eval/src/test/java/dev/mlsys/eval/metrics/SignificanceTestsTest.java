package dev.mlsys.eval.metrics;

import static dev.mlsys.eval.testing.Golden.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.testing.Golden;
import org.junit.jupiter.api.Test;

class SignificanceTestsTest {
  private static final JsonObject GOLDEN = Golden.load("metrics");

  private static void relative(double expected, double actual, double tolerance, String what) {
    if (expected == actual) {
      return;
    }
    double error = Math.abs(expected - actual) / Math.abs(expected);
    if (!(error <= tolerance)) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (relative error " + error + ")");
    }
  }

  @Test
  void deLongMatchesTheDefinitionComputedWithNumpyAndScipy() {
    for (JsonObject c : GOLDEN.getObjects("deLong")) {
      String name = c.getString("name");
      DeLongResult r = SignificanceTests.deLong(c.getDoubles("scoresA"), c.getDoubles("scoresB"), Golden.ints(c, "labels"));
      close(c.getDouble("aucA"), r.aucA(), 1e-12, name + " aucA");
      close(c.getDouble("sklearnAucA"), r.aucA(), 1e-9, name + " aucA vs sklearn");
      close(c.getDouble("aucB"), r.aucB(), 1e-12, name + " aucB");
      relative(c.getDouble("varianceA"), r.varianceA(), 1e-9, name + " varA");
      relative(c.getDouble("varianceB"), r.varianceB(), 1e-9, name + " varB");
      relative(c.getDouble("covariance"), r.covariance(), 1e-9, name + " cov");
      relative(c.getDouble("z"), r.z(), 1e-9, name + " z");
      relative(c.getDouble("pValue"), r.pValue(), 1e-9, name + " p");
    }
  }

  @Test
  void deLongOfIdenticalScoresIsNoDifference() {
    double[] s = {0.1, 0.4, 0.35, 0.8, 0.7, 0.2};
    int[] y = {0, 0, 1, 1, 1, 0};
    DeLongResult r = SignificanceTests.deLong(s, s, y);
    assertEquals(0, r.z());
    assertEquals(1, r.pValue());
    Interval ci = SignificanceTests.deLongInterval(s, y, 0.95);
    assertTrue(ci.contains(r.aucA()) && ci.lower() >= 0 && ci.upper() <= 1, ci.toString());
  }

  @Test
  void deLongNeedsTwoOfEachClass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SignificanceTests.deLong(new double[] {0.1, 0.2, 0.3}, new double[] {0.1, 0.2, 0.3}, new int[] {0, 1, 1}));
    assertEquals("deLong needs at least 2 rows of each class but had 2 positives and 1 negatives", e.getMessage());
  }

  @Test
  void mcNemarMatchesScipy() {
    for (JsonObject c : GOLDEN.getObjects("mcNemar")) {
      long b = c.getLong("b");
      long n = c.getLong("c");
      String what = "b=" + b + " c=" + n;
      relative(c.getDouble("exactP"), SignificanceTests.mcNemar(b, n, McNemarMethod.EXACT).pValue(), 1e-10, what + " exact");
      McNemarResult chi = SignificanceTests.mcNemar(b, n, McNemarMethod.CHI_SQUARED);
      relative(c.getDouble("chi2"), chi.statistic(), 1e-14, what + " chi2");
      relative(c.getDouble("chi2P"), chi.pValue(), 1e-10, what + " chi2 p");
      McNemarResult corrected = SignificanceTests.mcNemar(b, n, McNemarMethod.CHI_SQUARED_CORRECTED);
      relative(c.getDouble("chi2Corrected"), corrected.statistic(), 1e-14, what + " corrected");
      relative(c.getDouble("chi2CorrectedP"), corrected.pValue(), 1e-10, what + " corrected p");
    }
  }

  @Test
  void mcNemarPublishedExample() {
    // Wikipedia's McNemar example (b = 121, c = 59): chi-squared 21.35, p < 0.001
    McNemarResult r = SignificanceTests.mcNemar(121, 59, McNemarMethod.CHI_SQUARED);
    assertEquals(21.3555, r.statistic(), 1e-4);
    assertTrue(r.pValue() < 1e-5);
  }

  @Test
  void mcNemarCountsDiscordantRows() {
    int[] actual = {1, 1, 0, 0, 1, 0};
    int[] a = {1, 0, 0, 1, 1, 0};
    int[] b = {0, 1, 0, 0, 1, 1};
    McNemarResult r = SignificanceTests.mcNemar(actual, a, b, McNemarMethod.EXACT);
    assertEquals(2, r.onlyACorrect());
    assertEquals(2, r.onlyBCorrect());
    assertEquals(1.0, r.pValue());
  }

  @Test
  void welchMatchesScipy() {
    for (JsonObject c : GOLDEN.getObjects("welch")) {
      WelchResult r = SignificanceTests.welch(c.getDoubles("a"), c.getDoubles("b"));
      relative(c.getDouble("statistic"), r.statistic(), 1e-11, "t");
      relative(c.getDouble("df"), r.degreesOfFreedom(), 1e-11, "df");
      relative(c.getDouble("pValue"), r.pValue(), 1e-9, "p");
    }
  }
}
