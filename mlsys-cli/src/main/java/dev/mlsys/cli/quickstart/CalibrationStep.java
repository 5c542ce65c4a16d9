package dev.mlsys.cli.quickstart;

import dev.mlsys.cli.report.Svg;
import dev.mlsys.cli.report.TextTable;
import dev.mlsys.eval.calibration.Binning;
import dev.mlsys.eval.calibration.CalibrationMetrics;
import dev.mlsys.eval.calibration.Calibrators;
import dev.mlsys.eval.calibration.FittedCalibrator;
import dev.mlsys.eval.calibration.ReliabilityBin;
import dev.mlsys.eval.calibration.ReliabilityDiagram;
import dev.mlsys.eval.metrics.BinaryMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 4: Platt scaling and isotonic regression fitted on the calibration part's scores of the
 * best model, compared on the test part by expected calibration error (10 equal-width bins) and
 * Brier score. Which one is served is decided before looking at the test part: isotonic
 * regression when the calibration part has at least {@value #ISOTONIC_MIN_ROWS} rows (below that
 * its steps overfit), Platt scaling otherwise.
 */
final class CalibrationStep {
  static final int BINS = 10;
  static final int ISOTONIC_MIN_ROWS = 1000;

  private CalibrationStep() {}

  /** @return the chosen calibrator, or {@code null} when the label is not binary */
  static Calibrated run(Session session, Prepared data, Candidate best) {
    if (!data.dataset().binary()) {
      session.say("skipped: the label has %d classes; binary calibration needs two", data.dataset().classes().size());
      session.json.put("calibration", Map.of("skipped", "label is not binary"));
      return null;
    }
    double[] calScores = Scores.column(best.calibrationProbabilities(), 1);
    double[] testScores = Scores.column(best.testProbabilities(), 1);
    int[] calLabels = data.calibration().classIndices();
    int[] testLabels = data.test().classIndices();
    Map<String, FittedCalibrator> calibrators = new LinkedHashMap<>();
    calibrators.put("platt", Calibrators.platt().fit(calScores, calLabels));
    calibrators.put("isotonic", Calibrators.isotonic().fit(calScores, calLabels));

    TextTable table = new TextTable("probabilities", "ECE", "MCE", "Brier", "log loss");
    List<Map<String, Object>> json = new ArrayList<>();
    List<List<Object>> htmlRows = new ArrayList<>();
    List<Svg.Series> series = new ArrayList<>();
    String chosen = calLabels.length >= ISOTONIC_MIN_ROWS ? "isotonic" : "platt";
    Map<String, double[]> variants = new LinkedHashMap<>();
    variants.put("uncalibrated", testScores);
    calibrators.forEach((name, c) -> variants.put(name, c.calibrateAll(testScores)));
    for (Map.Entry<String, double[]> v : variants.entrySet()) {
      double[] p = v.getValue();
      ReliabilityDiagram diagram = CalibrationMetrics.reliabilityDiagram(p, testLabels, BINS, Binning.EQUAL_WIDTH);
      double brier = BinaryMetrics.brierScore(p, testLabels);
      double logLoss = BinaryMetrics.logLoss(p, testLabels);
      table.row(v.getKey(), TextTable.num(diagram.expectedCalibrationError(), 4),
          TextTable.num(diagram.maximumCalibrationError(), 4), TextTable.num(brier, 4), TextTable.num(logLoss, 4));
      htmlRows.add(List.of(v.getKey(), TextTable.num(diagram.expectedCalibrationError(), 4),
          TextTable.num(diagram.maximumCalibrationError(), 4), TextTable.num(brier, 4), TextTable.num(logLoss, 4)));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("probabilities", v.getKey());
      row.put("ece", diagram.expectedCalibrationError());
      row.put("mce", diagram.maximumCalibrationError());
      row.put("brier", brier);
      row.put("logLoss", logLoss);
      row.put("reliability", bins(diagram));
      json.add(row);
      series.add(series(v.getKey(), diagram));
    }
    session.say("best model: %s; calibrators fitted on the %d calibration rows, measured on the %d test rows",
        best.name(), calLabels.length, testLabels.length);
    session.table(table);
    session.say("ECE: %d equal-width bins, bin i covers [i/%d, (i+1)/%d), the last bin closed", BINS, BINS, BINS);
    session.say("served with %s (isotonic from %d calibration rows up, chosen without looking at the test part)",
        chosen, ISOTONIC_MIN_ROWS);

    session.html.lead("Brier score before -> after " + chosen, TextTable.num(BinaryMetrics.brierScore(testScores,
        testLabels), 4) + " -> " + TextTable.num(BinaryMetrics.brierScore(variants.get(chosen), testLabels), 4));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("model", best.name());
    report.put("bins", BINS);
    report.put("binning", "equal-width");
    report.put("results", json);
    report.put("chosen", chosen);
    session.json.put("calibration", report);
    session.html.section("calibration", "4. Calibration", "Platt scaling and isotonic regression fitted on the"
        + " calibration part, measured on the test part (" + BINS + " equal-width bins). Served with: " + chosen + ".")
        .table(List.of("probabilities", "ECE", "MCE", "Brier", "log loss"), htmlRows)
        .charts(List.of(Svg.lines("Reliability diagram (test part)", "mean predicted probability",
            "fraction positive", series, true, 0, 1)))
        .end();
    return new Calibrated(chosen, calibrators.get(chosen));
  }

  private static Svg.Series series(String name, ReliabilityDiagram diagram) {
    List<ReliabilityBin> nonEmpty = diagram.bins().stream().filter(b -> b.count() > 0).toList();
    double[] x = nonEmpty.stream().mapToDouble(ReliabilityBin::meanProbability).toArray();
    double[] y = nonEmpty.stream().mapToDouble(ReliabilityBin::fractionPositive).toArray();
    return new Svg.Series(name, x, y);
  }

  private static List<Map<String, Object>> bins(ReliabilityDiagram diagram) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReliabilityBin b : diagram.bins()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lower", b.lower());
      m.put("upper", b.upper());
      m.put("count", b.count());
      m.put("meanProbability", b.count() == 0 ? null : b.meanProbability());
      m.put("fractionPositive", b.count() == 0 ? null : b.fractionPositive());
      out.add(m);
    }
    return out;
  }
}
