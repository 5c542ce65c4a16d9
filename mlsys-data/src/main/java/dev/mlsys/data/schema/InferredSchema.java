package dev.mlsys.data.schema;

import dev.mlsys.api.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of {@link SchemaInference}: the schema and, per column, why it got its type.
 *
 * <p>Immutable and thread-safe.
 *
 * @param schema the inferred schema
 * @param columns one report per column, in column order
 * @param sampledRows well-formed records the inference looked at
 * @param malformedRows malformed records met in the sample and left out of it (ragged, broken
 *     quotes, invalid UTF-8); validation will reject them
 */
public record InferredSchema(Schema schema, List<ColumnReport> columns, long sampledRows, long malformedRows) {

  /** @throws NullPointerException if a reference component is null */
  public InferredSchema {
    Objects.requireNonNull(schema, "schema");
    columns = List.copyOf(columns);
  }

  /** @return a plain-text table of the column reports, one line per column */
  public String report() {
    int width = 6;
    for (ColumnReport c : columns) {
      width = Math.max(width, c.name().length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%d rows sampled", sampledRows));
    if (malformedRows > 0) {
      sb.append(String.format(Locale.ROOT, ", %d malformed rows left out", malformedRows));
    }
    sb.append('\n');
    String row = "%-" + width + "s  %-12s  %-8s  %s%n";
    sb.append(String.format(Locale.ROOT, row, "column", "type", "nullable", "why"));
    for (ColumnReport c : columns) {
      sb.append(String.format(Locale.ROOT, row, c.name(), c.type().id() + (c.label() ? "*" : ""),
          c.nullable() ? "yes" : "no", c.reason()));
    }
    if (columns.stream().anyMatch(ColumnReport::label)) {
      sb.append("* the label\n");
    }
    return sb.toString();
  }
}
