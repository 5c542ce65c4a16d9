package dev.mlsys.data.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.CategoricalField;
import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.NumericField;
import dev.mlsys.api.Schema;
import dev.mlsys.data.TestData;
import dev.mlsys.data.io.CsvFormat;
import dev.mlsys.data.io.ReadReport;
import dev.mlsys.data.io.RowReader;
import dev.mlsys.data.io.ValidationPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {

  @Test
  void pimaIsNumericWithACategoricalLabel() {
    InferredSchema inferred = SchemaInference.defaults().label("diabetes")
        .inferCsv(TestData.path("pima_diabetes.csv"), CsvFormat.DEFAULT);
    Schema s = inferred.schema();
    assertEquals(List.of("pregnant", "glucose", "pressure", "triceps", "insulin", "mass", "pedigree", "age"),
        s.fields().stream().map(Field::name).toList());
    assertTrue(s.fields().stream().allMatch(f -> f instanceof NumericField n && !n.nullable() && !n.hasRange()));
    assertEquals(List.of("neg", "pos"), s.labelClasses());
    assertEquals(768, inferred.sampledRows());
    ColumnReport glucose = inferred.columns().get(1);
    assertEquals("numeric: all 768 present values parse as numbers (136 distinct, min 0, max 199)", glucose.reason());
    ColumnReport label = inferred.columns().get(8);
    assertTrue(label.label());
    assertEquals("the declared label; categorical with the 2 classes of the sample ('pos' on line 2 is not a number)",
        label.reason());
  }

  @Test
  void seattleWeatherHasATimestampAndCategories() {
    InferredSchema inferred = SchemaInference.defaults().inferCsv(TestData.path("seattle_weather.csv"), CsvFormat.DEFAULT);
    Schema s = inferred.schema();
    assertEquals(FieldType.TIMESTAMP, s.field("date").orElseThrow().type());
    assertEquals(List.of("drizzle", "fog", "rain", "snow", "sun"),
        ((CategoricalField) s.field("weather").orElseThrow()).values());
    assertEquals("timestamp: all 1461 present values are ISO-8601 dates or date-times (e.g. '2012-01-01')",
        inferred.columns().get(0).reason());
    assertTrue(inferred.columns().get(5).reason().startsWith(
        "categorical: 5 distinct among 1461 present values (at most 100 categories and 50% of the values)"));
  }

  @Test
  void incomeIsCategoricalAndNullableWhereValuesAreMissing() {
    InferredSchema inferred = SchemaInference.defaults().label("INCOME")
        .inferCsv(TestData.path("income.csv"), CsvFormat.DEFAULT);
    Schema s = inferred.schema();
    assertEquals(9, s.labelClasses().size());
    for (Field f : s.fields()) {
      assertEquals(FieldType.CATEGORICAL, f.type(), f.name());
    }
    ColumnReport language = inferred.columns().stream().filter(c -> c.name().equals("LANGUAGE")).findFirst()
        .orElseThrow();
    assertTrue(language.nullable());
    assertTrue(language.missing() > 0);
    assertTrue(language.reason().endsWith("; nullable: " + language.missing() + " of 8993 values missing"),
        language.reason());
    assertFalse(inferred.columns().stream().filter(c -> c.name().equals("SEX")).findFirst().orElseThrow().nullable());
    assertTrue(inferred.report().contains("LANGUAGE"));
  }

  @Test
  void everyRowOfTheRealDataFitsTheSchemaInferredFromAllOfIt() {
    Map<String, Integer> rows = Map.of("income.csv", 8993, "pima_diabetes.csv", 768, "seattle_weather.csv", 1461,
        "ticdata.csv", 9822);
    rows.forEach((name, expected) -> {
      Schema s = SchemaInference.defaults().sampleRows(Integer.MAX_VALUE)
          .inferCsv(TestData.path(name), CsvFormat.DEFAULT).schema();
      try (RowReader r = RowReader.csv(TestData.path(name), s).policy(ValidationPolicy.SKIP_AND_COLLECT).open()) {
        long n = r.stream().count();
        ReadReport report = r.report();
        assertTrue(report.allValid(), name + ": " + report.collected());
        assertEquals((long) expected, n, name);
        assertEquals((long) expected, report.rows(), name);
      }
    });
  }

  @Test
  void decidesByTheDocumentedRules() {
    List<String> cols = List.of("num", "flag", "when", "few", "many", "empty", "nan");
    List<List<String>> records = List.of(
        Arrays.asList("1", "yes", "2024-01-01T10:00:00Z", "a", "u1", null, "1"),
        Arrays.asList(" 2.5 ", "No", "2024-01-02 11:00:00", "b", "u2", null, "NaN"),
        Arrays.asList(null, "TRUE", "2024-01-03", "a", "u3", null, "2"),
        Arrays.asList("-4e2", "false", null, "b", "u4", null, "3"));
    InferredSchema inferred = SchemaInference.defaults().infer(cols, records);
    Schema s = inferred.schema();
    assertEquals(Field.numeric("num").withNullable(true), s.field("num").orElseThrow());
    assertEquals(Field.bool("flag"), s.field("flag").orElseThrow());
    assertEquals(Field.timestamp("when").withNullable(true), s.field("when").orElseThrow());
    assertEquals(Field.categorical("few", "a", "b"), s.field("few").orElseThrow());
    assertEquals(Field.text("many"), s.field("many").orElseThrow());
    assertEquals(Field.text("empty").withNullable(true), s.field("empty").orElseThrow());
    assertEquals(Field.numeric("nan").allowingNonFinite(), s.field("nan").orElseThrow());
    assertEquals("text: 4 distinct among 4 present values, 100% of the values are distinct, more than 50%; "
        + "'u1' on line 1 is not a number", inferred.columns().get(4).reason());
    assertEquals(3, inferred.columns().get(0).present());
    assertEquals(1, inferred.columns().get(0).missing());
  }

  @Test
  void optionsChangeTheOutcome() {
    List<String> cols = List.of("c");
    List<List<String>> records = List.of(List.of("a"), List.of("b"), List.of("c"), List.of("a"));
    assertEquals(FieldType.TEXT, SchemaInference.defaults().infer(cols, records).schema().fields().get(0).type());
    assertEquals(FieldType.CATEGORICAL, SchemaInference.defaults().maxCategoryRatio(1).infer(cols, records)
        .schema().fields().get(0).type());
    assertEquals(FieldType.TEXT, SchemaInference.defaults().maxCategoryRatio(1).maxCategories(2).infer(cols, records)
        .schema().fields().get(0).type());
    assertEquals(3, SchemaInference.defaults().sampleRows(3).infer(cols, records).sampledRows());
  }

  @Test
  void badOptionsAndLabelsAreExplained() {
    assertEquals("maxCategories must be >= 1 but was: 0",
        assertThrows(IllegalArgumentException.class, () -> SchemaInference.defaults().maxCategories(0)).getMessage());
    assertEquals("label column 'y' is not among the columns [a]", assertThrows(IllegalArgumentException.class,
        () -> SchemaInference.defaults().label("y").infer(List.of("a"), List.of(List.of("1")))).getMessage());
    assertEquals("label column 'a' has 1 class in the sample; a label needs at least 2",
        assertThrows(IllegalArgumentException.class,
            () -> SchemaInference.defaults().label("a").infer(List.of("a"), List.of(List.of("x")))).getMessage());
  }

}
