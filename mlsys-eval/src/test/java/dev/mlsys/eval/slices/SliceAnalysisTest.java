package dev.mlsys.eval.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.metrics.Proportions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SliceAnalysisTest {
  private static final Schema SCHEMA = Schema.builder()
      .categorical("color", "red", "green", "blue").nullable("color")
      .categorical("size", "S", "L")
      .numeric("age")
      .label("y", "no", "yes").build();

  /** Rows with planted error rates: 10 % everywhere, 50 % for blue, 60 % for green and S together. */
  private static List<Example> planted(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] colors = {"red", "green", "blue", null};
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String color = colors[r.nextInt(4)];
      String size = r.nextBoolean() ? "S" : "L";
      Row row = SCHEMA.rowOf(color, size, (double) r.nextInt(80), r.nextBoolean() ? "yes" : "no");
      double errorRate = "blue".equals(color) ? 0.5 : "green".equals(color) && size.equals("S") ? 0.6 : 0.1;
      boolean wrong = r.nextDouble() < errorRate;
      String actual = (String) row.label();
      String predicted = wrong ? (actual.equals("yes") ? "no" : "yes") : actual;
      double p = predicted.equals("yes") ? 0.8 : 0.2;
      out.add(new Example(row, actual, Prediction.of(predicted, Map.of("no", 1 - p, "yes", p))));
    }
    return out;
  }

  @Test
  void metricPerSliceWithWilsonIntervalsAndSmallSlicesListed() {
    List<Example> examples = planted(2000, 1);
    SliceReport report = SliceAnalysis.of(examples).minSize(100)
        .by(SliceBy.field("color"), SliceBy.field("color").cross(SliceBy.field("size")), SliceBy.bands("age", 20, 60))
        .slices(Slice.where("size", "L"), Slice.missing("color"), Slice.of("tiny", r -> r.getDouble("age") == 3))
        .run();
    long blueRight = examples.stream().filter(e -> "blue".equals(e.row().getString("color")) && e.correct()).count();
    long blue = examples.stream().filter(e -> "blue".equals(e.row().getString("color"))).count();
    SliceResult b = report.slice("color=blue");
    assertEquals(blue, b.size());
    assertEquals((double) blueRight / blue, b.value(), 1e-15);
    assertEquals(Proportions.wilson(blueRight, blue, 0.95), b.interval());
    assertEquals(b.value() - report.overall().value(), b.difference(), 1e-15);
    assertTrue(report.slice("color=(missing)").size() > 0, "missing values are a slice");
    assertTrue(report.slice("color=green & size=S").size() > 0);
    assertTrue(report.slice("age in [20, 60)").size() > 0);
    assertEquals("tiny", report.tooSmall().stream().filter(s -> s.grouping().equals("slices")).findFirst().orElseThrow().slice());
    IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> report.slice("tiny"));
    assertTrue(small.getMessage().contains("below the minimum size 100"), small.getMessage());
    // every grouping's slices (reported or too small) cover every example once
    long covered = report.slices().stream().filter(s -> s.grouping().equals("color x size")).mapToLong(SliceResult::size).sum()
        + report.tooSmall().stream().filter(s -> s.grouping().equals("color x size")).mapToLong(SmallSlice::size).sum();
    assertEquals(examples.size(), covered);
  }

  @Test
  void worstSlicesAreRankedAndTheClearlyWorseOnesFlagged() {
    SliceReport report = SliceAnalysis.of(planted(3000, 2)).minSize(50)
        .by(SliceBy.field("color").cross(SliceBy.field("size"))).run();
    List<SliceResult> worst = report.worst(2);
    assertEquals("color=green & size=S", worst.get(0).slice());
    assertTrue(worst.get(1).slice().startsWith("color=blue"), worst.toString());
    assertTrue(worst.get(0).value() <= worst.get(1).value());
    List<String> flagged = report.worseThanOverall().stream().map(SliceResult::slice).sorted().toList();
    assertEquals(List.of("color=blue & size=L", "color=blue & size=S", "color=green & size=S"), flagged);
    assertTrue(report.report().contains("color=green & size=S"), report.report());
  }

  @Test
  void lossMetricsRankTheOtherWay() {
    SliceReport report = SliceAnalysis.of(planted(3000, 2)).metric(SliceMetrics.errorRate()).minSize(50)
        .by(SliceBy.field("color").cross(SliceBy.field("size"))).run();
    assertEquals("color=green & size=S", report.worst(1).get(0).slice());
    SliceReport logLoss = SliceAnalysis.of(planted(3000, 2)).metric(SliceMetrics.logLoss()).minSize(50).seed(4)
        .by(SliceBy.field("color")).run();
    assertEquals("color=blue", logLoss.worst(1).get(0).slice());
    SliceResult blue = logLoss.slice("color=blue");
    assertTrue(blue.interval().contains(blue.value()), blue.toString());
    assertEquals(logLoss.slice("color=blue").interval(), SliceAnalysis.of(planted(3000, 2)).metric(SliceMetrics.logLoss())
        .minSize(50).seed(4).by(SliceBy.field("color")).run().slice("color=blue").interval(), "seeded bootstrap");
  }

  @Test
  void undefinedMetricsOnASliceAreNaNWithoutInterval() {
    Row row = SCHEMA.rowOf("red", "S", 1.0, "yes");
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      examples.add(new Example(row, "yes", Prediction.of("yes", Map.of("no", 0.3, "yes", 0.7))));
    }
    SliceResult r = SliceAnalysis.of(examples).metric(SliceMetrics.rocAuc("yes")).by(SliceBy.field("color")).run()
        .slice("color=red");
    assertTrue(Double.isNaN(r.value()));
    assertNull(r.interval());
  }

  @Test
  void discoveryFindsThePlantedSlicesAndNotTheOthers() {
    // effect sizes: blue about 0.8, green & S about 0.7; green alone (0.15) and S alone (0.23) stay below 0.3
    List<DiscoveredSlice> found = SliceAnalysis.of(planted(4000, 3)).minSize(50).discovery(2, 0.05, 0.3).discover();
    List<String> names = found.stream().map(DiscoveredSlice::slice).toList();
    assertTrue(names.contains("color=blue"), names.toString());
    assertTrue(names.contains("color=green & size=S"), names.toString());
    assertEquals(2, found.stream().filter(d -> d.slice().equals("color=green & size=S")).findFirst().orElseThrow().depth());
    assertFalse(names.contains("size=S"), names.toString());
    // blue was found at depth 1, so none of its refinements is reported
    assertFalse(names.stream().anyMatch(n -> n.startsWith("color=blue &")), names.toString());
    assertFalse(names.contains("color=green"), names.toString());
    DiscoveredSlice blue = found.stream().filter(d -> d.slice().equals("color=blue")).findFirst().orElseThrow();
    assertEquals(1, blue.depth());
    assertTrue(blue.value() < blue.complementValue());
    assertTrue(blue.adjustedPValue() <= 0.05 && blue.effectSize() >= 0.2);
    assertThrows(IllegalArgumentException.class, () -> SliceAnalysis.of(planted(100, 3)).metric(SliceMetrics.rocAuc("yes")).discover());
  }

  @Test
  void simpsonsParadoxOnTheKidneyStoneNumbers() {
    // Charig et al. (1986): treatment A succeeds on 81/87 small and 192/263 large stones, B on 234/270 and 55/80;
    // B wins overall (289/350 vs 273/350) while A wins within both sizes. Here as two models, each on its own traffic.
    Schema s = Schema.builder().categorical("stone", "small", "large").label("ok", "no", "yes").build();
    List<Example> a = new ArrayList<>();
    List<Example> b = new ArrayList<>();
    stones(s, a, "small", 87, 81);
    stones(s, a, "large", 263, 192);
    stones(s, b, "small", 270, 234);
    stones(s, b, "large", 80, 55);
    SliceComparison c = SliceAnalysis.of(a).by(SliceBy.field("stone")).compareWith(b);
    assertEquals(273.0 / 350, c.overallA(), 1e-15);
    assertEquals(289.0 / 350, c.overallB(), 1e-15);
    assertTrue(c.simpsonsParadox());
    String message = c.paradoxes().get(0).message();
    assertEquals("Simpson's paradox over stone: model B is better overall (accuracy 0.8257 vs 0.7800) but model A is"
        + " better in every slice (stone=large: 0.7300 vs 0.6875; stone=small: 0.9310 vs 0.8667); the slices' sizes"
        + " drive the aggregate, compare within slices", message);
    // the same traffic mix for both: no reversal
    assertFalse(SliceAnalysis.of(a).by(SliceBy.field("stone")).compareWith(a).simpsonsParadox());
  }

  @Test
  void onTheSameRowsAMeanMetricCannotReverse() {
    List<Example> examples = planted(1000, 8);
    List<Prediction> flipped = new ArrayList<>();
    for (Example e : examples) {
      flipped.add("red".equals(e.row().getString("color")) ? Prediction.of(e.actualLabel()) : e.prediction());
    }
    SliceComparison c = SliceAnalysis.of(examples).minSize(20).by(SliceBy.field("color"), SliceBy.field("size"))
        .compareWithPredictions(flipped);
    assertFalse(c.simpsonsParadox());
    assertTrue(c.overallB() > c.overallA());
    assertEquals(4 + 2, c.slices().size());
  }

  private static void stones(Schema s, List<Example> out, String stone, int n, int ok) {
    for (int i = 0; i < n; i++) {
      out.add(new Example(s.rowOf(stone, "yes"), "yes", Prediction.of(i < ok ? "yes" : "no")));
    }
  }

  @Test
  void jsonHasFormatAndEverySlice() {
    SliceReport report = SliceAnalysis.of(planted(500, 5)).minSize(200).by(SliceBy.field("color")).run();
    JsonObject o = JsonObject.parse(report.toJson(), "slices");
    assertEquals(1, o.requireFormat(SliceReport.FORMAT, SliceReport.VERSION));
    assertEquals(report.slices().size(), o.getObjects("slices").size());
    assertEquals(report.tooSmall().size(), o.getObjects("tooSmall").size());
    assertEquals("accuracy", o.getString("metric"));
  }

  @Test
  void misuseIsNamed() {
    IllegalStateException nothing = assertThrows(IllegalStateException.class, () -> SliceAnalysis.of(planted(10, 1)).run());
    assertEquals("give groupings with by(...) or slices with slices(...)", nothing.getMessage());
    IllegalArgumentException unlabelled = assertThrows(IllegalArgumentException.class,
        () -> SliceAnalysis.of(List.of(SCHEMA.rowOf("red", "S", 1.0)), List.of(Prediction.of("no"))));
    assertEquals("row 0 has no label; slice analysis compares predictions with labels", unlabelled.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SliceAnalysis.of(planted(10, 1)).minSize(0));
  }
}
