package dev.mlsys.cli.quickstart;

import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.cli.report.TextTable;
import dev.mlsys.eval.behavior.BehavioralSuite;
import dev.mlsys.eval.behavior.BehavioralTestResult;
import dev.mlsys.eval.behavior.BehavioralTests;
import dev.mlsys.eval.behavior.FailedCase;
import dev.mlsys.eval.behavior.Perturbations;
import dev.mlsys.eval.behavior.SuiteResult;
import dev.mlsys.api.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 5a: behavioral tests of the best model on the test part. Invariance: noise of 5 % of each
 * numeric feature's training standard deviation must not change the predicted label. Directional
 * expectation: raising the feature most correlated with the positive class by one standard
 * deviation must not lower that class's probability (or, for a negative correlation, raise it).
 */
final class BehaviorStep {
  static final double NOISE = 0.05;

  private BehaviorStep() {}

  static SuiteResult run(Session session, Prepared data, Candidate best) {
    Predictor model = best.model().onRows(data.pipeline());
    List<Row> train = data.trainRows();
    String positive = data.dataset().positiveClass();
    List<String> numeric = new ArrayList<>();
    Map<String, Double> sd = new LinkedHashMap<>();
    String monotone = null;
    double strongest = 0;
    for (Field f : data.dataset().schema().fields()) {
      if (f.type() != FieldType.NUMERIC || f.nullable()) {
        continue;
      }
      numeric.add(f.name());
      double[] x = train.stream().mapToDouble(r -> r.getDouble(f.name())).toArray();
      double[] y = train.stream().mapToDouble(r -> positive.equals(r.label()) ? 1 : 0).toArray();
      sd.put(f.name(), standardDeviation(x));
      double r = correlation(x, y);
      if (Math.abs(r) > Math.abs(strongest)) {
        strongest = r;
        monotone = f.name();
      }
    }
    BehavioralSuite suite = BehavioralSuite.named("quickstart behavior");
    if (!numeric.isEmpty()) {
      suite = suite.add(BehavioralTests.invariance("label invariant to " + Math.round(NOISE * 100) + "% noise",
          Perturbations.random("gaussian noise, sd = " + NOISE + " x training sd, on every numeric feature",
              (row, rng) -> {
                Row out = row;
                for (String f : numeric) {
                  out = out.with(f, row.getDouble(f) + rng.nextGaussian() * NOISE * sd.get(f));
                }
                return out;
              }))
          .on(data.testRows()).samplesPerRow(3).seed(session.seed("invariance")).allowingFailureRate(0.05));
      String feature = monotone;
      double step = sd.get(feature);
      var directional = BehavioralTests.directional("P(" + positive + ") follows " + feature,
          Perturbations.shift(feature, strongest > 0 ? step : -step))
          .on(data.testRows()).seed(session.seed("directional")).allowingFailureRate(0.05);
      suite = suite.add(directional.expectIncrease(positive));
    }
    SuiteResult result = suite.run(model);

    TextTable table = new TextTable("test", "type", "run", "skipped", "failed", "failure rate", "95% Wilson", "passed");
    List<List<Object>> htmlRows = new ArrayList<>();
    for (BehavioralTestResult r : result.results()) {
      String wilson = TextTable.num(r.failureRateInterval().lower(), 3) + "-"
          + TextTable.num(r.failureRateInterval().upper(), 3);
      table.row(r.name(), r.type().name().toLowerCase(java.util.Locale.ROOT), r.run(), r.skippedCount(), r.failed(),
          TextTable.num(r.failureRate(), 3), wilson, r.passed() ? "yes" : "NO");
      htmlRows.add(List.of(r.name(), r.description(), r.run(), r.skippedCount(), r.failed(),
          TextTable.num(r.failureRate(), 3), wilson, r.passed() ? "yes" : "no"));
    }
    session.say("model: %s, on the %d test rows (seeded; saturated directional cases skipped)", best.name(),
        data.testRows().size());
    session.table(table);
    for (BehavioralTestResult r : result.results()) {
      for (FailedCase c : r.worst().subList(0, Math.min(2, r.worst().size()))) {
        session.say("worst case of '%s': %s", r.name(), c.reason());
      }
    }
    session.json.put("behavior", Json.parse(result.toJson()));
    session.html.lead("behavioral tests passed", result.results().stream().filter(BehavioralTestResult::passed).count()
        + " of " + result.results().size());
    session.html.section("behavior", "5. Behavioral tests and slices", "Invariance and directional expectation tests of the best"
        + " model (" + best.name() + ") on the test part, with Wilson intervals on the failure rates.")
        .table(List.of("test", "perturbation", "run", "skipped", "failed", "failure rate", "95% Wilson", "passed"),
            htmlRows);
    return result;
  }

  static double standardDeviation(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / Math.max(1, x.length - 1));
  }

  static double correlation(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  }
}
