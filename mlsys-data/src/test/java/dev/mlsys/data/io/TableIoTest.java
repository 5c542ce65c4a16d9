package dev.mlsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.Row;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Schema;
import dev.mlsys.data.Table;
import dev.mlsys.data.TestData;
import dev.mlsys.data.schema.SchemaInference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableIoTest {
  static final Schema SCHEMA = Schema.builder()
      .numeric("age", 0, 130)
      .categorical("plan", "free", "pro")
      .bool("active").nullable("active")
      .timestamp("seen").nullable("seen")
      .label("churn", "no", "yes")
      .build();

  @TempDir
  Path dir;
  BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAndCheckForLeaks() {
    assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
    allocator.close();
  }

  @Test
  void jsonLinesReadWithEveryKindOfBadLineCollected() {
    String text = "{\"age\": 31, \"plan\": \"pro\", \"active\": true, \"seen\": \"2024-05-01T10:00:00Z\", \"churn\": \"no\"}\n"
        + "\n"
        + "{\"age\": \"45\", \"plan\": \"free\", \"active\": null}\r\n"
        + "{\"age\": 31, \"plan\": \"pro\"\n"
        + "[1, 2]\n"
        + "{\"age\": 1, \"age\": 2, \"plan\": \"pro\"}\n"
        + "{\"age\": 200, \"plan\": \"gold\", \"colour\": \"red\"}\n"
        + "{\"age\": 3, \"plan\": \"free\"} {}\n"
        + "{\"age\": \"NaN\", \"plan\": \"free\"}\n";
    try (RowReader r = RowReader.jsonLines(stream(text), "t.jsonl", SCHEMA)
        .policy(ValidationPolicy.SKIP_AND_COLLECT).open()) {
      List<Row> rows = r.stream().toList();
      assertEquals(2, rows.size());
      assertEquals(Instant.parse("2024-05-01T10:00:00Z"), rows.get(0).get("seen"));
      assertEquals(45.0, rows.get(1).get("age"));
      ReadReport report = r.report();
      assertEquals(8, report.rows());
      assertEquals(1, report.blankLines());
      List<RejectedRow> bad = report.collected();
      assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), bad.stream().map(RejectedRow::line).toList());
      assertTrue(bad.get(0).violations().get(0).expected().startsWith("is not valid JSON"), bad.get(0).toString());
      assertEquals("is not a JSON object but a JSON array", bad.get(1).violations().get(0).expected());
      assertTrue(bad.get(2).violations().get(0).expected().contains("Duplicate field 'age'"), bad.get(2).toString());
      assertEquals(List.of(Rule.OUT_OF_RANGE, Rule.UNSEEN_CATEGORY, Rule.UNKNOWN_FIELD),
          bad.get(3).violations().stream().map(v -> v.rule()).toList());
      assertTrue(bad.get(4).violations().get(0).expected().startsWith("is not valid JSON"), bad.get(4).toString());
      assertEquals(Rule.NOT_FINITE, bad.get(5).violations().get(0).rule());
      assertEquals("{\"age\": 31, \"plan\": \"pro\"", bad.get(0).raw());
    }
  }

  @Test
  void jsonLinesQuarantineEmbedsTheRecordUntouched() throws IOException {
    byte[] badUtf8 = {'{', '"', 'p', 'l', 'a', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.write("{ \"age\" : -1 ,\"plan\":\"pro\" }\n".getBytes(StandardCharsets.UTF_8));
    input.write(badUtf8);
    input.write('\n');
    Path rejects = dir.resolve("rejects.jsonl");
    try (RowReader r = RowReader.jsonLines(new ByteArrayInputStream(input.toByteArray()), "t.jsonl", SCHEMA)
        .quarantine(rejects).open()) {
      assertEquals(0, r.stream().count());
      assertEquals(2, r.report().rejected());
    }
    List<String> lines = Files.readAllLines(rejects);
    assertEquals("{\"mlsys_line\":1,\"mlsys_violations\":[\"field 'age': value -1 is below min 0.0 (OUT_OF_RANGE)\"],"
        + "\"record\":{ \"age\" : -1 ,\"plan\":\"pro\" }}", lines.get(0));
    assertTrue(lines.get(1).startsWith("{\"mlsys_line\":2,\"mlsys_violations\":[\"field '(record)': value "), lines.get(1));
    assertTrue(lines.get(1).contains("\"record_text\":\"{\\\"plan\\\":\\\"\uFFFD(\\\"}\""), lines.get(1));
  }

  @Test
  void arrowFileReadInBatches() {
    Path file = dir.resolve("t.arrow");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(SCHEMA.rowOf((double) i, i % 2 == 0 ? "free" : "pro", i % 3 == 0 ? null : i % 2 == 0,
          Instant.ofEpochSecond(1_700_000_000L + i, i), i % 4 == 0 ? null : "yes"));
    }
    try (TableWriter w = TableWriter.arrowFile(file, SCHEMA); Table t = Table.fromRows(SCHEMA, rows, allocator)) {
      w.write(t);
    }
    List<Integer> sizes = new ArrayList<>();
    List<Row> back = new ArrayList<>();
    try (RowReader r = RowReader.arrowFile(file, SCHEMA).open()) {
      while (r.hasNext()) {
        try (Table batch = r.nextBatch(4, allocator)) {
          sizes.add(batch.rowCount());
          back.addAll(batch.toRows());
        }
      }
      try (Table empty = r.nextBatch(4, allocator)) {
        assertEquals(0, empty.rowCount());
      }
    }
    assertEquals(List.of(4, 4, 2), sizes);
    assertEquals(rows, back);
  }

  @Test
  void arrowStreamOfOtherTypesIsValidatedAndQuarantinedAsJson() throws IOException {
    // a stream as another tool might write it: int64 ages, plain strings, millisecond timestamps
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BigIntVector age = new BigIntVector("age", allocator);
         VarCharVector plan = new VarCharVector("plan", allocator);
         BitVector active = new BitVector("active", allocator);
         TimeStampMilliTZVector seen = new TimeStampMilliTZVector("seen", allocator, "UTC")) {
      age.allocateNew(3);
      plan.allocateNew(3);
      active.allocateNew(3);
      seen.allocateNew(3);
      long[] ages = {31, 140, 5};
      String[] plans = {"pro", "free", "gold"};
      for (int i = 0; i < 3; i++) {
        age.set(i, ages[i]);
        plan.setSafe(i, plans[i].getBytes(StandardCharsets.UTF_8));
        active.set(i, i % 2);
        seen.set(i, -1L + i);
      }
      VectorSchemaRoot root = VectorSchemaRoot.of(age, plan, active, seen);
      root.setRowCount(3);
      try (ArrowStreamWriter w = new ArrowStreamWriter(root, null, out)) {
        w.start();
        w.writeBatch();
        w.end();
      }
    }
    Path rejects = dir.resolve("rejects.jsonl");
    try (RowReader r = RowReader.arrowStream(new ByteArrayInputStream(out.toByteArray()), "t.arrows", SCHEMA)
        .quarantine(rejects).open()) {
      Row first = r.next();
      assertEquals(31.0, first.get("age"));
      assertEquals(false, first.get("active"));
      assertEquals(Instant.parse("1969-12-31T23:59:59.999Z"), first.get("seen"));
      assertTrue(!r.hasNext());
      assertEquals(2, r.report().rejected());
    }
    List<String> lines = Files.readAllLines(rejects);
    assertEquals("{\"mlsys_line\":2,\"mlsys_violations\":[\"field 'age': value 140 is above max 130.0 (OUT_OF_RANGE)\"],"
        + "\"record\":{\"age\":140,\"plan\":\"free\",\"active\":true,\"seen\":\"1970-01-01T00:00:00Z\"}}", lines.get(0));
  }

  @Test
  void arrowColumnsAreMatchedToTheSchema() throws IOException {
    Schema other = Schema.builder().numeric("x").build();
    Path file = dir.resolve("x.arrow");
    try (TableWriter w = TableWriter.arrowFile(file, other)) {
      w.write(other.rowOf(1.0));
    }
    IncompatibleSchemaException e = assertThrows(IncompatibleSchemaException.class,
        () -> RowReader.arrowFile(file, SCHEMA).open());
    assertTrue(e.getMessage().contains("the Arrow schema has columns [x] that the schema does not declare"),
        e.getMessage());
    assertThrows(java.io.UncheckedIOException.class, () -> RowReader.arrowFile(dir.resolve("none.arrow"), SCHEMA).open());
    Path notArrow = dir.resolve("not.arrow");
    Files.writeString(notArrow, "age,plan\n1,pro\n");
    java.io.UncheckedIOException bad = assertThrows(java.io.UncheckedIOException.class,
        () -> RowReader.arrowFile(notArrow, SCHEMA).open());
    assertTrue(bad.getMessage().startsWith(notArrow + ": not a readable Arrow file"), bad.getMessage());
  }

  @Test
  void csvWriterQuotesWhatWouldReadAsMissingAndKeepsNumbersExact() throws IOException {
    Schema s = Schema.builder().text("t").nullable("t").field(dev.mlsys.api.Field.numeric("x").allowingNonFinite()
        .withNullable(true)).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TableWriter w = TableWriter.csv(out, s, CsvFormat.DEFAULT)) {
      w.write(s.rowOf("NA", 31.0));
      w.write(s.rowOf("", -0.0));
      w.write(s.rowOf(null, 0.1));
      w.write(s.rowOf("a,\"b\"", Double.NaN));
      w.write(s.rowOf("x", null));
      w.write(s.rowOf("y", 1e300));
      assertEquals(6, w.rowsWritten());
    }
    assertEquals("t,x\n\"NA\",31\n\"\",-0.0\n,0.1\n\"a,\"\"b\"\"\",NaN\nx,\ny,1.0E300\n",
        out.toString(StandardCharsets.UTF_8));
    assertThrows(IllegalArgumentException.class,
        () -> TableWriter.csv(new ByteArrayOutputStream(), s, CsvFormat.DEFAULT.withMissingValues()));
  }

  @Test
  void writersRefuseRowsOfAnotherSchema() {
    try (TableWriter w = TableWriter.jsonLines(new ByteArrayOutputStream(), SCHEMA)) {
      Schema other = Schema.builder().numeric("x").build();
      assertThrows(IllegalArgumentException.class, () -> w.write(other.rowOf(1.0)));
    }
  }

  @Test
  void realDataRoundTripsThroughEveryFormat() {
    Schema s = SchemaInference.defaults().label("weather")
        .inferCsv(TestData.path("seattle_weather.csv"), CsvFormat.DEFAULT).schema();
    List<Row> original;
    try (RowReader r = RowReader.csv(TestData.path("seattle_weather.csv"), s).open()) {
      original = r.stream().toList();
    }
    assertEquals(1461, original.size());
    Path csv = dir.resolve("w.csv");
    Path jsonl = dir.resolve("w.jsonl");
    Path arrow = dir.resolve("w.arrow");
    try (Table t = Table.fromRows(s, original, allocator);
         TableWriter a = TableWriter.csv(csv, s);
         TableWriter b = TableWriter.jsonLines(jsonl, s);
         TableWriter c = TableWriter.arrowFile(arrow, s)) {
      a.write(t);
      b.write(t);
      c.write(t);
    }
    for (RowReader.Builder builder : List.of(RowReader.csv(csv, s), RowReader.jsonLines(jsonl, s),
        RowReader.arrowFile(arrow, s))) {
      try (RowReader r = builder.open()) {
        assertEquals(original, r.stream().toList());
      }
    }
  }

  @Test
  void batchesBoundArrowMemoryWhateverTheInputSize() {
    // 300,000 generated rows (about 7 MB of CSV), read in batches of 5,000
    Schema s = Schema.builder().numeric("x").categorical("c", "a", "b").text("t").build();
    InputStream in = new GeneratedCsv(300_000);
    long rows = 0;
    long peak = 0;
    try (RowReader r = RowReader.csv(in, "generated.csv", s).open()) {
      while (r.hasNext()) {
        try (Table batch = r.nextBatch(5_000, allocator)) {
          rows += batch.rowCount();
          assertTrue(batch.rowCount() <= 5_000);
        }
        peak = Math.max(peak, allocator.getPeakMemoryAllocation());
      }
    }
    assertEquals(300_000, rows);
    // one batch: 5,000 x (8 + 4 + ~12 text bytes + offsets) plus Arrow's power-of-two rounding
    assertTrue(peak < 1 << 20, "peak Arrow memory " + peak + " bytes");
  }

  /** An endless-looking CSV produced on the fly, so no test holds the whole input. */
  static final class GeneratedCsv extends InputStream {
    private final long rows;
    private long row = -1;
    private byte[] current = "x,c,t\n".getBytes(StandardCharsets.US_ASCII);
    private int pos;

    GeneratedCsv(long rows) {
      this.rows = rows;
    }

    @Override
    public int read() {
      if (pos == current.length) {
        row++;
        if (row >= rows) {
          return -1;
        }
        current = (row + "," + (row % 3 == 0 ? "a" : "b") + ",text " + (row * 7919 % 100_003) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
        pos = 0;
      }
      return current[pos++];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = 0;
      while (n < len) {
        int c = read();
        if (c < 0) {
          return n == 0 ? -1 : n;
        }
        b[off + n++] = (byte) c;
      }
      return n;
    }
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
