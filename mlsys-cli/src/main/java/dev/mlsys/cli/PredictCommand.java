package dev.mlsys.cli;

import dev.mlsys.api.Calibrator;
import dev.mlsys.api.Field;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.io.ReadReport;
import dev.mlsys.data.io.RowReader;
import dev.mlsys.eval.calibration.Calibrators;
import dev.mlsys.models.artifact.Artifacts;
import dev.mlsys.models.artifact.ModelArtifact;
import dev.mlsys.serving.PredictionService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlsys predict --model DIR data.csv > out.csv}: batch prediction over a CSV file of any
 * size, one pass, constant memory. Each valid row is served through a {@link PredictionService}
 * (validation, the artifact's pipeline, the model compiled into flat arrays, the calibrator) and
 * written with its prediction.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Predict every row of a CSV file with a saved model artifact, streaming: the output CSV holds",
        "the row's line, its feature values, the predicted label and one probability column per class.",
        "Rows that break the model's schema are not predicted; they are counted (and written to --rejects)."},
    footer = {"", "Example:", "  mlsys predict --model model/ data.csv > predictions.csv",
        "", "Exit codes: 0 every row predicted, 1 some rows rejected, 2 usage or I/O error."})
final class PredictCommand implements Callable<Integer> {
  private static final long PROGRESS_EVERY = 10_000;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATA.csv", description = "The rows to predict (the label column may be absent).")
  Path data;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "A model artifact: a directory or zip written by 'mlsys train' (checksums are verified).")
  Path model;

  @Mixin
  RejectsOption rejects;

  @Option(names = "--quiet", description = "No progress on standard error.")
  boolean quiet;

  @Mixin
  CsvOptions csv;

  @Override
  public Integer call() {
    ModelArtifact artifact = Artifacts.load(model);
    Schema schema = artifact.schema().orElseThrow(() -> new IllegalArgumentException(
        "the artifact at " + model + " has no schema; 'mlsys predict' needs one to read the CSV file"));
    List<String> classes = schema.labelClasses();
    PredictionService.Builder service = PredictionService.builder(schema).model("artifact", artifact.compiledPredictor());
    Calibrator calibrator = artifact.calibratorJson().map(Calibrators::fromJson).orElse(null);
    if (calibrator != null && classes.size() >= 2) {
      service.calibrator(calibrator);
    }
    RowReader.Builder reader = RowReader.csv(data, schema).format(csv.format());
    rejects.applyTo(reader);
    PrintWriter err = spec.commandLine().getErr();
    ReadReport report;
    try (PredictionService svc = service.build(); RowReader rows = reader.open();
        Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16)) {
      List<String> header = new ArrayList<>(schema.fields().stream().map(Field::name).toList());
      header.add("prediction");
      classes.forEach(c -> header.add("p_" + c));
      writeRecord(out, header);
      long n = 0;
      List<String> record = new ArrayList<>(header.size());
      while (rows.hasNext()) {
        Row row = rows.next();
        Prediction p = svc.predict(row);
        record.clear();
        for (Field f : schema.fields()) {
          Object v = row.get(f.name());
          record.add(v == null ? "" : v.toString());
        }
        record.add(p.isRegression() ? Double.toString(p.value()) : p.label());
        for (String c : classes) {
          double q = p.probability(c);
          record.add(Double.isNaN(q) ? "" : Double.toString(q));
        }
        writeRecord(out, record);
        if (++n % PROGRESS_EVERY == 0 && !quiet) {
          err.printf(Locale.ROOT, "\r  predicted %,d rows", n);
          err.flush();
        }
      }
      report = rows.report();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    err.printf(Locale.ROOT, "%srows=%d predicted=%d rejected=%d%n", quiet ? "" : "\r", report.rows(),
        report.accepted(), report.rejected());
    err.flush();
    return report.allValid() ? ExitCodes.OK : ExitCodes.FINDING;
  }

  /** Writes one CSV record, quoting values that hold the delimiter, a quote or a line break. */
  static void writeRecord(Writer out, List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String v = values.get(i);
      if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        out.write('"');
        out.write(v.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(v);
      }
    }
    out.write('\n');
  }
}
