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
import dev.mlsys.data.io.ValidationPolicy;
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
    description = {"Validate every row of a CSV file against a schema and print a JSON summary:",
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

  @Parameters(index = "0", paramLabel = "DATA.csv", description = "The CSV file to validate.")
  Path data;

  @Option(names = "--schema", required = true, paramLabel = "SCHEMA.json",
      description = "The schema, as written by infer-schema.")
  Path schemaFile;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Write every rejected row, untouched, with its line and reasons to FILE (replaced).")
  Path rejects;

  @Mixin
  CsvOptions csv;

  @Override
  public Integer call() {
    Schema schema = SchemaJson.read(schemaFile);
    ObjectMapper json = new ObjectMapper();
    ArrayNode shown = json.createArrayNode();
    RowReader.Builder builder = RowReader.csv(data, schema).format(csv.format()).onRejected(row -> {
      for (Violation v : row.violations()) {
        if (shown.size() < SHOWN_VIOLATIONS) {
          shown.add(violation(json, row, v));
        }
      }
    });
    if (rejects != null) {
      builder.quarantine(rejects);
    } else {
      builder.policy(ValidationPolicy.SKIP_AND_COLLECT);
    }
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
