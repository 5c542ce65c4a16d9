package dev.mlsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.Table;
import dev.mlsys.data.TableTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.arrow.memory.RootAllocator;

/** Every writer's output reads back to exactly the rows written, in every format. */
class TableIoProperties {
  static final Schema SCHEMA = TableTest.SCHEMA;

  enum Format { CSV, JSON_LINES, ARROW_FILE, ARROW_STREAM }

  @Property(tries = 40)
  void writtenRowsReadBackUnaltered(@ForAll("rows") List<Row> rows, @ForAll Format format,
      @ForAll boolean asTable) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Path file = Files.createTempFile("mlsys-io", ".arrow");
    try (RootAllocator allocator = new RootAllocator()) {
      try (TableWriter w = format == Format.ARROW_FILE ? TableWriter.arrowFile(file, SCHEMA) : writer(format, bytes)) {
        if (asTable) {
          try (Table t = Table.fromRows(SCHEMA, rows, allocator)) {
            int half = rows.size() / 2;
            try (Table first = t.head(half); Table rest = t.take(java.util.stream.IntStream.range(half, rows.size())
                .toArray())) {
              w.write(first);
              w.write(rest);
            }
          }
        } else {
          rows.forEach(w::write);
        }
        assertEquals(rows.size(), w.rowsWritten());
      }
      List<Row> back;
      RowReader.Builder builder = format == Format.ARROW_FILE ? RowReader.arrowFile(file, SCHEMA)
          : reader(format, bytes.toByteArray());
      try (RowReader r = builder.open(); Table t = r.readTable(allocator)) {
        back = t.toRows();
        assertEquals(rows.size(), r.report().accepted());
        assertEquals(0, r.report().rejected());
      }
      assertEquals(rows, back);
      assertEquals(0, allocator.getAllocatedMemory());
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    return dev.mlsys.data.TablePropertiesAccess.rowLists();
  }

  static TableWriter writer(Format f, ByteArrayOutputStream out) {
    return switch (f) {
      case CSV -> TableWriter.csv(out, SCHEMA, CsvFormat.DEFAULT);
      case JSON_LINES -> TableWriter.jsonLines(out, SCHEMA);
      default -> TableWriter.arrowStream(out, SCHEMA);
    };
  }

  static RowReader.Builder reader(Format f, byte[] bytes) {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    return switch (f) {
      case CSV -> RowReader.csv(in, "t.csv", SCHEMA);
      case JSON_LINES -> RowReader.jsonLines(in, "t.jsonl", SCHEMA);
      default -> RowReader.arrowStream(in, "t.arrows", SCHEMA);
    };
  }
}
