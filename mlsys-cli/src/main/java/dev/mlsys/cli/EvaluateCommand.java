package dev.mlsys.cli;

import dev.mlsys.api.Schema;
import dev.mlsys.api.json.Json;
import dev.mlsys.data.Table;
import dev.mlsys.data.features.FeaturePipeline;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.artifact.Artifacts;
import dev.mlsys.models.artifact.ModelArtifact;
import dev.mlsys.models.selection.Evaluation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlsys evaluate --model DIR --data test.csv}: verifies and loads a model artifact, reads
 * labelled rows with its schema, and prints the metrics and the gain over the training baseline as
 * JSON.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Evaluate a saved model on labelled CSV data and print JSON metrics: accuracy, macro F1,"
        + " log loss, ROC AUC (binary), or RMSE, MAE and R^2 for regression, with the gain over the baseline"
        + " fitted at training time."},
    footer = {"", "Example:", "  mlsys evaluate --model pima-model --data pima-test.csv", "",
        "Exit codes: 0 success, 2 usage, I/O error or a corrupt artifact."})
final class EvaluateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model artifact (directory or zip).")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "Labelled rows to evaluate on.")
  Path data;

  @Mixin
  CsvOptions csv;

  @Override
  public Integer call() {
    ModelArtifact artifact = Artifacts.load(model);
    Schema schema = artifact.schema().orElseThrow(() -> new IllegalArgumentException(
        model + " stores no schema; it cannot read CSV rows"));
    FeaturePipeline pipeline = artifact.pipeline().orElseThrow(() -> new IllegalArgumentException(
        model + " stores no feature pipeline"));
    LabeledData labeled;
    try (Table table = TrainCommand.readTable(data, schema, csv)) {
      labeled = LabeledData.fromTable(table, pipeline);
    }
    Map<String, Object> report = new LinkedHashMap<>(Evaluation.of(artifact.model(), labeled)
        .against(TrainCommand.baselineFrom(artifact)).toMap());
    report.put("rows", labeled.size());
    spec.commandLine().getOut().println(Json.pretty(report));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
