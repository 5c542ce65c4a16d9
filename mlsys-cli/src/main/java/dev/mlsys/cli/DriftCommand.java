package dev.mlsys.cli;

import dev.mlsys.api.Schema;
import dev.mlsys.data.io.CsvFormat;
import dev.mlsys.data.io.CsvReader;
import dev.mlsys.data.io.CsvRecord;
import dev.mlsys.data.schema.SchemaInference;
import dev.mlsys.data.schema.SchemaJson;
import dev.mlsys.monitor.Correction;
import dev.mlsys.monitor.DriftMonitor;
import dev.mlsys.monitor.DriftReport;
import dev.mlsys.monitor.profile.Profiler;
import dev.mlsys.monitor.profile.ReferenceProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlsys drift --reference ref.csv --current cur.csv [--schema s.json] [--html report.html]}:
 * profiles both files in one pass each, compares them field by field and prints the drift report
 * as JSON.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
    description = {"Compare current data with reference data, field by field, and print the drift report as JSON",
        "(format mlsys.drift-report, version 1): per field the test (Kolmogorov-Smirnov for numbers, chi-squared",
        "for categories), its statistic, p-value, corrected p-value and effect size, and data-quality findings",
        "(missing fields, type errors, out-of-range values, unseen categories).",
        "Without --schema, the schema is inferred from the reference file."},
    footer = {"", "Example:", "  mlsys drift --reference train.csv --current today.csv --html drift.html",
        "", "Exit codes: 0 no drift, 1 drift, 2 usage or I/O error."})
final class DriftCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--reference", required = true, paramLabel = "REF.csv", description = "The reference (training) data.")
  Path reference;

  @Option(names = "--current", required = true, paramLabel = "CUR.csv", description = "The current (serving) data.")
  Path current;

  @Option(names = "--schema", paramLabel = "SCHEMA.json",
      description = "The schema, as written by infer-schema (default: inferred from the reference).")
  Path schemaFile;

  @Option(names = "--label", paramLabel = "COLUMN",
      description = "When inferring the schema: the label column (tested for label drift).")
  String label;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report to FILE.")
  Path html;

  @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05",
      description = "Significance level of the corrected p-values (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--correction", paramLabel = "METHOD", defaultValue = "HOLM",
      description = "Multiple-testing correction: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Correction correction;

  @Option(names = "--min-effect", paramLabel = "SIZE", defaultValue = "0.1",
      description = "Smallest effect size that counts as drift (default: ${DEFAULT-VALUE}).")
  double minEffect;

  @Mixin
  CsvOptions csv;

  @Override
  public Integer call() {
    CsvFormat format = csv.format();
    Schema schema = schemaFile != null ? SchemaJson.read(schemaFile)
        : SchemaInference.defaults().label(label).inferCsv(reference, format).schema();
    ReferenceProfile ref = profile(reference, schema, format);
    ReferenceProfile cur = profile(current, schema, format);
    DriftMonitor monitor = DriftMonitor.builder(schema).reference(ref).alpha(alpha).correction(correction)
        .minEffectSize(minEffect).build();
    DriftReport report = monitor.check(cur);
    if (html != null) {
      try {
        Files.writeString(html, report.toHtml(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + html + ": " + e.getMessage(), e);
      }
    }
    spec.commandLine().getOut().println(report.toJson());
    spec.commandLine().getOut().flush();
    return report.drift() ? ExitCodes.FINDING : ExitCodes.OK;
  }

  /**
   * Profiles a CSV file in one pass. Columns are matched by header name; a malformed record is
   * reported on standard error (never dropped silently) and left out of the profile.
   */
  private ReferenceProfile profile(Path file, Schema schema, CsvFormat format) {
    Profiler profiler = ReferenceProfile.profiler(schema);
    long malformed = 0;
    List<Long> lines = new ArrayList<>();
    try (CsvReader reader = CsvReader.open(file, format)) {
      List<String> header = reader.header();
      while (reader.hasNext()) {
        CsvRecord r = reader.next();
        if (r.problem().isPresent()) {
          malformed++;
          if (lines.size() < 5) {
            lines.add(r.line());
          }
          continue;
        }
        Map<String, Object> values = new HashMap<>(header.size() * 2);
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), r.value(i));
        }
        profiler.add(values);
      }
    }
    if (malformed > 0) {
      spec.commandLine().getErr().println(String.format(Locale.ROOT,
          "mlsys drift: %s: %d malformed records left out of the comparison (lines %s%s)", file, malformed, lines,
          malformed > lines.size() ? ", ..." : ""));
    }
    if (profiler.records() == 0) {
      throw new IllegalArgumentException(file + " holds no records");
    }
    return profiler.profile();
  }
}
