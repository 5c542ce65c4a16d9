package dev.mlsys.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Schema;
import dev.mlsys.monitor.profile.ReferenceProfile;
import dev.mlsys.monitor.stats.DriftTests;
import dev.mlsys.monitor.stats.TestResult;
import dev.mlsys.monitor.stream.DriftDetector;
import dev.mlsys.monitor.stream.DriftDetectors;
import dev.mlsys.monitor.stream.DriftState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of the package and class Javadoc, run. */
class MonitorExamplesTest {

  @Test
  void driftTestsExample() {
    double[] reference = {1.2, 3.4, 2.2, 5.1, 4.4, 3.3};
    double[] current = {6.1, 7.3, 5.5, 8.2, 6.6, 7.7};
    TestResult ks = DriftTests.kolmogorovSmirnov().test(reference, current);
    TestResult chi = DriftTests.chiSquared().test(Map.of("sun", 120L, "rain", 80L), Map.of("sun", 90L, "rain", 95L));
    double psi = DriftTests.psi(2).test(reference, current).statistic();
    assertTrue(ks.pValue() < 0.05 && chi.pValue() < 0.05 && psi > 0.25);
  }

  @Test
  void detectorExample() {
    DriftDetector adwin = DriftDetectors.adwin();
    int retrained = 0;
    for (int i = 0; i < 4000; i++) {
      double error = i < 2000 ? (i % 10 == 0 ? 1 : 0) : (i % 2 == 0 ? 1 : 0);
      if (adwin.update(error) == DriftState.DRIFT) {
        retrained++;
      }
    }
    assertEquals(1, retrained);
  }

  @Test
  void profileAndMonitorExample() {
    Schema schema = Schema.builder().numeric("x").categorical("c", "a", "b").build();
    List<Map<String, ?>> partition1 = List.of(Map.of("x", 1.0, "c", "a"), Map.of("x", 2.0, "c", "b"));
    List<Map<String, ?>> partition2 = List.of(Map.of("x", 3.0, "c", "a"), Map.of("x", 4.0, "c", "a"),
        Map.of("x", 5.0, "c", "b"), Map.of("x", 6.0, "c", "b"));
    ReferenceProfile p1 = ReferenceProfile.profiler(schema).addAll(partition1).profile();
    ReferenceProfile p2 = ReferenceProfile.profiler(schema).addAll(partition2).profile();
    ReferenceProfile whole = p1.merge(p2);
    ReferenceProfile back = ReferenceProfile.fromJson(whole.toJson());
    DriftMonitor monitor = DriftMonitor.builder(schema).reference(back).correction(Correction.HOLM).build();
    DriftReport report = monitor.check(List.of(Map.of("x", 30.0, "c", "a"), Map.of("x", 31.0, "c", "a"),
        Map.of("x", 32.0, "c", "a"), Map.of("x", 33.0, "c", "a"), Map.of("x", 34.0, "c", "a")));
    assertEquals(6, report.referenceRecords());
    assertTrue(report.feature("x").orElseThrow().statistic() == 1.0);
    assertTrue(report.toJson().contains("\"format\": \"mlsys.drift-report\""));
    assertTrue(report.toHtml().contains("<svg"));
  }
}
