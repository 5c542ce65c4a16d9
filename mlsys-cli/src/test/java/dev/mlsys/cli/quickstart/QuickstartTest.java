package dev.mlsys.cli.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mlsys.api.json.Json;
import dev.mlsys.api.json.JsonObject;
import dev.mlsys.cli.HeadlessChromium;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's end-to-end test: the whole quickstart on the bundled data, its JSON report
 * checked, and its HTML report rendered in headless Chromium with no console error and every
 * chart drawn. The screenshot lands in {@code target/quickstart-report.png}.
 */
class QuickstartTest {
  private static final Path OUT = Path.of("target", "quickstart-test");
  private static String console;
  private static JsonObject report;

  @BeforeAll
  static void runQuickstart() throws Exception {
    StringWriter out = new StringWriter();
    new Quickstart(new QuickstartOptions(OUT, 42, false, null, null), new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true)).run();
    console = out.toString();
    report = JsonObject.parse(Files.readString(OUT.resolve("report.json")), "report.json");
  }

  @Test
  void reportIsVersionedAndComplete() {
    assertEquals(1, report.requireFormat(Quickstart.FORMAT, 1));
    assertEquals(569, report.getObject("data").getLong("accepted"));
    assertEquals(0, report.getObject("data").getLong("rejected"));
    JsonObject split = report.getObject("split");
    assertEquals(569, split.getLong("train") + split.getLong("calibration") + split.getLong("test"));
    assertTrue(console.contains("6. Serving"), console);
    assertTrue(console.contains("7. Drift"), console);
  }

  @Test
  void modelsBeatTheBaselineAndEnsemblesAreThere() {
    List<JsonObject> models = report.getObject("training").getObjects("models");
    assertEquals(6, models.size());
    double baseline = models.get(0).getDouble("accuracy");
    for (JsonObject m : models.subList(1, models.size())) {
      assertTrue(m.getDouble("accuracy") > baseline + 0.2, m.toString());
      assertTrue(m.getDouble("rocAuc") > 0.9, m.toString());
    }
  }

  @Test
  void servingReloadsIdenticallyHitsTheCacheAndSwapsWithoutFailure() {
    JsonObject serving = report.getObject("serving");
    assertEquals(serving.getLong("testRows"), serving.getLong("identicalAfterReload"));
    assertEquals(serving.getLong("testRows"), serving.getLong("compiledAgreeing"));
    assertEquals(serving.getLong("testRows"), serving.getLong("cacheHits"));
    assertEquals(0, serving.getLong("swapFailed"));
    assertEquals(0, serving.getLong("swapMixed"));
    assertTrue(serving.getLong("swapDeploys") > 10);
    assertTrue(Files.isRegularFile(OUT.resolve("model").resolve("manifest.json")));
  }

  @Test
  void behavioralTestsPassAndSlicesRankTheWorst() {
    JsonObject behavior = report.getObject("behavior");
    List<JsonObject> results = behavior.getObjects("results");
    assertEquals(2, results.size(), behavior.toString());
    results.forEach(r -> assertTrue(r.getLong("run") > 50, r.toString()));
    JsonObject slices = report.getObject("slices");
    assertEquals("INCOME_50K", slices.getString("label"));
    assertTrue(slices.getObjects("discovered").size() > 0, slices.toString());
  }

  @Test
  void driftFindsTheSeasonAndNothingInTheControl() {
    JsonObject drift = report.getObject("drift");
    assertTrue(drift.getStrings("drifted").containsAll(List.of("temp_max", "temp_min")), drift.toString());
    assertEquals(List.of(), drift.getStrings("controlDrifted"));
  }

  @Test
  void htmlReportRendersInARealBrowser() throws Exception {
    assumeTrue(Files.isExecutable(HeadlessChromium.BINARY), "Chromium is not installed");
    Path html = OUT.resolve("report.html").toAbsolutePath();
    try (HeadlessChromium browser = new HeadlessChromium(1280, 1000)) {
      browser.load(html);
      Object boxes = browser.evaluate("JSON.stringify([...document.querySelectorAll('svg.chart')].map(s => {"
          + " const r = s.getBoundingClientRect(); return {title: s.querySelector('title').textContent,"
          + " w: r.width, h: r.height, marks: s.querySelectorAll('rect,path,circle').length}; }))");
      List<?> charts = (List<?>) Json.parse((String) boxes);
      List<String> titles = charts.stream().map(c -> (String) ((Map<?, ?>) c).get("title")).toList();
      for (String expected : List.of("Test accuracy", "Reliability diagram", "Worst slices", "Latency per request",
          "temp_m")) {
        assertTrue(titles.stream().anyMatch(t -> t.startsWith(expected)), expected + " missing in " + titles);
      }
      for (Object c : charts) {
        Map<?, ?> chart = (Map<?, ?>) c;
        assertTrue(((Number) chart.get("w")).doubleValue() > 100 && ((Number) chart.get("h")).doubleValue() > 100,
            chart.toString());
        assertTrue(((Number) chart.get("marks")).intValue() > 3, chart.toString());
      }
      assertEquals(List.of(), browser.errors());
      Path png = Path.of("target", "quickstart-report.png");
      browser.screenshot(png);
      assertTrue(Files.size(png) > 10_000);
      if (Boolean.getBoolean("mlsys.updateScreenshot")) {
        Files.copy(png, Path.of("..", "docs", "quickstart-report.png"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
