package dev.mlsys.cli;

import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.Schema;
import dev.mlsys.api.json.Json;
import dev.mlsys.data.Table;
import dev.mlsys.data.features.FeaturePipeline;
import dev.mlsys.data.io.RowReader;
import dev.mlsys.data.schema.SchemaInference;
import dev.mlsys.models.BaselineModel;
import dev.mlsys.models.BaselineStrategy;
import dev.mlsys.models.Baselines;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.artifact.Artifacts;
import dev.mlsys.models.artifact.ModelArtifact;
import dev.mlsys.models.artifact.Provenance;
import dev.mlsys.models.ensemble.AdaBoost;
import dev.mlsys.models.ensemble.Ensembles;
import dev.mlsys.models.selection.CrossValidation;
import dev.mlsys.models.selection.CvResult;
import dev.mlsys.models.selection.Evaluation;
import dev.mlsys.models.selection.Folds;
import dev.mlsys.models.selection.ModelEvaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlsys train --data d.csv --label COL --model NAME [--out DIR]}: infers the schema, fits
 * a feature pipeline and the model on a seeded, stratified training share, evaluates it on the
 * held-out rest against the prior baseline, and saves a verified model artifact.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train a model on a CSV file and save it as a verified model artifact.",
        "The schema is inferred; numeric columns are imputed (median) and standardised, categorical ones "
            + "one-hot encoded. A seeded, stratified share of the rows is held out to evaluate the model against "
            + "the prior baseline; the metrics are printed as JSON and stored with the model."},
    footer = {"", "Models: logistic-regression, linear-sgd, cart, random-forest, extra-trees, xgboost, bagging,"
        + " adaboost, stacking, baseline.", "",
        "Example:", "  mlsys train --data pima.csv --label diabetes --model xgboost --param trees=200 --out pima-model",
        "", "Exit codes: 0 success, 2 usage or I/O error."})
final class TrainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "The training data.")
  Path data;

  @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The column to predict.")
  String label;

  @Option(names = "--model", required = true, paramLabel = "NAME", description = "The learner (see below).")
  String model;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to save the artifact (default: model-NAME).")
  Path out;

  @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A learner parameter, such as trees=200; repeatable.")
  List<String> params = new ArrayList<>();

  @Option(names = "--test-share", paramLabel = "FRACTION", defaultValue = "0.2",
      description = "Share of rows held out for evaluation (default: ${DEFAULT-VALUE}).")
  double testShare;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the split and the learner (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--zip", description = "Save the artifact as one zip file instead of a directory.")
  boolean zip;

  @Option(names = "--cv", paramLabel = "K", defaultValue = "0",
      description = "Also cross-validate on the training share with K stratified folds, showing a progress bar"
          + " on standard error (default: off).")
  int cv;

  @Mixin
  CsvOptions csv;

  @Override
  public Integer call() {
    if (!(testShare > 0 && testShare < 1)) {
      throw new IllegalArgumentException("--test-share must be in (0, 1) but was: " + testShare);
    }
    Schema schema = SchemaInference.defaults().label(label).inferCsv(data, csv.format()).schema();
    FeaturePipeline pipeline;
    LabeledData train;
    LabeledData test;
    try (Table all = readTable(data, schema, csv)) {
      int[][] split = split(all, testShare, seed);
      try (Table trainTable = all.take(split[0]); Table testTable = all.take(split[1])) {
        pipeline = FeaturePipeline.defaultsFor(schema).fit(trainTable);
        train = LabeledData.fromTable(trainTable, pipeline);
        test = LabeledData.fromTable(testTable, pipeline);
      }
    }
    ModelTrainer trainer = trainer(model, train.task()).withSeed(seed);
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--param must be KEY=VALUE but was: '" + p + "'");
      }
      trainer = trainer.with(p.substring(0, eq), value(p.substring(eq + 1)));
    }
    Map<String, Object> crossValidation = null;
    if (cv > 0) {
      if (cv < 2) {
        throw new IllegalArgumentException("--cv must be >= 2 but was: " + cv);
      }
      ProgressBar bar = new ProgressBar(spec.commandLine().getErr());
      CvResult r = CrossValidation.stratified(cv).seed(seed).threads(Runtime.getRuntime().availableProcessors())
          .listener(bar).run(trainer, train);
      bar.finish();
      crossValidation = new LinkedHashMap<>();
      crossValidation.put("folds", cv);
      Map<String, Object> mean = new LinkedHashMap<>();
      r.mean().forEach((k, v) -> mean.put(k.key(), v));
      Map<String, Object> std = new LinkedHashMap<>();
      r.std().forEach((k, v) -> std.put(k.key(), v));
      crossValidation.put("mean", mean);
      crossValidation.put("std", std);
    }
    TrainedModel fitted = trainer.fit(train);
    TrainedModel baseline = Baselines.defaultFor(train.task()).fit(train);
    ModelEvaluation evaluation = Evaluation.of(fitted, test).against(baseline);
    Map<String, Object> metrics = new LinkedHashMap<>(evaluation.toMap());
    metrics.put("testRows", test.size());
    metrics.put("trainRows", train.size());
    if (crossValidation != null) {
      metrics.put("crossValidation", crossValidation);
    }
    metrics.put("baselineModel", baselineState(baseline));
    Path target = out != null ? out : Path.of("model-" + model + (zip ? ".zip" : ""));
    ModelArtifact artifact = ModelArtifact.builder(fitted).schema(schema).pipeline(pipeline).metrics(metrics)
        .provenance(Provenance.of(trainer, train)).build();
    if (zip) {
      Artifacts.saveZip(artifact, target);
    } else {
      Artifacts.save(artifact, target);
    }
    Map<String, Object> report = new LinkedHashMap<>(metrics);
    report.remove("baselineModel");
    report.put("artifact", target.toString());
    spec.commandLine().getOut().println(Json.pretty(report));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** Draws progress as a one-line bar on standard error, redrawn in place. */
  static final class ProgressBar implements dev.mlsys.models.ProgressListener {
    private static final int WIDTH = 30;
    private final java.io.PrintWriter err;
    private boolean drawn;

    ProgressBar(java.io.PrintWriter err) {
      this.err = err;
    }

    @Override
    public void onProgress(String stage, int done, int total) {
      int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
      err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + stage);
      err.flush();
      drawn = true;
    }

    void finish() {
      if (drawn) {
        err.println();
        err.flush();
      }
    }
  }

  static ModelTrainer trainer(String name, Task task) {
    return switch (name) {
      case "bagging" -> Ensembles.bagging(Trainers.cart()).members(25);
      case "adaboost" -> Ensembles.adaBoost(Trainers.cart().maxDepth(1)).algorithm(AdaBoost.Algorithm.SAMME).rounds(100);
      case "stacking" -> Ensembles.stacking(Trainers.randomForest(), Trainers.xgboost().trees(100).learningRate(0.1)
          .maxDepth(3));
      case "baseline" -> Baselines.defaultFor(task);
      default -> Trainers.byName(name);
    };
  }

  private static Object value(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    try {
      return text.matches("-?[0-9]+") ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  /** Reads every valid row of a CSV file into a table (rejecting the file at the first bad row); close it. */
  static Table readTable(Path file, Schema schema, CsvOptions csv) {
    try (RowReader reader = RowReader.csv(file, schema).format(csv.format()).open()) {
      Table table = reader.readTable();
      if (table.rowCount() == 0) {
        table.close();
        throw new IllegalArgumentException(file + " has no data rows");
      }
      return table;
    }
  }


  /** A seeded hold-out: one stratified fold of round(1 / share) for classification. */
  static int[][] split(Table table, double share, long seed) {
    int k = Math.max(2, (int) Math.round(1 / share));
    Field label = table.schema().label().orElseThrow();
    Folds folds;
    if (label.type() == FieldType.CATEGORICAL) {
      int[] y = table.codes(label.name());
      for (int i = 0; i < y.length; i++) {
        if (y[i] < 0) {
          throw new IllegalArgumentException("row " + (i + 1) + " has no value for the label '" + label.name() + "'");
        }
      }
      folds = Folds.stratified(y, k, seed);
    } else {
      folds = Folds.kFold(table.rowCount(), k, seed);
    }
    return new int[][] {folds.train(0), folds.test(0)};
  }

  private static Map<String, Object> baselineState(TrainedModel baseline) {
    BaselineModel b = (BaselineModel) baseline;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("strategy", b.strategy().name());
    if (b.task() == Task.CLASSIFICATION) {
      m.put("distribution", b.distribution());
    } else {
      m.put("value", b.value());
    }
    return m;
  }

  /** Rebuilds the training baseline stored by {@code train} in the artifact's metrics. */
  @SuppressWarnings("unchecked")
  static TrainedModel baselineFrom(ModelArtifact artifact) {
    TrainedModel m = artifact.model();
    Object state = artifact.metrics().get("baselineModel");
    if (state instanceof Map<?, ?> s) {
      BaselineStrategy strategy = BaselineStrategy.valueOf((String) s.get("strategy"));
      if (m.task() == Task.CLASSIFICATION) {
        List<Object> d = (List<Object>) s.get("distribution");
        double[] p = d.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        return BaselineModel.classification(strategy, m.featureNames(), m.classes(), p, 0);
      }
      return BaselineModel.regression(strategy, m.featureNames(), ((Number) s.get("value")).doubleValue());
    }
    throw new IllegalArgumentException("the artifact stores no training baseline (it was not made by 'mlsys train')");
  }
}
