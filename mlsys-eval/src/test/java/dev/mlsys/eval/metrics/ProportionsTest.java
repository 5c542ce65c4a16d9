package dev.mlsys.eval.metrics;

import static dev.mlsys.eval.testing.Golden.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.testing.Golden;
import org.junit.jupiter.api.Test;

class ProportionsTest {

  @Test
  void wilsonMatchesStatsmodelsFormula() {
    for (JsonObject w : Golden.load("metrics").getObjects("wilson")) {
      Interval i = Proportions.wilson(w.getLong("successes"), w.getLong("trials"), w.getDouble("confidence"));
      String what = w.getLong("successes") + "/" + w.getLong("trials");
      close(w.getDouble("lower"), i.lower(), 1e-12, what + " lower");
      close(w.getDouble("upper"), i.upper(), 1e-12, what + " upper");
    }
  }

  @Test
  void noTrialsGiveTheWholeUnitInterval() {
    Interval i = Proportions.wilson(0, 0, 0.95);
    assertEquals(0, i.lower());
    assertEquals(1, i.upper());
  }

  @Test
  void badCountsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(5, 3, 0.95));
    assertEquals("successes must be in [0, trials] with trials >= 0 but were successes=5, trials=3", e.getMessage());
    IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(1, 3, 95));
    assertEquals("confidence must be in (0, 1) but was: 95.0", c.getMessage());
  }

  @Test
  void criticalValueIsTheFamiliarOne() {
    assertEquals(1.959963984540054, Proportions.normalCriticalValue(0.95), 1e-15);
  }
}
