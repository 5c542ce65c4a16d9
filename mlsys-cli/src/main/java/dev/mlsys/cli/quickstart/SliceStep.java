package dev.mlsys.cli.quickstart;

import dev.mlsys.api.Field;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.api.json.Json;
import dev.mlsys.cli.report.Svg;
import dev.mlsys.cli.report.TextTable;
import dev.mlsys.data.features.FeaturePipeline;
import dev.mlsys.data.split.Part;
import dev.mlsys.data.split.Split;
import dev.mlsys.data.split.Splits;
import dev.mlsys.eval.slices.DiscoveredSlice;
import dev.mlsys.eval.slices.SliceAnalysis;
import dev.mlsys.eval.slices.SliceBy;
import dev.mlsys.eval.slices.SliceMetrics;
import dev.mlsys.eval.slices.SliceReport;
import dev.mlsys.eval.slices.SliceResult;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 5b: slice-based evaluation on the income survey. A logistic regression predicts whether
 * household income is at least 50,000; its test accuracy is broken down by SEX, AGE band and
 * their cross, with intervals, and underperforming slices are discovered over the categorical
 * columns (false discovery rate 5 %).
 */
final class SliceStep {
  static final String LABEL = "INCOME_50K";
  static final int MIN_SIZE = 30;
  static final int WORST = 5;

  private SliceStep() {}

  static void run(Session session, Dataset income) {
    Dataset binary = binarize(income);
    Split split = Splits.stratified(0.7, 0.3).seed(session.seed("income-split")).split(binary.rows(), Row::label);
    List<Row> train = split.take(Part.TRAIN, binary.rows());
    List<Row> test = split.take(Part.TEST, binary.rows());
    FeaturePipeline pipeline = SplitStep.pipelineFor(binary).fit(train);
    TrainedModel model = Trainers.logisticRegression().seed(session.seed("income-model"))
        .fit(LabeledData.fromRows(train, pipeline));
    Predictor predictor = model.onRows(pipeline);

    SliceBy sex = SliceBy.field("SEX");
    SliceBy age = SliceBy.field("AGE");
    SliceReport report = SliceAnalysis.of(test, predictor).metric(SliceMetrics.accuracy()).minSize(MIN_SIZE)
        .seed(session.seed("slices")).by(sex, age, sex.cross(age)).run();
    List<DiscoveredSlice> discovered = SliceAnalysis.of(test, predictor).metric(SliceMetrics.accuracy())
        .minSize(MIN_SIZE).seed(session.seed("discovery")).discovery(2, 0.05, 0.05)
        .discover("SEX", "AGE", "EDUCATION", "OCCUPATION", "MARITAL.STATUS");

    session.say("income.csv: %d rows, label %s (%d%% positive); logistic regression, test accuracy %.3f on %d rows",
        binary.rows().size(), LABEL, Math.round(100.0 * binary.rows().stream().filter(r -> "50k+".equals(r.label()))
            .count() / binary.rows().size()), report.overall().value(), test.size());
    TextTable table = new TextTable("worst slices (min size " + MIN_SIZE + ")", "rows", "accuracy", "95% CI",
        "vs overall");
    List<List<Object>> htmlRows = new ArrayList<>();
    for (SliceResult s : report.worst(WORST)) {
      String ci = TextTable.num(s.interval().lower(), 3) + "-" + TextTable.num(s.interval().upper(), 3);
      table.row(s.slice(), s.size(), TextTable.num(s.value(), 3), ci,
          String.format(java.util.Locale.ROOT, "%+.3f", s.difference()));
      htmlRows.add(List.of(s.slice(), s.size(), TextTable.num(s.value(), 3), ci,
          String.format(java.util.Locale.ROOT, "%+.3f", s.difference())));
    }
    session.table(table);
    for (DiscoveredSlice d : discovered.subList(0, Math.min(3, discovered.size()))) {
      session.say("discovered: %s (%d rows) accuracy %.3f vs %.3f elsewhere, adjusted p %.1e", d.slice(), d.size(),
          d.value(), d.complementValue(), d.adjustedPValue());
    }

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", LABEL);
    json.put("testRows", test.size());
    json.put("report", Json.parse(report.toJson()));
    List<Map<String, Object>> found = new ArrayList<>();
    for (DiscoveredSlice d : discovered) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("slice", d.slice());
      m.put("size", d.size());
      m.put("accuracy", d.value());
      m.put("complementAccuracy", d.complementValue());
      m.put("adjustedPValue", d.adjustedPValue());
      found.add(m);
    }
    json.put("discovered", found);
    session.json.put("slices", json);

    List<SliceResult> worst = report.worst(WORST);
    session.html.paragraph("Slices on income.csv: logistic regression predicting income of 50,000 or more;"
        + " test accuracy by SEX, AGE band and SEX x AGE (slices of at least " + MIN_SIZE + " rows), with 95% intervals."
        + " Overall accuracy: " + TextTable.num(report.overall().value(), 3) + ".", "note")
        .table(List.of("slice", "rows", "accuracy", "95% CI", "vs overall"), htmlRows)
        .charts(List.of(Svg.bars("Worst slices: accuracy with 95% intervals",
            worst.stream().map(s -> s.slice()).toList(), worst.stream().mapToDouble(SliceResult::value).toArray(),
            worst.stream().mapToDouble(s -> s.interval().lower()).toArray(),
            worst.stream().mapToDouble(s -> s.interval().upper()).toArray(), 0, 1)));
  }

  /** The income band label as a binary one: at least 50,000 ("50k+") or not ("below"). */
  static Dataset binarize(Dataset income) {
    Schema.Builder b = Schema.builder();
    for (Field f : income.schema().fields()) {
      b.field(f);
    }
    Schema schema = b.label(LABEL, "below", "50k+").build();
    List<Row> rows = new ArrayList<>(income.rows().size());
    for (Row r : income.rows()) {
      Map<String, Object> m = new LinkedHashMap<>(r.withoutLabel().toMap());
      String band = (String) r.label();
      m.put(LABEL, band.startsWith("[50.000") || band.startsWith("[75.000") ? "50k+" : "below");
      rows.add(schema.row(m));
    }
    return new Dataset(income.name(), schema, rows, income.rejected());
  }
}
