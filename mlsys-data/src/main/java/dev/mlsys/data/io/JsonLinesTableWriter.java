package dev.mlsys.data.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mlsys.api.Field;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/** The JSON Lines {@link TableWriter}. Not thread-safe. */
final class JsonLinesTableWriter implements TableWriter {
  private final JsonGenerator json;
  private final String name;
  private final Schema schema;
  private final List<Field> fields;
  private long rows;
  private boolean closed;

  JsonLinesTableWriter(OutputStream out, String name, Schema schema) {
    this.name = name;
    this.schema = schema;
    this.fields = schema.allFields();
    try {
      this.json = JsonLinesSource.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
    } catch (IOException e) {
      throw Writers.cannotWrite(name, e);
    }
    json.setRootValueSeparator(null);
  }

  @Override
  public void write(Table table) {
    Writers.checkFields(schema, table);
    List<String> names = table.columnNames();
    Object[] values = new Object[fields.size()];
    for (int r = 0; r < table.rowCount(); r++) {
      for (int c = 0; c < values.length; c++) {
        values[c] = table.value(names.get(c), r);
      }
      writeValues(values);
    }
  }

  @Override
  public void write(Row row) {
    Writers.checkFields(schema, row);
    Object[] values = new Object[fields.size()];
    for (int c = 0; c < values.length; c++) {
      values[c] = row.get(c);
    }
    writeValues(values);
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
      json.close();
    } catch (IOException e) {
      throw Writers.cannotWrite(name, e);
    }
  }

  private void writeValues(Object[] values) {
    if (closed) {
      throw new IllegalStateException("the writer was closed");
    }
    try {
      json.writeStartObject();
      for (int c = 0; c < values.length; c++) {
        json.writeFieldName(fields.get(c).name());
        Object v = values[c];
        if (v == null) {
          json.writeNull();
        } else if (v instanceof Double d) {
          if (Double.isFinite(d)) {
            json.writeNumber(Writers.number(d));
          } else {
            json.writeString(Double.toString(d));
          }
        } else if (v instanceof Boolean b) {
          json.writeBoolean(b);
        } else if (v instanceof Instant t) {
          json.writeString(t.toString());
        } else {
          json.writeString((String) v);
        }
      }
      json.writeEndObject();
      json.writeRaw('\n');
      rows++;
    } catch (IOException e) {
      throw Writers.cannotWrite(name, e);
    }
  }
}
