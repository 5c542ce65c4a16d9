package dev.mlsys.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlsys.api.Schema;
import dev.mlsys.api.Violation;
import dev.mlsys.data.io.ReadReport;
import dev.mlsys.data.io.RejectedRow;
import dev.mlsys.data.io.RowReader;
import dev.mlsys.data.schema.SchemaJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlsys validate --schema schema.json data.csv [--rejects bad.csv]}: checks every row, prints
 * a JSON summary, and writes the rejected rows, untouched, with their reasons.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Validate every row of a data file (CSV, JSON Lines, Arrow IPC) against a schema and print a "
        + "JSON summary:",
        "  {\"rows\":N,\"valid\":N,\"rejected\":N,\"violations\":[...the first 20]}",
        "Each violation names the line, the field, the value and the rule. With --rejects, every rejected row is "
            + "written, byte for byte as read, after two columns holding its line and its reasons."},
    footer = {"", "Example:", "  mlsys validate --schema schema.json --rejects bad.csv data.csv",
        "", "Exit codes: 0 all rows valid, 1 some rows rejected, 2 usage or I/O error (or a header that does not fit "
            + "the schema)."})
final class ValidateCommand implements Callable<Integer> {
  /** How many violations the summary lists. */
  static final int SHOWN_VIOLATIONS = 20;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATA", description = "The file to validate.")
  Path data;

  @Option(names = "--schema", required = true, paramLabel = "SCHEMA.json",
      description = "The schema, as written by infer-schema.")
  Path schemaFile;

  @Mixin
  RejectsOption rejects;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "The input format: ${COMPLETION-CANDIDATES} (default: by file extension; .jsonl and .ndjson are "
          + "JSON Lines, .arrow and .feather an Arrow IPC file, .arrows an Arrow IPC stream, anything else CSV). "
          + "For JSON Lines and Arrow input the rejects file is JSON Lines.")
  InputFormat format;

  @Mixin
  CsvOptions csv;

  /** The formats {@code validate} reads. */
  enum InputFormat { CSV, JSONL, ARROW, ARROWS }

  @Override
  public Integer call() {
    Schema schema = SchemaJson.read(schemaFile);
    ObjectMapper json = new ObjectMapper();
    ArrayNode shown = json.createArrayNode();
    InputFormat f = format != null ? format : byExtension(data);
    RowReader.Builder builder = switch (f) {
      case CSV -> RowReader.csv(data, schema).format(csv.format());
      case JSONL -> RowReader.jsonLines(data, schema);
      case ARROW -> RowReader.arrowFile(data, schema);
      case ARROWS -> RowReader.arrowStream(open(data), data.toString(), schema);
    };
    builder.onRejected(row -> {
      for (Violation v : row.violations()) {
        if (shown.size() < SHOWN_VIOLATIONS) {
          shown.add(violation(json, row, v));
        }
      }
    });
    rejects.applyTo(builder);
    ReadReport report;
    try (RowReader reader = builder.open()) {
      while (reader.hasNext()) {
        reader.next();
      }
      report = reader.report();
    }
    ObjectNode summary = json.createObjectNode();
    summary.put("rows", report.rows());
    summary.put("valid", report.accepted());
    summary.put("rejected", report.rejected());
    summary.set("violations", shown);
    try {
      spec.commandLine().getOut().println(json.writeValueAsString(summary));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the summary", e);
    }
    spec.commandLine().getOut().flush();
    return report.allValid() ? ExitCodes.OK : ExitCodes.FINDING;
  }

  static InputFormat byExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return InputFormat.JSONL;
    }
    if (name.endsWith(".arrow") || name.endsWith(".feather")) {
      return InputFormat.ARROW;
    }
    if (name.endsWith(".arrows")) {
      return InputFormat.ARROWS;
    }
    return InputFormat.CSV;
  }

  private static java.io.InputStream open(Path file) {
    try {
      return java.nio.file.Files.newInputStream(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new java.io.UncheckedIOException("cannot open " + file + ": no such file", e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode violation(ObjectMapper json, RejectedRow row, Violation v) {
    ObjectNode o = json.createObjectNode();
    o.put("line", row.line());
    o.put("field", v.field());
    if (v.value() == null) {
      o.putNull("value");
    } else {
      o.put("value", String.valueOf(v.value()));
    }
    o.put("rule", v.rule().name());
    o.put("message", v.message());
    return o;
  }
}
