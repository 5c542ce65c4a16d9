package dev.mlsys.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Schema;
import dev.mlsys.monitor.testing.SimpleCsv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Acceptance on NOAA's Seattle weather 2012-2015: 2012 is the reference; every later season must
 * show the seasonal shift of temperature, and a split of 2012 against itself must not drift.
 */
class SeattleWeatherTest {
  static final Schema SCHEMA = Schema.builder()
      .timestamp("date")
      .numeric("precipitation", 0, 500)
      .numeric("temp_max", -40, 60)
      .numeric("temp_min", -40, 60)
      .numeric("wind", 0, 100)
      .categorical("weather", "drizzle", "rain", "sun", "snow", "fog")
      .build();
  static final List<Map<String, Object>> ROWS = SimpleCsv.resource("/data/seattle_weather.csv");
  private static final Set<String> TEMPERATURE = Set.of("temp_max", "temp_min");

  static List<Map<String, Object>> year(int year) {
    return ROWS.stream().filter(r -> r.get("date").toString().startsWith(year + "-")).toList();
  }

  /** Meteorological seasons; December belongs to the winter of the following year. */
  static Map<String, List<Map<String, Object>>> seasonsAfter2012() {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    for (Map<String, Object> r : ROWS) {
      String date = r.get("date").toString();
      int year = Integer.parseInt(date.substring(0, 4));
      int month = Integer.parseInt(date.substring(5, 7));
      String season = switch (month) {
        case 12, 1, 2 -> "winter";
        case 3, 4, 5 -> "spring";
        case 6, 7, 8 -> "summer";
        default -> "autumn";
      };
      int seasonYear = month == 12 ? year + 1 : year;
      if (year >= 2013) {
        out.computeIfAbsent(season + " " + seasonYear, k -> new ArrayList<>()).add(r);
      }
    }
    return out;
  }

  static DriftMonitor monitor() {
    return DriftMonitor.builder(SCHEMA).reference(year(2012)).build();
  }

  @TestFactory
  Stream<DynamicTest> everyLaterSeasonShowsTheTemperatureShift() {
    DriftMonitor monitor = monitor();
    return seasonsAfter2012().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      DriftReport report = monitor.check(e.getValue());
      assertTrue(report.drift(), e.getKey() + ": expected drift");
      List<String> driftedTemperatures = report.drifted().stream().map(FeatureDrift::field)
          .filter(TEMPERATURE::contains).toList();
      assertFalse(driftedTemperatures.isEmpty(), e.getKey() + ": no temperature feature drifted");
      if (e.getKey().startsWith("summer") || e.getKey().startsWith("winter")) {
        // the strongest seasonal signal: both temperatures drift, by more than 0.4 reference deviations
        assertEquals(TEMPERATURE, Set.copyOf(driftedTemperatures), e.getKey());
        for (String t : TEMPERATURE) {
          FeatureDrift f = report.feature(t).orElseThrow();
          assertTrue(f.effectSize() > 0.4, e.getKey() + " " + t + " effect " + f.effectSize());
          assertTrue(f.adjustedPValue() < 1e-3, e.getKey() + " " + t + " corrected p " + f.adjustedPValue());
        }
      }
      // summer is warmer and winter colder than the year: the shift has the season's sign
      FeatureDrift tmax = report.feature("temp_max").orElseThrow();
      List<Double> ref = tmax.distribution().reference();
      List<Double> cur = tmax.distribution().current();
      List<Double> mid = tmax.distribution().edges();
      double refMean = 0;
      double curMean = 0;
      for (int i = 0; i < ref.size(); i++) {
        double centre = (mid.get(i) + mid.get(i + 1)) / 2;
        refMean += ref.get(i) * centre;
        curMean += cur.get(i) * centre;
      }
      if (e.getKey().startsWith("summer")) {
        assertTrue(curMean > refMean + 3, e.getKey() + " " + curMean + " vs " + refMean);
      } else if (e.getKey().startsWith("winter")) {
        assertTrue(curMean < refMean - 3, e.getKey() + " " + curMean + " vs " + refMean);
      }
      assertEquals(DriftReport.fromJson(report.toJson()), report);
    }));
  }

  @Test
  void referenceAgainstItselfDoesNotDrift() {
    List<Map<String, Object>> y2012 = year(2012);
    List<Map<String, Object>> odd = new ArrayList<>();
    List<Map<String, Object>> even = new ArrayList<>();
    for (int i = 0; i < y2012.size(); i++) {
      (i % 2 == 0 ? even : odd).add(y2012.get(i));
    }
    DriftReport split = DriftMonitor.builder(SCHEMA).reference(even).build().check(odd);
    assertFalse(split.drift(), split.toJson());
    DriftReport same = monitor().check(y2012);
    assertFalse(same.drift());
    same.features().stream().filter(FeatureDrift::tested).forEach(f -> {
      assertEquals(0.0, f.statistic(), 1e-12, f.field());
      assertEquals(1.0, f.pValue(), 1e-12, f.field());
    });
    assertTrue(same.findings().isEmpty(), same.findings().toString());
  }

  @Test
  void theDateIsProfiledButNotTested() {
    DriftReport report = monitor().check(year(2013));
    FeatureDrift date = report.feature("date").orElseThrow();
    assertFalse(date.tested());
    assertEquals(5, report.testedFeatures());
  }
}
