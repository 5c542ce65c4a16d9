package dev.mlsys.monitor.stats;

import static dev.mlsys.monitor.testing.Golden.assertPValue;
import static dev.mlsys.monitor.testing.Golden.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.monitor.testing.Golden;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every test and distance against scipy 1.10.1 (src/test/golden/two_sample_tests.py): statistics
 * to 1e-9 relative, p-values to 1e-6 relative.
 */
class TwoSampleGoldenTest {
  private static final double STAT = 1e-9;
  private static final JsonObject GOLDEN = Golden.load("two_sample_tests.json");

  private static PValueMethod method(String scipy) {
    return switch (scipy) {
      case "auto" -> PValueMethod.AUTO;
      case "exact" -> PValueMethod.EXACT;
      default -> PValueMethod.ASYMPTOTIC;
    };
  }

  @TestFactory
  Stream<DynamicTest> kolmogorovSmirnovMatchesKs2samp() {
    return GOLDEN.getObjects("ks").stream().map(c -> DynamicTest.dynamicTest(
        c.getString("name") + " " + c.getString("method"), () -> {
          var test = DriftTests.kolmogorovSmirnov(method(c.getString("method")));
          if (c.asMap().get("pvalue") == null) { // scipy answers NaN: mlsys refuses the input instead
            assertThrows(IllegalArgumentException.class, () -> test.test(c.getDoubles("reference"), c.getDoubles("current")));
            return;
          }
          TestResult r = test.test(c.getDoubles("reference"), c.getDoubles("current"));
          String what = c.getString("name") + "/" + c.getString("method");
          assertRelative(c.getDouble("statistic"), r.statistic(), STAT, what + " statistic");
          assertPValue(c.getDouble("pvalue"), r.pValue(), what + " p-value");
        }));
  }

  @TestFactory
  Stream<DynamicTest> kstwoMatchesScipyOnEveryBranch() {
    return GOLDEN.getObjects("kstwo").stream().map(c -> DynamicTest.dynamicTest(
        String.format(Locale.ROOT, "n=%d d=%s", c.getInt("n"), c.getDouble("d")), () -> {
          int n = c.getInt("n");
          double d = c.getDouble("d");
          assertPValue(c.getDouble("sf"), KolmogorovDistribution.kstwoSf(n, d), "sf n=" + n + " d=" + d);
          double cdf = c.getDouble("cdf");
          // the cdf is 1 - sf near 1; compare it on an absolute scale there
          if (cdf > 0.5) {
            assertEquals(cdf, KolmogorovDistribution.kstwoCdf(n, d), 1e-12, "cdf n=" + n + " d=" + d);
          } else {
            assertPValue(cdf, KolmogorovDistribution.kstwoCdf(n, d), "cdf n=" + n + " d=" + d);
          }
        }));
  }

  @TestFactory
  Stream<DynamicTest> smirnovMatchesScipySpecial() {
    return GOLDEN.getObjects("smirnov").stream().map(c -> DynamicTest.dynamicTest(
        String.format(Locale.ROOT, "n=%d d=%s", c.getInt("n"), c.getDouble("d")), () -> {
          int n = c.getInt("n");
          double d = c.getDouble("d");
          double expected = c.getDouble("sf");
          double actual = KolmogorovDistribution.smirnovSf(n, d);
          if (expected > 0.5) { // as 1 - cdf this is resolved to about 1e-10 by the positive-term sum
            assertEquals(expected, actual, 1e-9, "smirnov n=" + n + " d=" + d);
          } else {
            assertPValue(expected, actual, "smirnov n=" + n + " d=" + d);
          }
        }));
  }

  @TestFactory
  Stream<DynamicTest> chiSquaredMatchesChi2Contingency() {
    return GOLDEN.getObjects("chiSquared").stream().map(c -> DynamicTest.dynamicTest(c.getString("name"), () -> {
      TestResult r = DriftTests.chiSquared().test(Golden.counts(c, "reference"), Golden.counts(c, "current"));
      assertRelative(c.getDouble("statistic"), r.statistic(), STAT, c.getString("name"));
      assertPValue(c.getDouble("pvalue"), r.pValue(), c.getString("name"));
    }));
  }

  @TestFactory
  Stream<DynamicTest> cramerVonMisesMatchesScipy() {
    return GOLDEN.getObjects("cramerVonMises").stream().map(c -> DynamicTest.dynamicTest(
        c.getString("name") + " " + c.getString("method"), () -> {
          TestResult r = DriftTests.cramerVonMises(method(c.getString("method")))
              .test(c.getDoubles("reference"), c.getDoubles("current"));
          String what = c.getString("name") + "/" + c.getString("method");
          assertRelative(c.getDouble("statistic"), r.statistic(), STAT, what);
          assertPValue(c.getDouble("pvalue"), r.pValue(), what);
        }));
  }

  @TestFactory
  Stream<DynamicTest> cramerVonMisesLimitingCdfMatchesScipy() {
    return GOLDEN.getObjects("cramerVonMisesLimit").stream().map(c -> DynamicTest.dynamicTest("x=" + c.getDouble("x"),
        () -> assertEquals(c.getDouble("cdf"), CramerVonMises.cdfInfinite(c.getDouble("x")), 1e-14)));
  }

  @TestFactory
  Stream<DynamicTest> andersonDarlingMatchesAndersonKsamp() {
    return GOLDEN.getObjects("andersonDarling").stream().map(c -> DynamicTest.dynamicTest(c.getString("name"), () -> {
      double[][] samples = Golden.matrix(c, "samples");
      TestResult r = DriftTests.andersonDarling().test(samples);
      assertRelative(c.getDouble("statistic"), r.statistic(), STAT, c.getString("name"));
      assertPValue(c.getDouble("pvalue"), r.pValue(), c.getString("name"));
      double[] critical = AndersonDarling.criticalValues(samples.length - 1);
      double[] expected = c.getDoubles("critical");
      for (int i = 0; i < critical.length; i++) {
        assertRelative(expected[i], critical[i], STAT, "critical value " + i);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> wassersteinMatchesScipy() {
    return GOLDEN.getObjects("wasserstein").stream().map(c -> DynamicTest.dynamicTest(c.getString("name"), () -> {
      TestResult r = DriftTests.wasserstein().test(c.getDoubles("reference"), c.getDoubles("current"));
      assertRelative(c.getDouble("statistic"), r.statistic(), STAT, c.getString("name"));
      assertEquals(Double.NaN, r.pValue());
    }));
  }

  @TestFactory
  Stream<DynamicTest> binnedDistancesMatchNumpyHistograms() {
    return GOLDEN.getObjects("binned").stream().map(c -> DynamicTest.dynamicTest(c.getString("name"), () -> {
      int bins = c.getInt("bins");
      double[] a = c.getDoubles("reference");
      double[] b = c.getDoubles("current");
      assertRelative(c.getDouble("jensenShannon"), DriftTests.jensenShannon(bins).test(a, b).statistic(), STAT, "js");
      assertRelative(c.getDouble("hellinger"), DriftTests.hellinger(bins).test(a, b).statistic(), STAT, "hellinger");
    }));
  }

  @TestFactory
  Stream<DynamicTest> categoricalDistancesMatchScipy() {
    return GOLDEN.getObjects("categorical").stream().map(c -> DynamicTest.dynamicTest(c.getString("name"), () -> {
      var ref = Golden.counts(c, "reference");
      var cur = Golden.counts(c, "current");
      assertRelative(c.getDouble("jensenShannon"), DriftTests.jensenShannonCategorical().test(ref, cur).statistic(),
          STAT, "js");
      assertRelative(c.getDouble("hellinger"), DriftTests.hellingerCategorical().test(ref, cur).statistic(), STAT,
          "hellinger");
      assertRelative(c.getDouble("lInfinity"), DriftTests.lInfinity().test(ref, cur).statistic(), STAT, "linf");
    }));
  }

  @TestFactory
  Stream<DynamicTest> psiMatchesTheIssueDefinition() {
    return GOLDEN.getObjects("psi").stream().map(c -> DynamicTest.dynamicTest(c.getString("name"), () -> {
      TestResult r = DriftTests.psi(c.getInt("bins")).test(c.getDoubles("reference"), c.getDoubles("current"));
      assertRelative(c.getDouble("statistic"), r.statistic(), STAT, c.getString("name"));
    }));
  }

  @TestFactory
  Stream<DynamicTest> mmdStatisticAndBandwidthMatchNumpy() {
    return GOLDEN.getObjects("mmd").stream().map(c -> DynamicTest.dynamicTest(c.getString("name"), () -> {
      double[] sb = MaximumMeanDiscrepancy.statisticAndBandwidth(Golden.matrix(c, "reference"),
          Golden.matrix(c, "current"));
      assertRelative(c.getDouble("statistic"), sb[0], STAT, "mmd^2");
      assertRelative(c.getDouble("bandwidth"), sb[1], STAT, "bandwidth");
    }));
  }

  @Test
  void goldenFileRecordsItsGenerator() {
    assertEquals("1.10.1", GOLDEN.getString("scipy"));
  }
}
