package dev.mlsys.cli;

import dev.mlsys.data.schema.InferredSchema;
import dev.mlsys.data.schema.SchemaInference;
import dev.mlsys.data.schema.SchemaJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlsys infer-schema data.csv}: a schema from a sample of a CSV file, as JSON. */
@Command(name = "infer-schema", mixinStandardHelpOptions = true,
    description = {"Infer a schema from the first rows of a CSV file and print it as JSON.",
        "Numbers become numeric, true/false and yes/no boolean, ISO-8601 dates timestamp, strings with few "
            + "distinct values categorical and the rest text; a column with a missing value is nullable. "
            + "Why each column got its type is reported on standard error."},
    footer = {"", "Example:", "  mlsys infer-schema --label diabetes pima.csv > schema.json",
        "", "Exit codes: 0 success, 2 usage or I/O error."})
final class InferSchemaCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATA.csv", description = "The CSV file to sample.")
  Path data;

  @Option(names = "--label", paramLabel = "COLUMN", description = "Make this column the label.")
  String label;

  @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "10000",
      description = "Rows to look at, from the start (default: ${DEFAULT-VALUE}).")
  int sampleRows;

  @Option(names = "--max-categories", paramLabel = "N", defaultValue = "100",
      description = "Most distinct values a categorical column may have (default: ${DEFAULT-VALUE}).")
  int maxCategories;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the schema to FILE instead of standard output.")
  Path output;

  @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Report why each column got its type, on standard error (default: on).")
  boolean report;

  @Mixin
  CsvOptions csv;

  @Override
  public Integer call() {
    InferredSchema inferred = SchemaInference.defaults()
        .sampleRows(sampleRows)
        .maxCategories(maxCategories)
        .label(label)
        .inferCsv(data, csv.format());
    if (output != null) {
      SchemaJson.write(inferred.schema(), output);
    } else {
      spec.commandLine().getOut().print(SchemaJson.write(inferred.schema()));
      spec.commandLine().getOut().flush();
    }
    if (report) {
      spec.commandLine().getErr().print(inferred.report());
      spec.commandLine().getErr().flush();
    }
    return ExitCodes.OK;
  }
}
