package dev.mlsys.cli.report;

import dev.mlsys.cli.HeadlessChromium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRenderingTest {

  static String samplePage() {
    Html page = new Html("Sample <report>", "rendered for a test");
    page.section("metrics", "Metrics & charts", "A table and three charts.")
        .table(List.of("model", "accuracy"), List.of(List.of("a", 0.9), List.of("b", "0.95")))
        .charts(List.of(
            Svg.bars("Accuracy", List.of("a", "b"), new double[] {0.9, 0.95}, new double[] {0.85, 0.9},
                new double[] {0.93, 0.97}, 0, 1),
            Svg.lines("Reliability", "predicted", "observed",
                List.of(new Svg.Series("raw", new double[] {0.1, 0.5, 0.9}, new double[] {0.2, Double.NaN, 0.8})),
                true, 0, 1),
            Svg.histogram("Latency", new double[] {0, 1, 2, 3}, List.of(new double[] {5, 9, 1}, new double[] {4, 8, 2}),
                List.of("reference", "current"), "share")))
        .end();
    return page.render();
  }

  @Test
  void pageIsSelfContainedAndEscaped() {
    String html = samplePage();
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("Sample &lt;report&gt;"));
    assertFalse(html.contains("<script"), "the report needs no script");
    assertFalse(html.contains("http://") && !html.contains("http://www.w3.org/2000/svg"), "no external resource");
    assertEquals(3, html.split("<svg class=\"chart\"", -1).length - 1);
  }

  @Test
  void textTableAlignsColumns() {
    String t = new TextTable("model", "acc").row("bagging", TextTable.num(0.95612, 3)).row("cart", "0.9").render();
    assertEquals("  model      acc\n  -------  -----\n  bagging  0.956\n  cart       0.9\n", t);
  }

  @Test
  void chartsRenderInARealBrowser(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(HeadlessChromium.BINARY), "Chromium is not installed");
    Path page = dir.resolve("sample.html");
    Files.writeString(page, samplePage());
    try (HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
      browser.load(page);
      Object boxes = browser.evaluate("JSON.stringify([...document.querySelectorAll('svg.chart')]"
          + ".map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height]; }))");
      List<?> sizes = (List<?>) dev.mlsys.api.json.Json.parse((String) boxes);
      assertEquals(3, sizes.size());
      for (Object s : sizes) {
        List<?> wh = (List<?>) s;
        assertTrue(((Number) wh.get(0)).doubleValue() > 100 && ((Number) wh.get(1)).doubleValue() > 50, sizes::toString);
      }
      assertEquals(List.of(), browser.errors());
      Path png = dir.resolve("sample.png");
      browser.screenshot(png);
      assertTrue(Files.size(png) > 1000);
    }
  }
}
