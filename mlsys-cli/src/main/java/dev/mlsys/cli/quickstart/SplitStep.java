package dev.mlsys.cli.quickstart;

import dev.mlsys.api.Row;
import dev.mlsys.data.features.FeaturePipeline;
import dev.mlsys.data.split.Part;
import dev.mlsys.data.split.Split;
import dev.mlsys.data.split.Splits;
import dev.mlsys.models.LabeledData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 2: a stratified, seeded train / calibration / test split (60 / 20 / 20), and a feature
 * pipeline fitted on the training part only, so nothing about the held-out rows leaks into the
 * features.
 */
final class SplitStep {
  private SplitStep() {}

  static Prepared run(Session session, Dataset data) {
    Split split = Splits.stratified(0.6, 0.2, 0.2).seed(session.seed("split")).split(data.rows(), Row::label);
    List<Row> train = split.take(Part.TRAIN, data.rows());
    List<Row> calibration = split.take(Part.VALIDATION, data.rows());
    List<Row> test = split.take(Part.TEST, data.rows());
    session.say("stratified split (seed %d): train %d, calibration %d, test %d rows",
        split.provenance().seed().orElse(0), train.size(), calibration.size(), test.size());

    FeaturePipeline pipeline = pipelineFor(data).fit(train);
    session.say("feature pipeline fitted on the %d training rows only: %d inputs -> %d features",
        train.size(), pipeline.inputNames().size(), pipeline.outputWidth());

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("method", split.provenance().method());
    json.put("seed", split.provenance().seed().orElse(0));
    json.put("train", train.size());
    json.put("calibration", calibration.size());
    json.put("test", test.size());
    json.put("pipelineOutputs", pipeline.outputWidth());
    session.json.put("split", json);
    session.html.section("split", "2. Split and features", "Stratified, seeded split; the feature pipeline is fitted"
        + " on the training part only and saved with the model, so serving computes the same features.")
        .kpis().kpi("train rows", Integer.toString(train.size()))
        .kpi("calibration rows", Integer.toString(calibration.size()))
        .kpi("test rows", Integer.toString(test.size()))
        .kpi("model features", Integer.toString(pipeline.outputWidth())).endKpis().end();
    return new Prepared(data, pipeline, train, calibration, test, LabeledData.fromRows(train, pipeline),
        LabeledData.fromRows(calibration, pipeline), LabeledData.fromRows(test, pipeline));
  }

  /** The starting pipeline of {@link FeaturePipeline#defaultsFor} for the data set's schema. */
  static FeaturePipeline.Builder pipelineFor(Dataset data) {
    return FeaturePipeline.defaultsFor(data.schema());
  }
}
