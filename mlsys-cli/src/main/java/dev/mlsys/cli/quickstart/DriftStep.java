package dev.mlsys.cli.quickstart;

import dev.mlsys.api.Row;
import dev.mlsys.cli.report.Svg;
import dev.mlsys.cli.report.TextTable;
import dev.mlsys.monitor.Distribution;
import dev.mlsys.monitor.DriftMonitor;
import dev.mlsys.monitor.DriftReport;
import dev.mlsys.monitor.FeatureDrift;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Step 7: a real seasonal shift. Seattle's daily weather of 2012 is the reference; the summer of
 * 2013 (June to August) is the current batch, and a random half of 2012 against the other half
 * is the control that must show no drift.
 */
final class DriftStep {
  private static final int CHARTS = 4;

  private DriftStep() {}

  static void run(Session session, Dataset weather) {
    List<Map<String, ?>> reference2012 = new ArrayList<>();
    List<Map<String, ?>> summer2013 = new ArrayList<>();
    for (Row r : weather.rows()) {
      LocalDate day = LocalDate.ofInstant((Instant) r.get("date"), ZoneOffset.UTC);
      if (day.getYear() == 2012) {
        reference2012.add(r.toMap());
      } else if (day.getYear() == 2013 && day.getMonthValue() >= 6 && day.getMonthValue() <= 8) {
        summer2013.add(r.toMap());
      }
    }
    DriftMonitor monitor = DriftMonitor.builder(weather.schema()).reference(reference2012).build();
    DriftReport seasonal = monitor.check(summer2013);

    List<Map<String, ?>> halfA = new ArrayList<>();
    List<Map<String, ?>> halfB = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(session.seed("drift-control"));
    for (Map<String, ?> r : reference2012) {
      (random.nextBoolean() ? halfA : halfB).add(r);
    }
    DriftReport control = DriftMonitor.builder(weather.schema()).reference(halfA).build().check(halfB);

    session.say("reference: %d days of 2012; current: %d days of summer 2013; correction %s at alpha %.2f",
        reference2012.size(), summer2013.size(), seasonal.correction(), seasonal.alpha());
    TextTable table = new TextTable("feature", "test", "statistic", "adj. p-value", "effect", "size", "drifted");
    List<List<Object>> htmlRows = new ArrayList<>();
    for (FeatureDrift f : seasonal.features()) {
      if (!f.tested()) {
        continue;
      }
      table.row(f.field(), f.test(), TextTable.num(f.statistic(), 3), pValue(f.adjustedPValue()),
          f.effectSizeMetric(), TextTable.num(f.effectSize(), 3), f.drifted() ? "DRIFT" : "no");
      htmlRows.add(List.of(f.field(), f.test(), TextTable.num(f.statistic(), 3), pValue(f.adjustedPValue()),
          f.effectSizeMetric() + " " + TextTable.num(f.effectSize(), 3), f.drifted() ? "drift" : "no"));
    }
    session.table(table);
    session.say("summer 2013 vs 2012: %d of %d features drifted (%s); control (2012 vs 2012): %d drifted",
        seasonal.driftedFeatures(), seasonal.testedFeatures(),
        String.join(", ", seasonal.drifted().stream().map(FeatureDrift::field).toList()), control.driftedFeatures());

    Path html = session.options.out().resolve("drift.html");
    try {
      Files.writeString(html, seasonal.toHtml());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("reference", "seattle_weather.csv, 2012 (" + reference2012.size() + " days)");
    json.put("current", "seattle_weather.csv, June-August 2013 (" + summer2013.size() + " days)");
    json.put("drifted", seasonal.drifted().stream().map(FeatureDrift::field).toList());
    json.put("controlDrifted", control.drifted().stream().map(FeatureDrift::field).toList());
    json.put("report", dev.mlsys.api.json.Json.parse(seasonal.toJson()));
    session.json.put("drift", json);

    session.html.lead("weather features drifted in summer 2013 (control: " + control.driftedFeatures() + ")",
        seasonal.driftedFeatures() + " of " + seasonal.testedFeatures());
    List<String> charts = new ArrayList<>();
    seasonal.features().stream().filter(f -> f.tested() && f.distribution() != null
            && !f.distribution().edges().isEmpty())
        .sorted((a, b) -> Double.compare(b.contribution(), a.contribution())).limit(CHARTS)
        .forEach(f -> charts.add(chart(f)));
    session.html.section("drift", "7. Drift", "Seattle weather: 2012 is the reference, June-August 2013 the current"
        + " batch (a real seasonal shift); a random half of 2012 against the other half is the control. Drifted: "
        + String.join(", ", seasonal.drifted().stream().map(FeatureDrift::field).toList()) + "; control drifted: "
        + control.driftedFeatures() + " features. Full monitor report: drift.html.")
        .table(List.of("feature", "test", "statistic", "adj. p-value", "effect size", "drifted"), htmlRows)
        .charts(charts).end();
  }

  private static String chart(FeatureDrift f) {
    Distribution d = f.distribution();
    double[] edges = d.edges().stream().mapToDouble(Double::doubleValue).toArray();
    for (int i = 0; i < edges.length; i++) {
      if (!Double.isFinite(edges[i])) {
        edges[i] = i == 0 ? edges[1] - (edges[2] - edges[1]) : edges[i - 1] + (edges[i - 1] - edges[i - 2]);
      }
    }
    return Svg.histogram(f.field() + ": 2012 vs summer 2013", edges,
        List.of(d.reference().stream().mapToDouble(Double::doubleValue).toArray(),
            d.current().stream().mapToDouble(Double::doubleValue).toArray()),
        List.of("reference (2012)", "current (summer 2013)"), "share of days");
  }

  private static String pValue(double p) {
    return Double.isNaN(p) ? "-" : p < 1e-4 ? String.format(java.util.Locale.ROOT, "%.1e", p) : TextTable.num(p, 4);
  }
}
