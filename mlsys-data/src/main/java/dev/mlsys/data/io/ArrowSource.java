package dev.mlsys.data.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mlsys.api.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.Text;

/**
 * The rows of an Arrow IPC file or stream, record batch by record batch, matched to a schema's
 * fields by column name. Values are read as Java objects and validated like any other record;
 * dictionary-encoded columns are decoded; timestamps with a zone are instants, without one UTC
 * date-times. A record's "line" is its 1-based position in the input, and its raw form (for a
 * side file) is a JSON object of its values. Not thread-safe.
 */
final class ArrowSource implements RecordSource {
  private final ArrowReader reader;
  private final BufferAllocator allocator;
  private final String name;
  private final ColumnMatch match;
  private final List<Field> fields;
  private final Reader[] readers;
  private VectorSchemaRoot root;
  private int row = -1;
  private long record;

  ArrowSource(ArrowReader reader, BufferAllocator allocator, String name, Schema schema) throws IOException {
    this.reader = reader;
    this.allocator = allocator;
    this.name = name;
    this.root = reader.getVectorSchemaRoot();
    this.fields = root.getSchema().getFields();
    List<String> names = new ArrayList<>();
    fields.forEach(f -> names.add(f.getName()));
    this.match = ColumnMatch.byName(name, names, schema, "Arrow schema");
    this.readers = new Reader[fields.size()];
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean advance() {
    try {
      while (root == null || row + 1 >= root.getRowCount()) {
        if (!reader.loadNextBatch()) {
          return false;
        }
        root = reader.getVectorSchemaRoot();
        row = -1;
        for (int c = 0; c < fields.size(); c++) {
          readers[c] = readerOf(root.getVector(c));
        }
      }
      row++;
      record++;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": after record " + record + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long line() {
    return record;
  }

  @Override
  public String problem() {
    return null;
  }

  @Override
  public Map<String, ?> values() {
    for (int i = 0; i < match.size(); i++) {
      match.set(i, readers[match.column(i)].read(row));
    }
    return match.view();
  }

  @Override
  public byte[] rawBytes() {
    Map<String, Object> all = new LinkedHashMap<>();
    for (int c = 0; c < fields.size(); c++) {
      Object v = readers[c].read(row);
      all.put(fields.get(c).getName(), v instanceof Number || v instanceof Boolean || v == null ? v : v.toString());
    }
    try {
      return JsonLinesSource.MAPPER.writeValueAsBytes(all);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render record " + record + " as JSON", e);
    }
  }

  @Override
  public String rawText() {
    return new String(rawBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public boolean rawIsJson() {
    return true;
  }

  @Override
  public long blankLines() {
    return 0;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    } finally {
      allocator.close();
    }
  }

  /** Reads one column's values as Java objects. */
  private interface Reader {
    Object read(int row);
  }

  private Reader readerOf(FieldVector v) throws IOException {
    DictionaryEncoding encoding = v.getField().getDictionary();
    if (encoding != null) {
      Dictionary d = reader.getDictionaryVectors().get(encoding.getId());
      if (d == null) {
        throw new IOException("column '" + v.getName() + "' refers to dictionary " + encoding.getId()
            + " which the input does not hold");
      }
      ValueVector dict = d.getVector();
      Reader values = plain(dict);
      return r -> {
        if (v.isNull(r)) {
          return null;
        }
        long index = ((Number) v.getObject(r)).longValue();
        if (index < 0 || index >= dict.getValueCount()) {
          throw new MalformedRecordException(name, record, "dictionary index " + index + " of column '"
              + v.getName() + "' is outside [0, " + dict.getValueCount() + ")");
        }
        return values.read((int) index);
      };
    }
    return plain(v);
  }

  private static Reader plain(ValueVector v) {
    if (v instanceof TimeStampVector ts && ((ArrowType.Timestamp) ts.getField().getType()).getTimezone() != null) {
      TimeUnit unit = switch (((ArrowType.Timestamp) ts.getField().getType()).getUnit()) {
        case SECOND -> TimeUnit.SECONDS;
        case MILLISECOND -> TimeUnit.MILLISECONDS;
        case MICROSECOND -> TimeUnit.MICROSECONDS;
        case NANOSECOND -> TimeUnit.NANOSECONDS;
      };
      return r -> {
        if (ts.isNull(r)) {
          return null;
        }
        long t = ts.get(r);
        long perSecond = unit.convert(1, TimeUnit.SECONDS);
        long seconds = Math.floorDiv(t, perSecond);
        long nanos = TimeUnit.NANOSECONDS.convert(Math.floorMod(t, perSecond), unit);
        return Instant.ofEpochSecond(seconds, nanos);
      };
    }
    if (v instanceof DateDayVector days) {
      return r -> days.isNull(r) ? null : LocalDate.ofEpochDay(days.get(r));
    }
    return r -> {
      Object o = v.getObject(r);
      return o instanceof Text t ? t.toString() : o;
    };
  }
}
