package dev.mlsys.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Field;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.io.RowReader;
import dev.mlsys.data.schema.SchemaInference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public class TableTest {
  public static final Schema SCHEMA = Schema.builder()
      .numeric("age", 0, 130)
      .categorical("plan", "free", "pro", "team").nullable("plan")
      .text("note").nullable("note")
      .bool("active").nullable("active")
      .timestamp("seen").nullable("seen")
      .field(Field.numeric("score").allowingNonFinite().withNullable(true))
      .label("churn", "no", "yes")
      .build();

  BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  /** Closing the root fails if any table or builder leaked memory. */
  @AfterEach
  void closeAndCheckForLeaks() {
    assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
    allocator.close();
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.add(SCHEMA.rowOf(31.0, "pro", "first note", true, Instant.parse("2024-05-01T10:15:30.123456789Z"), 0.5, "no"));
    rows.add(SCHEMA.rowOf(45.0, null, "", false, null, Double.NaN, "yes"));
    rows.add(SCHEMA.rowOf(0.0, "team", null, null, Instant.parse("1969-12-31T23:59:59.999999999Z"), null, null));
    rows.add(SCHEMA.rowOf(130.0, "free", "Zoë 中文 😀", true, Instant.EPOCH, Double.NEGATIVE_INFINITY, "no"));
    return rows;
  }

  @Test
  void rowsRoundTripExactly() {
    try (Table t = Table.fromRows(SCHEMA, rows(), allocator)) {
      assertEquals(4, t.rowCount());
      assertEquals(rows(), t.toRows());
      assertEquals(rows().get(2), t.row(2));
      assertEquals(SCHEMA.names(), t.columnNames());
    }
  }

  @Test
  void typedColumns() {
    try (Table t = Table.fromRows(SCHEMA, rows(), allocator)) {
      assertArrayEquals(new double[] {31, 45, 0, 130}, t.doubles("age"));
      assertArrayEquals(new String[] {"pro", null, "team", "free"}, t.strings("plan"));
      assertArrayEquals(new int[] {1, -1, 2, 0}, t.codes("plan"));
      assertArrayEquals(new double[] {1, 0, Double.NaN, 1}, t.doubles("active"));
      double[] seen = t.doubles("seen");
      assertEquals(Instant.parse("2024-05-01T10:15:30.123Z").toEpochMilli(), seen[0]);
      assertEquals(rows().get(2).getDouble("seen"), seen[2]);
      assertEquals(-1.0, seen[2]);
      double[] score = t.doubles("score");
      assertTrue(Double.isNaN(score[1]) && Double.isNaN(score[2]));
      assertFalse(t.isMissing("score", 1), "an allowed NaN is a value");
      assertTrue(t.isMissing("score", 2));
      assertArrayEquals(new String[] {"first note", "", null, "Zoë 中文 😀"}, t.strings("note"));
      assertArrayEquals(new String[] {"31.0", "45.0", "0.0", "130.0"}, t.strings("age"));
      assertEquals("no", t.value("churn", 0));
      assertNull(t.value("churn", 2));
    }
  }

  @Test
  void wrongColumnKindsAreExplained() {
    try (Table t = Table.fromRows(SCHEMA, rows(), allocator)) {
      assertEquals("column 'plan' is categorical; doubles() reads numeric, boolean and timestamp columns only",
          assertThrows(IllegalArgumentException.class, () -> t.doubles("plan")).getMessage());
      assertEquals("column 'age' is numeric; codes() reads categorical columns only",
          assertThrows(IllegalArgumentException.class, () -> t.codes("age")).getMessage());
      assertThrows(IllegalArgumentException.class, () -> t.doubles("nope"));
      assertThrows(IndexOutOfBoundsException.class, () -> t.row(4));
    }
  }

  @Test
  void selectHeadFilterTake() {
    try (Table t = Table.fromRows(SCHEMA, rows(), allocator);
         Table s = t.select("churn", "plan", "age");
         Table h = t.head(2);
         Table f = t.filter(r -> r.getDouble("age") >= 31);
         Table k = t.take(new int[] {3, 0, 3})) {
      assertEquals(List.of("plan", "age", "churn"), s.columnNames());
      assertEquals(List.of("no", "yes"), s.schema().labelClasses());
      assertArrayEquals(t.strings("plan"), s.strings("plan"));
      assertEquals(rows().subList(0, 2), h.toRows());
      assertEquals(List.of(rows().get(0), rows().get(1), rows().get(3)), f.toRows());
      assertEquals(List.of(rows().get(3), rows().get(0), rows().get(3)), k.toRows());
      assertArrayEquals(new int[] {0, 1, 0}, k.codes("plan"));
    }
  }

  @Test
  void selectWithoutTheLabelHasNoLabel() {
    try (Table t = Table.fromRows(SCHEMA, rows(), allocator); Table s = t.select("age", "note")) {
      assertTrue(s.schema().label().isEmpty());
      assertEquals(4, s.rowCount());
      assertEquals("Zoë 中文 😀", s.value("note", 3));
    }
    assertThrows(IllegalArgumentException.class, () -> {
      try (Table t = Table.fromRows(SCHEMA, rows(), allocator); Table s = t.select("age", "age")) {
        s.rowCount();
      }
    });
  }

  @Test
  void derivedTablesOutliveTheirSource() {
    Table t = Table.fromRows(SCHEMA, rows(), allocator);
    Table s = t.select("note", "age");
    Table h = t.head(3);
    Table k = t.take(new int[] {1});
    t.close();
    assertTrue(t.isClosed());
    assertThrows(IllegalStateException.class, () -> t.doubles("age"));
    assertEquals("first note", s.value("note", 0));
    assertEquals(rows().subList(0, 3), h.toRows());
    assertEquals(List.of(rows().get(1)), k.toRows());
    s.close();
    h.close();
    k.close();
  }

  @Test
  void takeChecksIndices() {
    try (Table t = Table.fromRows(SCHEMA, rows(), allocator)) {
      assertEquals("indices[1] = 4 is outside [0, 4)",
          assertThrows(IndexOutOfBoundsException.class, () -> t.take(new int[] {0, 4})).getMessage());
      try (Table empty = t.take(new int[0])) {
        assertEquals(0, empty.rowCount());
        assertEquals(0, empty.doubles("age").length);
      }
    }
  }

  @Test
  void emptyTablesAndAbandonedBuilders() {
    try (Table t = Table.fromRows(SCHEMA, List.of(), allocator)) {
      assertEquals(0, t.rowCount());
      assertEquals(0, t.rows().count());
    }
    try (Table.Builder b = Table.builder(SCHEMA, allocator)) {
      b.add(rows().get(0));
      // never built: close() releases the vectors
    }
  }

  @Test
  void rowsOfAnotherSchemaAreRefused() {
    Schema other = Schema.builder().numeric("x").build();
    try (Table.Builder b = Table.builder(SCHEMA, allocator)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add(other.rowOf(1.0)));
      assertTrue(e.getMessage().startsWith("row of schema Schema[x:numeric] does not fit the table schema"));
    }
  }

  @Test
  void timestampsOutsideTheNanosecondRangeAreRefused() {
    Schema s = Schema.builder().timestamp("t").build();
    try (Table.Builder b = Table.builder(s, allocator)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> b.add(s.rowOf(Instant.parse("3000-01-01T00:00:00Z"))));
      assertTrue(e.getMessage().startsWith("field 't': timestamp 3000-01-01T00:00:00Z is outside the range"),
          e.getMessage());
    }
  }

  @Test
  void arrowViewUsesTheDocumentedTypes() {
    try (Table t = Table.fromRows(SCHEMA, rows(), allocator)) {
      VectorSchemaRoot root = t.arrowView();
      assertEquals(4, root.getRowCount());
      assertEquals(new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE),
          root.getVector("age").getField().getType());
      assertEquals(1, root.getVector("plan").getField().getDictionary().getId());
      assertEquals(ArrowType.Utf8.INSTANCE, root.getVector("note").getField().getType());
      assertEquals(ArrowType.Bool.INSTANCE, root.getVector("active").getField().getType());
      assertEquals(new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.NANOSECOND, "UTC"),
          root.getVector("seen").getField().getType());
      assertEquals("team", new String(
          ((org.apache.arrow.vector.VarCharVector) t.dictionaries().lookup(1).getVector()).get(2),
          java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void aRealDataSetFromFileToTable() {
    Schema s = SchemaInference.defaults().label("INCOME")
        .inferCsv(TestData.path("income.csv"), dev.mlsys.data.io.CsvFormat.DEFAULT).schema();
    try (RowReader r = RowReader.csv(TestData.path("income.csv"), s).open();
         Table t = Table.fromRows(s, r.stream().toList(), allocator)) {
      assertEquals(8993, t.rowCount());
      long missingLanguage = java.util.Arrays.stream(t.strings("LANGUAGE")).filter(x -> x == null).count();
      assertEquals(359, missingLanguage);
      assertEquals(s.labelClasses().size(), java.util.Arrays.stream(t.codes("INCOME")).distinct().count());
    }
  }
}
