package dev.mlsys.eval.metrics;

import static dev.mlsys.eval.testing.Golden.close;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {
  private static final JsonObject SPECIAL = Golden.load("metrics").getObject("special");

  /** Relative comparison: p-values live far in the tails, where absolute error says nothing. */
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
  void erfFamilyMatchesScipy() {
    double[] x = SPECIAL.getDoubles("erfcX");
    double[] erfc = SPECIAL.getDoubles("erfc");
    double[] erf = SPECIAL.getDoubles("erf");
    double[] ndtr = SPECIAL.getDoubles("ndtr");
    for (int i = 0; i < x.length; i++) {
      relative(erfc[i], SpecialFunctions.erfc(x[i]), 1e-14, "erfc(" + x[i] + ")");
      close(erf[i], SpecialFunctions.erf(x[i]), 1e-15, "erf(" + x[i] + ")");
      relative(ndtr[i], SpecialFunctions.normalCdf(x[i]), 1e-14, "ndtr(" + x[i] + ")");
    }
  }

  @Test
  void normalQuantileMatchesScipyNdtri() {
    double[] p = SPECIAL.getDoubles("ndtriP");
    double[] z = SPECIAL.getDoubles("ndtri");
    for (int i = 0; i < p.length; i++) {
      relative(z[i], SpecialFunctions.normalQuantile(p[i]), 1e-14, "ndtri(" + p[i] + ")");
    }
    assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.normalQuantile(0));
    assertEquals(Double.NaN, SpecialFunctions.normalQuantile(1.5));
  }

  @Test
  void logGammaMatchesScipy() {
    double[] x = SPECIAL.getDoubles("gammalnX");
    double[] expected = SPECIAL.getDoubles("gammaln");
    for (int i = 0; i < x.length; i++) {
      close(expected[i], SpecialFunctions.logGamma(x[i]), 1e-14, "gammaln(" + x[i] + ")");
    }
  }

  @Test
  void incompleteBetaAndStudentTMatchScipy() {
    List<Object> args = SPECIAL.getArray("betaincArgs");
    double[] expected = SPECIAL.getDoubles("betainc");
    for (int i = 0; i < expected.length; i++) {
      List<?> a = (List<?>) args.get(i);
      double x = ((Number) a.get(0)).doubleValue();
      double alpha = ((Number) a.get(1)).doubleValue();
      double beta = ((Number) a.get(2)).doubleValue();
      relative(expected[i], SpecialFunctions.regularizedBeta(x, alpha, beta), 1e-11, "betainc" + a);
    }
    List<Object> targs = SPECIAL.getArray("tArgs");
    double[] tExpected = SPECIAL.getDoubles("tTwoSided");
    for (int i = 0; i < tExpected.length; i++) {
      List<?> a = (List<?>) targs.get(i);
      double t = ((Number) a.get(0)).doubleValue();
      double df = ((Number) a.get(1)).doubleValue();
      relative(tExpected[i], SpecialFunctions.studentTTwoSided(t, df), 1e-11, "t" + a);
    }
  }
}
