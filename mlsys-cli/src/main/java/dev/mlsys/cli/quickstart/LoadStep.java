package dev.mlsys.cli.quickstart;

import dev.mlsys.api.FieldType;
import dev.mlsys.api.Row;
import dev.mlsys.cli.report.TextTable;
import dev.mlsys.data.io.CsvFormat;
import dev.mlsys.data.io.ReadReport;
import dev.mlsys.data.io.RowReader;
import dev.mlsys.data.io.ValidationPolicy;
import dev.mlsys.data.schema.ColumnReport;
import dev.mlsys.data.schema.InferredSchema;
import dev.mlsys.data.schema.SchemaInference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Step 1: infer a schema for a CSV file, print it, and read every row through validation. */
final class LoadStep {
  private static final int COLUMNS_SHOWN = 8;

  private LoadStep() {}

  /**
   * @param session the run
   * @param file the CSV file
   * @param label the label column
   * @return the validated data set
   */
  static Dataset run(Session session, Path file, String label) {
    InferredSchema inferred = infer(file, label);
    Map<FieldType, Integer> kinds = new EnumMap<>(FieldType.class);
    inferred.schema().fields().forEach(f -> kinds.merge(f.type(), 1, Integer::sum));
    session.say("%s: %d sampled rows, %d features (%s), label '%s' with classes %s",
        file.getFileName(), inferred.sampledRows(), inferred.schema().fields().size(), describe(kinds), label,
        inferred.schema().labelClasses());
    TextTable columns = new TextTable("column", "type", "missing", "distinct", "why");
    List<ColumnReport> reports = inferred.columns();
    for (int i = 0; i < Math.min(COLUMNS_SHOWN, reports.size()); i++) {
      ColumnReport c = reports.get(i);
      columns.row(c.name(), c.type().id() + (c.nullable() ? "?" : ""), c.missing(), c.distinct(), c.reason());
    }
    session.table(columns);
    if (reports.size() > COLUMNS_SHOWN) {
      session.say("... and %d more columns (all in report.json)", reports.size() - COLUMNS_SHOWN);
    }

    List<Row> rows = new ArrayList<>();
    ReadReport read = validate(file, inferred, rows);
    session.say("validated %d rows: %d accepted, %d rejected%s", read.rows(), read.accepted(), read.rejected(),
        read.rejected() == 0 ? " (none expected)" : "");
    read.collected().stream().limit(3).forEach(r -> session.say("  rejected: %s", r));

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", file.getFileName().toString());
    json.put("rows", read.rows());
    json.put("accepted", read.accepted());
    json.put("rejected", read.rejected());
    json.put("label", label);
    json.put("classes", inferred.schema().labelClasses());
    List<Map<String, Object>> cols = new ArrayList<>();
    for (ColumnReport c : reports) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("type", c.type().id());
      m.put("nullable", c.nullable());
      m.put("missing", c.missing());
      m.put("distinct", c.distinct());
      m.put("reason", c.reason());
      cols.add(m);
    }
    json.put("columns", cols);
    session.json.put("data", json);

    session.html.section("data", "1. Data", "Schema inferred from " + file.getFileName() + ", then every row validated"
        + " against it.")
        .kpis().kpi("rows read", Long.toString(read.rows())).kpi("accepted", Long.toString(read.accepted()))
        .kpi("rejected", Long.toString(read.rejected())).kpi("features", describe(kinds)).endKpis();
    List<List<Object>> htmlRows = new ArrayList<>();
    for (ColumnReport c : reports) {
      htmlRows.add(List.of(c.name(), c.type().id() + (c.label() ? " (label)" : ""), c.missing(), c.distinct(),
          c.reason()));
    }
    session.html.fold("All " + reports.size() + " columns, with why each got its type")
        .table(List.of("column", "type", "missing", "distinct", "why this type"), htmlRows).endFold().end();
    session.html.lead("rows validated, " + read.rejected() + " rejected", Long.toString(read.rows()));
    return new Dataset(file.getFileName().toString(), inferred.schema(), List.copyOf(rows), read.rejected());
  }

  /**
   * Infers a schema and reads every valid row, quietly.
   *
   * @param file the CSV file
   * @param label the label column
   * @return the validated data set
   */
  static Dataset read(Path file, String label) {
    InferredSchema inferred = infer(file, label);
    List<Row> rows = new ArrayList<>();
    ReadReport read = validate(file, inferred, rows);
    return new Dataset(file.getFileName().toString(), inferred.schema(), List.copyOf(rows), read.rejected());
  }

  private static InferredSchema infer(Path file, String label) {
    InferredSchema inferred = SchemaInference.defaults().label(label).inferCsv(file, CsvFormat.DEFAULT);
    if (inferred.schema().labelClasses().size() < 2) {
      throw new IllegalArgumentException("label column '" + label + "' of " + file.getFileName()
          + " must be categorical with at least 2 classes; it was inferred as "
          + inferred.schema().label().map(f -> f.type().id()).orElse("absent"));
    }
    return inferred;
  }

  private static ReadReport validate(Path file, InferredSchema inferred, List<Row> rows) {
    try (RowReader reader = RowReader.csv(file, inferred.schema()).policy(ValidationPolicy.SKIP_AND_COLLECT).open()) {
      reader.forEachRemaining(rows::add);
      return reader.report();
    }
  }

  /**
   * Copies a bundled data set out of the jar, because readers take files.
   *
   * @param name the resource's file name
   * @param dir a folder for the copy
   * @return the copy
   */
  static Path bundled(String name, Path dir) {
    try (InputStream in = LoadStep.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled data set " + name + " is missing from the jar");
      }
      Path file = dir.resolve(name);
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Map<FieldType, Integer> kinds) {
    StringBuilder sb = new StringBuilder();
    kinds.forEach((k, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(k.id()));
    return sb.toString();
  }
}
