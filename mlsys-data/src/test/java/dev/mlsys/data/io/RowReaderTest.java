package dev.mlsys.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.Row;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowReaderTest {
  static final Schema SCHEMA = Schema.builder()
      .numeric("age", 0, 130)
      .categorical("plan", "free", "pro")
      .bool("active").nullable("active")
      .timestamp("seen").nullable("seen")
      .label("churn", "no", "yes")
      .build();

  static final String GOOD = "age,plan,active,seen,churn\n"
      + "31,pro,yes,2024-05-01,no\n"
      + "45,free,,NA,\n";
  static final String MIXED = "age,plan,active,seen,churn\n"
      + "31,pro,yes,2024-05-01,no\n"      // line 2 ok
      + "-3,gold,maybe,2024-05-01,no\n"   // line 3: three violations
      + "40,free\n"                       // line 4: ragged
      + "50,free,no,,yes\n";              // line 5 ok

  @Test
  void readsRowsWithLenientCoercion() {
    try (RowReader r = RowReader.csv(stream(GOOD), "good.csv", SCHEMA).open()) {
      Row first = r.next();
      assertEquals(31.0, first.get("age"));
      assertEquals("pro", first.get("plan"));
      assertEquals(true, first.get("active"));
      assertEquals(Instant.parse("2024-05-01T00:00:00Z"), first.get("seen"));
      assertEquals("no", first.label());
      Row second = r.next();
      assertTrue(second.isMissing("active"));
      assertTrue(second.isMissing("seen"));
      assertEquals(null, second.label());
      assertFalse(r.hasNext());
      assertEquals(new ReadReport("good.csv", 2, 2, 0, 0, List.of()), r.report());
    }
  }

  @Test
  void rejectStopsAtTheFirstBadRowWithItsLine() {
    try (RowReader r = RowReader.csv(stream(MIXED), "mixed.csv", SCHEMA).open()) {
      r.next();
      InvalidRowException e = assertThrows(InvalidRowException.class, r::hasNext);
      assertEquals(3, e.line());
      assertEquals("mixed.csv: line 3: invalid input (3 violations): field 'age': value '-3' is below min 0.0 "
          + "(OUT_OF_RANGE); field 'plan': value 'gold' is not one of [free, pro] (UNSEEN_CATEGORY); "
          + "field 'active': value 'maybe' is not a boolean (true/false, yes/no, 1/0) (UNPARSEABLE)", e.getMessage());
      assertEquals("-3,gold,maybe,2024-05-01,no", e.rejectedRow().raw());
      assertFalse(r.hasNext());
      assertEquals(2, r.report().rows());
      assertEquals(1, r.report().rejected());
    }
  }

  @Test
  void skipAndCollectKeepsEveryBadRowUntouched() {
    List<RejectedRow> heard = new ArrayList<>();
    try (RowReader r = RowReader.csv(stream(MIXED), "mixed.csv", SCHEMA)
        .policy(ValidationPolicy.SKIP_AND_COLLECT).onRejected(heard::add).open()) {
      List<Row> rows = r.stream().toList();
      assertEquals(List.of(31.0, 50.0), rows.stream().map(x -> x.get("age")).toList());
      ReadReport report = r.report();
      assertEquals(4, report.rows());
      assertEquals(2, report.accepted());
      assertEquals(2, report.rejected());
      assertEquals(heard, report.collected());
      RejectedRow bad = report.collected().get(0);
      assertEquals(3, bad.line());
      assertEquals(List.of(Rule.OUT_OF_RANGE, Rule.UNSEEN_CATEGORY, Rule.UNPARSEABLE),
          bad.violations().stream().map(v -> v.rule()).toList());
      RejectedRow ragged = report.collected().get(1);
      assertEquals(4, ragged.line());
      assertEquals("40,free", ragged.raw());
      assertEquals("field '(record)': value '40,free' has 2 fields but the header has 5 (UNPARSEABLE)",
          ragged.violations().get(0).message());
    }
  }

  @Test
  void quarantineWritesBadRowsByteForByte(@TempDir Path dir) throws IOException {
    Path rejects = dir.resolve("rejects.csv");
    byte[] input = (MIXED.replace("\n", "\r\n") + "7,\"pro\",\"No\",2024-01-01T10:00:00Z,\"ye\"\"s\"\r\n")
        .getBytes(StandardCharsets.UTF_8);
    try (RowReader r = RowReader.csv(new ByteArrayInputStream(input), "mixed.csv", SCHEMA).quarantine(rejects).open()) {
      assertEquals(2, r.stream().count());
      assertEquals(5, r.report().rows());
      assertEquals(3, r.report().rejected());
      assertTrue(r.report().collected().isEmpty());
    }
    String expected = "mlsys_line,mlsys_violations,age,plan,active,seen,churn\n"
        + "3,\"field 'age': value '-3' is below min 0.0 (OUT_OF_RANGE); field 'plan': value 'gold' is not one of "
        + "[free, pro] (UNSEEN_CATEGORY); field 'active': value 'maybe' is not a boolean (true/false, yes/no, 1/0) "
        + "(UNPARSEABLE)\",-3,gold,maybe,2024-05-01,no\n"
        + "4,\"field '(record)': value '40,free' has 2 fields but the header has 5 (UNPARSEABLE)\",40,free\n"
        + "6,\"field 'churn': value 'ye\"\"s' is not one of [no, yes] (UNSEEN_CATEGORY)\","
        + "7,\"pro\",\"No\",2024-01-01T10:00:00Z,\"ye\"\"s\"\n";
    assertEquals(expected, Files.readString(rejects));
    // the rejects file is itself valid CSV whose last columns are the original record
    try (CsvReader back = CsvReader.open(rejects, CsvFormat.DEFAULT)) {
      assertEquals("age", back.header().get(2));
      back.next();
      assertTrue(back.next().problem().isPresent(), "the ragged row stays ragged");
      assertEquals("ye\"s", back.next().value(6));
    }
  }

  @Test
  void quarantineFileIsCreatedEvenWithoutRejects(@TempDir Path dir) throws IOException {
    Path rejects = dir.resolve("rejects.csv");
    Files.writeString(rejects, "stale content\n");
    try (RowReader r = RowReader.csv(stream(GOOD), "good.csv", SCHEMA).quarantine(rejects).open()) {
      r.forEachRemaining(x -> { });
    }
    assertEquals("mlsys_line,mlsys_violations,age,plan,active,seen,churn\n", Files.readString(rejects));
  }

  @Test
  void headerThatDoesNotFitTheSchemaIsReportedOnce() {
    IncompatibleSchemaException unknown = assertThrows(IncompatibleSchemaException.class,
        () -> RowReader.csv(stream("age,plan,colour\n1,pro,red\n"), "x.csv", SCHEMA).open());
    assertEquals("x.csv: the header has columns [colour] that the schema does not declare (and the schema rejects "
        + "unknown fields); schema fields are [age, plan, active, seen, churn]", unknown.getMessage());
    IncompatibleSchemaException absent = assertThrows(IncompatibleSchemaException.class,
        () -> RowReader.csv(stream("age,churn\n1,no\n"), "x.csv", SCHEMA).open());
    assertEquals("x.csv: the header lacks the required field(s) [plan]; its columns are [age, churn]",
        absent.getMessage());
  }

  @Test
  void unknownColumnsAreIgnoredWhenTheSchemaSaysSo() {
    Schema lax = SCHEMA.toBuilder().ignoreUnknownFields().build();
    try (RowReader r = RowReader.csv(stream("colour,plan,age\nred,pro,1\n"), "x.csv", lax).open()) {
      Row row = r.next();
      assertEquals(1.0, row.get("age"));
      assertEquals("pro", row.get("plan"));
    }
  }

  @Test
  void headerlessFilesMatchFieldsByPosition() {
    try (RowReader r = RowReader.csv(stream("31,pro,yes,2024-05-01\n"), "x.csv", SCHEMA)
        .format(CsvFormat.DEFAULT.withHeader(false)).open()) {
      Row row = r.next();
      assertEquals(31.0, row.get("age"));
      assertEquals(null, row.label());
    }
  }

  @Test
  void optionsAreSetOnce() {
    RowReader.Builder b = RowReader.csv(stream(GOOD), "x.csv", SCHEMA).policy(ValidationPolicy.SKIP_AND_COLLECT);
    assertEquals("policy was already set to SKIP_AND_COLLECT",
        assertThrows(IllegalStateException.class, () -> b.policy(ValidationPolicy.REJECT)).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RowReader.csv(stream(GOOD), "x.csv", SCHEMA).policy(ValidationPolicy.QUARANTINE));
  }

  @Test
  void quarantineMayNotOverwriteTheInput(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, GOOD);
    assertThrows(IllegalArgumentException.class, () -> RowReader.csv(in, SCHEMA).quarantine(in).open());
    assertEquals(GOOD, Files.readString(in));
  }

  @Test
  void rawBytesOfRejectedRowsAreExact() {
    byte[] input = "age,plan\n1,pro\n\"x\",\"fr\nee\"\n".getBytes(StandardCharsets.UTF_8);
    Schema s = Schema.builder().numeric("age").categorical("plan", "free", "pro").build();
    try (RowReader r = RowReader.csv(new ByteArrayInputStream(input), "x", s)
        .policy(ValidationPolicy.SKIP_AND_COLLECT).open()) {
      r.forEachRemaining(x -> { });
      RejectedRow bad = r.report().collected().get(0);
      assertEquals(3, bad.line());
      assertArrayEquals("\"x\",\"fr\nee\"".getBytes(StandardCharsets.UTF_8), bad.rawBytes());
    }
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
