package dev.mlsys.data.io;

import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The CSV {@link TableWriter}. Not thread-safe. */
final class CsvTableWriter implements TableWriter {
  private final OutputStream out;
  private final String name;
  private final Schema schema;
  private final List<Field> fields;
  private final char delimiter;
  private final char quote;
  private final Set<String> missingValues;
  private final String missing;
  private final StringBuilder line = new StringBuilder(256);
  private long rows;
  private boolean closed;

  CsvTableWriter(OutputStream out, String name, Schema schema, CsvFormat format) {
    this.out = out;
    this.name = name;
    this.schema = schema;
    this.fields = schema.allFields();
    this.delimiter = format.delimiter();
    this.quote = format.quote();
    this.missingValues = format.missingValues();
    if (missingValues.contains("")) {
      missing = "";
    } else if (missingValues.contains("NA")) {
      missing = "NA";
    } else if (!missingValues.isEmpty()) {
      missing = missingValues.stream().sorted().findFirst().get();
    } else {
      closeQuietly();
      throw new IllegalArgumentException("the CSV format has no missing-value token, so missing values cannot be"
          + " written; give it one (withMissingValues)");
    }
    if (format.header()) {
      for (int c = 0; c < fields.size(); c++) {
        if (c > 0) {
          line.append(delimiter);
        }
        appendText(fields.get(c).name());
      }
      flushLine();
      rows = 0;
    }
  }

  @Override
  public void write(Table table) {
    Writers.checkFields(schema, table);
    List<String> names = table.columnNames();
    for (int r = 0; r < table.rowCount(); r++) {
      for (int c = 0; c < fields.size(); c++) {
        if (c > 0) {
          line.append(delimiter);
        }
        append(fields.get(c), table.value(names.get(c), r));
      }
      flushLine();
    }
  }

  @Override
  public void write(Row row) {
    Writers.checkFields(schema, row);
    for (int c = 0; c < fields.size(); c++) {
      if (c > 0) {
        line.append(delimiter);
      }
      append(fields.get(c), row.get(c));
    }
    flushLine();
  }

  @Override
  public long rowsWritten() {
    return rows;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw Writers.cannotWrite(name, e);
    }
  }

  private void append(Field f, Object v) {
    if (v == null) {
      line.append(missing);
    } else if (f.type() == FieldType.NUMERIC) {
      line.append(Writers.number((Double) v));
    } else if (f.type() == FieldType.TIMESTAMP) {
      line.append(((Instant) v).toString());
    } else if (f.type() == FieldType.BOOLEAN) {
      line.append(v);
    } else {
      appendText((String) v);
    }
  }

  private void appendText(String s) {
    boolean needsQuotes = s.isEmpty() || missingValues.contains(s);
    for (int i = 0; i < s.length() && !needsQuotes; i++) {
      char c = s.charAt(i);
      needsQuotes = c == delimiter || c == quote || c == '\n' || c == '\r';
    }
    if (!needsQuotes) {
      line.append(s);
      return;
    }
    line.append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == quote) {
        line.append(quote);
      }
      line.append(c);
    }
    line.append(quote);
  }

  private void flushLine() {
    if (closed) {
      throw new IllegalStateException("the writer was closed");
    }
    line.append('\n');
    try {
      out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw Writers.cannotWrite(name, e);
    }
    line.setLength(0);
    rows++;
  }

  private void closeQuietly() {
    try {
      out.close();
    } catch (IOException ignored) {
      // the constructor is failing for another reason, which is the one to report
    }
  }
}
