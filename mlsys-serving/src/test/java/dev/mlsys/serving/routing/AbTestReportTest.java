package dev.mlsys.serving.routing;

import static dev.mlsys.serving.routing.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.json.JsonObject;
import org.junit.jupiter.api.Test;

class AbTestReportTest {

  @Test
  void everyStatisticMatchesScipy() {
    for (JsonObject c : Golden.abTest().getObjects("cases")) {
      AbTestReport r = AbTestReport.of("A", c.getLong("controlTrials"), c.getLong("controlSuccesses"), "B",
          c.getLong("treatmentTrials"), c.getLong("treatmentSuccesses"), c.getDouble("confidence"));
      String where = c.toString();
      assertClose(c.getDouble("controlLow"), r.control().low(), 1e-12, "control low " + where);
      assertClose(c.getDouble("controlHigh"), r.control().high(), 1e-12, "control high " + where);
      assertClose(c.getDouble("treatmentLow"), r.treatment().low(), 1e-12, "treatment low " + where);
      assertClose(c.getDouble("treatmentHigh"), r.treatment().high(), 1e-12, "treatment high " + where);
      assertClose(c.getDouble("difference"), r.difference(), 1e-12, "difference " + where);
      // the interval's ends subtract nearby numbers: compare on the scale of the half-width
      double scale = c.getDouble("differenceHigh") - c.getDouble("differenceLow");
      assertEquals(c.getDouble("differenceLow"), r.differenceLow(), 1e-12 * scale, "difference low " + where);
      assertEquals(c.getDouble("differenceHigh"), r.differenceHigh(), 1e-12 * scale, "difference high " + where);
      assertEquals(c.getDouble("z"), r.z(), 1e-12 * Math.max(1, Math.abs(r.z())), "z " + where);
      // scipy's p comes from chi2.sf(z^2): one extra rounding of z^2 moves the tail by ~ z^2 * 1e-16
      assertClose(c.getDouble("pValue"), r.pValue(), 1e-12 * Math.max(1, r.z() * r.z()), "p " + where);
    }
  }

  @Test
  void aClearWinnerIsSignificantAndEqualArmsAreNot() {
    AbTestReport win = AbTestReport.of("A", 1000, 100, "B", 1000, 130, 0.95);
    assertTrue(win.significant(0.05));
    assertFalse(win.significant(0.01));
    assertTrue(win.differenceLow() > 0, "the 95% interval excludes 0 when p < 0.05: " + win);
    AbTestReport tie = AbTestReport.of("A", 1000, 100, "B", 1000, 100, 0.95);
    assertEquals(0.0, tie.z());
    assertEquals(1.0, tie.pValue(), 1e-15);
  }

  @Test
  void degenerateArmsGiveNoEvidenceRatherThanNaNOrDivisionByZero() {
    AbTestReport allFail = AbTestReport.of("A", 100, 0, "B", 80, 0, 0.95);
    assertEquals(0.0, allFail.z());
    assertEquals(1.0, allFail.pValue());
    assertEquals(0.0, allFail.control().low());
    AbTestReport allWin = AbTestReport.of("A", 100, 100, "B", 80, 80, 0.95);
    assertEquals(1.0, allWin.treatment().high());
    AbTestReport empty = AbTestReport.of("A", 0, 0, "B", 10, 5, 0.95);
    assertTrue(Double.isNaN(empty.control().rate()));
    assertTrue(Double.isNaN(empty.pValue()));
    assertFalse(empty.significant(0.05));
    assertEquals(0.0, empty.control().low());
    assertEquals(1.0, empty.control().high());
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AbTestReport.of("A", 10, 11, "B", 10, 1, 0.95));
    assertEquals("successes must be in [0, trials] but were: 11 of 10 trials for version 'A'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AbTestReport.of("A", 10, 1, "B", 10, 1, 1.0));
    assertEquals("confidence must be in (0, 1) but was: 1.0", e.getMessage());
    AbTestReport r = AbTestReport.of("A", 10, 1, "B", 10, 1, 0.95);
    e = assertThrows(IllegalArgumentException.class, () -> r.significant(0));
    assertEquals("alpha must be in (0, 1) but was: 0.0", e.getMessage());
  }

  @Test
  void theRouterCountsOutcomesPerArmAndReportsThem() {
    AbTest test = Routers.abTest("v1", "v2", 0.5);
    for (int i = 0; i < 1000; i++) {
      test.record("v1", i < 100);
      test.recordOutcome("v2", i < 130 ? 1.0 : 0.0);
    }
    AbTestReport r = test.report();
    assertEquals(1000, r.control().trials());
    assertEquals(100, r.control().successes());
    assertEquals(130, r.treatment().successes());
    assertEquals(AbTestReport.of("v1", 1000, 100, "v2", 1000, 130, 0.95), r);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> test.record("v3", true));
    assertEquals("version 'v3' is not an arm of this A/B test; arms are 'v1' and 'v2'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> test.recordOutcome("v1", 0.5));
    assertEquals("an A/B test records binary outcomes: reward must be 0 or 1 but was: 0.5", e.getMessage());
  }
}
