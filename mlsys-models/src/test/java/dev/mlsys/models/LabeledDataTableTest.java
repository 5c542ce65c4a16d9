package dev.mlsys.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Row;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Schema;
import dev.mlsys.data.Table;
import dev.mlsys.data.features.BucketEncoding;
import dev.mlsys.data.features.Feature;
import dev.mlsys.data.features.FeaturePipeline;
import dev.mlsys.data.features.Unseen;
import dev.mlsys.data.io.CsvFormat;
import dev.mlsys.data.io.RowReader;
import dev.mlsys.data.schema.SchemaInference;
import dev.mlsys.data.split.Part;
import dev.mlsys.data.split.Split;
import dev.mlsys.data.split.Splits;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * The Table path ({@link LabeledData#fromTable}, with the pipeline fitted on a table) against the
 * row path ({@link LabeledData#fromRows}, with the pipeline fitted on rows) on real data: the same
 * data to the last bit, and no Arrow memory left behind (each test owns a root allocator, whose
 * {@code close()} fails on a leak).
 */
class LabeledDataTableTest {

  @Test
  void incomeClassificationIsBitIdenticalToTheRowPath() {
    Path csv = resource("income.csv");
    Schema schema = SchemaInference.defaults().label("INCOME").inferCsv(csv, CsvFormat.DEFAULT).schema();
    assertTrue(schema.fields().stream().anyMatch(Field::nullable), "income.csv has missing values: " + schema);
    FeaturePipeline.Builder spec = FeaturePipeline.defaultsFor(schema).add(Feature.cross("SEX", "AGE").hashed(16));
    try (BufferAllocator allocator = new RootAllocator()) {
      try (RowReader reader = RowReader.csv(csv, schema).open(); Table all = reader.readTable(allocator)) {
        Split split = Splits.stratified(0.75, 0.25).seed(11).split(all.codes("INCOME"));
        List<Row> rows = all.toRows();
        try (Table train = split.take(Part.TRAIN, all); Table test = split.take(Part.TEST, all)) {
          FeaturePipeline fromTable = spec.fit(train);
          FeaturePipeline fromRows = spec.fit(split.training(rows).items());
          assertEquals(fromRows.toJson(), fromTable.toJson());

          LabeledData tableTrain = LabeledData.fromTable(train, fromTable);
          assertSameBits(LabeledData.fromRows(split.take(Part.TRAIN, rows), fromRows), tableTrain);
          assertSameBits(LabeledData.fromRows(split.take(Part.TEST, rows), fromRows),
              LabeledData.fromTable(test, fromTable));
          assertEquals(Task.CLASSIFICATION, tableTrain.task());
          assertEquals(schema.labelClasses(), tableTrain.classes());
          assertEquals(split.size(Part.TRAIN), tableTrain.size());
        }
      }
      assertEquals(0, allocator.getAllocatedMemory(), "every table closed, no Arrow memory left");
    }
  }

  @Test
  void seattleRegressionIsBitIdenticalToTheRowPath() {
    Path csv = resource("seattle_weather.csv");
    Schema schema = SchemaInference.defaults().label("temp_max").inferCsv(csv, CsvFormat.DEFAULT).schema();
    assertEquals(FieldType.NUMERIC, schema.label().orElseThrow().type());
    assertEquals(FieldType.TIMESTAMP, schema.field("date").orElseThrow().type());
    FeaturePipeline.Builder spec = FeaturePipeline.defaultsFor(schema).add(Feature.numeric("date").standardScaled())
        .add(Feature.numeric("precipitation").named("rain band").quantileBuckets(4, BucketEncoding.ONE_HOT));
    try (BufferAllocator allocator = new RootAllocator()) {
      try (RowReader reader = RowReader.csv(csv, schema).open(); Table all = reader.readTable(allocator)) {
        Split split = Splits.random(0.8, 0.2).seed(5).split(all.rowCount());
        List<Row> rows = all.toRows();
        try (Table train = split.take(Part.TRAIN, all)) {
          FeaturePipeline pipeline = spec.fit(train);
          LabeledData fromTable = LabeledData.fromTable(train, pipeline);
          assertSameBits(LabeledData.fromRows(split.take(Part.TRAIN, rows), spec.fit(split.training(rows).items())),
              fromTable);
          assertEquals(Task.REGRESSION, fromTable.task());
          assertArrayEquals(split.take(Part.TRAIN, rows).stream().mapToDouble(r -> r.getDouble("temp_max")).toArray(),
              fromTable.targets());
        }
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
  }

  @Test
  void missingLabelsAndUnimputedFeaturesAreReportedAsTheRowPathReportsThem() {
    Schema schema = Schema.builder().numeric("x").nullable("x").categorical("c", "a", "b").label("y", "no", "yes")
        .build();
    List<Row> rows = new ArrayList<>();
    rows.add(row(schema, 1.0, "a", "no"));
    rows.add(row(schema, null, "b", "yes"));     // x missing and not imputed: NaN
    rows.add(row(schema, 3.0, "a", null));       // no label
    FeaturePipeline pipeline = FeaturePipeline.builder().add(Feature.numeric("x"))
        .add(Feature.categorical("c").oneHot(Unseen.ERROR)).fit(rows);
    try (BufferAllocator allocator = new RootAllocator()) {
      try (Table table = Table.fromRows(schema, rows, allocator)) {
        InvalidInputException fromTable = assertThrows(InvalidInputException.class,
            () -> LabeledData.fromTable(table, pipeline));
        InvalidInputException fromRows = assertThrows(InvalidInputException.class,
            () -> LabeledData.fromRows(rows, pipeline));
        assertEquals(fromRows.violations(), fromTable.violations());
        assertEquals(2, fromTable.violations().size());
        assertEquals("x", fromTable.violations().get(0).field());
        assertEquals(Rule.NOT_FINITE, fromTable.violations().get(0).rule());
        assertTrue(fromTable.getMessage().contains("row 1"), fromTable.getMessage());
        assertEquals("y", fromTable.violations().get(1).field());
        assertEquals(Rule.MISSING_REQUIRED, fromTable.violations().get(1).rule());
        assertTrue(fromTable.getMessage().contains("row 2"), fromTable.getMessage());

        try (Table empty = table.head(0)) {
          assertThrows(IllegalArgumentException.class, () -> LabeledData.fromTable(empty, pipeline));
        }
        try (Table unlabeled = table.select("x", "c")) {
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
              () -> LabeledData.fromTable(unlabeled, pipeline));
          assertTrue(e.getMessage().contains("no label"), e.getMessage());
        }
      }
      Table closed = Table.fromRows(schema, rows.subList(0, 1), allocator);
      closed.close();
      assertThrows(IllegalStateException.class, () -> LabeledData.fromTable(closed, pipeline));
      assertEquals(0, allocator.getAllocatedMemory());
    }
  }


  /** Same names, classes, labels, weights and every feature value to the bit. */
  static void assertSameBits(LabeledData expected, LabeledData actual) {
    assertEquals(expected.task(), actual.task());
    assertEquals(expected.featureNames(), actual.featureNames());
    assertEquals(expected.classes(), actual.classes());
    assertEquals(expected.size(), actual.size());
    if (expected.task() == Task.CLASSIFICATION) {
      assertArrayEquals(expected.classIndices(), actual.classIndices());
    } else {
      assertArrayEquals(bits(expected.targets()), bits(actual.targets()));
    }
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(bits(expected.features(i)), bits(actual.features(i)), "row " + i);
      assertEquals(expected.weightOf(i), actual.weightOf(i));
    }
    assertEquals(expected.fingerprint(), actual.fingerprint());
  }

  private static long[] bits(double[] v) {
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Double.doubleToRawLongBits(v[i]);
    }
    return out;
  }

  private static Row row(Schema schema, Double x, String c, String y) {
    Map<String, Object> v = new HashMap<>();
    v.put("x", x);
    v.put("c", c);
    v.put("y", y);
    return schema.row(v);
  }

  private static Path resource(String name) {
    try {
      return Path.of(LabeledDataTableTest.class.getResource("/data/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
