package dev.mlsys.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.io.CsvFormat;
import dev.mlsys.data.io.CsvReader;
import dev.mlsys.data.io.CsvRecord;
import dev.mlsys.data.io.ReadReport;
import dev.mlsys.data.io.RowReader;
import dev.mlsys.data.io.TableWriter;
import dev.mlsys.data.io.ValidationPolicy;
import dev.mlsys.data.schema.InferredSchema;
import dev.mlsys.data.schema.SchemaInference;
import dev.mlsys.data.schema.SchemaJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Javadoc examples of the tables and IO packages, compiled and run so they cannot rot. */
class DataIoExamplesTest {
  @TempDir
  Path dir;

  @Test
  void inferValidateAndLoadATable() {
    Path path = TestData.path("pima_diabetes.csv");
    // SchemaInference
    InferredSchema inferred = SchemaInference.defaults().label("diabetes").inferCsv(path, CsvFormat.DEFAULT);
    Schema schema = inferred.schema();
    assertTrue(inferred.report().contains("glucose"));
    // SchemaJson
    Path file = dir.resolve("schema.json");
    SchemaJson.write(schema, file);
    assertEquals(schema, SchemaJson.read(file));
    // RowReader
    List<Row> rows = new ArrayList<>();
    try (RowReader reader = RowReader.csv(path, schema).policy(ValidationPolicy.SKIP_AND_COLLECT).open()) {
      reader.forEachRemaining(rows::add);
      ReadReport report = reader.report();
      assertEquals(768, report.rows());
      assertTrue(report.collected().isEmpty());
    }
    // Table
    try (Table t = Table.fromRows(schema, rows)) {
      double[] glucose = t.doubles("glucose");
      String[] diabetes = t.strings("diabetes");
      try (Table older = t.filter(r -> r.getDouble("age") >= 50); Table some = t.take(new int[] {3, 1, 3})) {
        assertEquals(3, some.rowCount());
        assertTrue(older.rowCount() > 0 && older.rowCount() < t.rowCount());
      }
      assertEquals(768, glucose.length);
      assertEquals("pos", diabetes[0]);
    }
  }

  @Test
  void streamBatchesAndWriteThemBack() {
    Path path = TestData.path("seattle_weather.csv");
    Schema schema = SchemaInference.defaults().inferCsv(path, CsvFormat.DEFAULT).schema();
    Path out = dir.resolve("weather.arrow");
    // RowReader.nextBatch and TableWriter
    try (RowReader reader = RowReader.csv(path, schema).open(); TableWriter writer = TableWriter.arrowFile(out, schema)) {
      while (reader.hasNext()) {
        try (Table batch = reader.nextBatch(500)) {
          writer.write(batch);
        }
      }
      assertEquals(1461, writer.rowsWritten());
    }
    // CsvReader
    try (CsvReader csv = CsvReader.open(path, CsvFormat.DEFAULT)) {
      List<String> columns = csv.header();
      CsvRecord first = csv.next();
      assertEquals("date", columns.get(0));
      assertEquals("2012-01-01", first.value(0));
    }
    try (RowReader back = RowReader.arrowFile(out, schema).open(); Table all = back.readTable()) {
      assertEquals(1461, all.rowCount());
    }
  }
}
