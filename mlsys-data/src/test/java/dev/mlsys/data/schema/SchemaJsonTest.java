package dev.mlsys.data.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Coercion;
import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.Field;
import dev.mlsys.api.NumericField;
import dev.mlsys.api.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaJsonTest {

  static Schema everyOption() {
    return Schema.builder()
        .numeric("age", 0, 130)
        .field(new NumericField("income", true, 0, Double.POSITIVE_INFINITY, true))
        .numeric("score")
        .field(Field.categorical("plan", "free", "pro", "other").mapUnseenTo("other").withNullable(true))
        .categorical("region", "north", "south")
        .text("note").nullable("note")
        .bool("active")
        .timestamp("seen").nullable("seen")
        .label("churn", "no", "yes")
        .coercion(Coercion.LENIENT)
        .ignoreUnknownFields()
        .build();
  }

  static String golden() throws IOException {
    try (InputStream in = SchemaJsonTest.class.getResourceAsStream("/golden/schema-v1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void writesTheDocumentedLayout() throws IOException {
    assertEquals(golden(), SchemaJson.write(everyOption()));
  }

  @Test
  void readsTheVersionOneGoldenFile() throws IOException {
    Schema read = SchemaJson.read(golden());
    assertEquals(everyOption(), read);
    assertEquals(Coercion.LENIENT, read.coercion());
    assertEquals("other", ((dev.mlsys.api.CategoricalField) read.field("plan").orElseThrow()).unseenValue().orElseThrow());
  }

  @Test
  void roundTripsThroughAFile(@TempDir Path dir) {
    Path file = dir.resolve("schema.json");
    SchemaJson.write(everyOption(), file);
    assertEquals(everyOption(), SchemaJson.read(file));
  }

  @Test
  void numericLabelRoundTrips() {
    Schema s = Schema.builder().numeric("x").label(Field.numeric("price", 0, 1e9)).build();
    assertEquals(s, SchemaJson.read(SchemaJson.write(s)));
  }

  @Test
  void rejectsAnotherFormat() {
    String json = "{\"format\":\"mlsys.pipeline\",\"formatVersion\":1}";
    CorruptArtifactException e = assertThrows(CorruptArtifactException.class, () -> SchemaJson.read(json));
    assertEquals("schema: expected format 'mlsys.schema' but found 'mlsys.pipeline'", e.getMessage());
  }

  @Test
  void rejectsAnUnknownVersionNamingBoth() throws IOException {
    String json = golden().replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
    CorruptArtifactException e = assertThrows(CorruptArtifactException.class, () -> SchemaJson.read(json));
    assertEquals("schema: format 'mlsys.schema' version 2 is not readable by this build, which reads version 1",
        e.getMessage());
  }

  @Test
  void namesTheMemberThatIsWrong() throws IOException {
    assertMessage(golden().replace("\"max\" : 130.0", "\"max\" : \"lots\""),
        "schema.fields[0].max: expected a number but found string \"lots\"");
    assertMessage(golden().replace("\"nullable\" : false,\n    \"min\" : 0.0,\n    \"max\" : 130.0", "\"min\" : 0.0,\n    \"max\" : 130.0"),
        "schema.fields[0]: missing member 'nullable'");
    assertMessage(golden().replace("\"type\" : \"text\"", "\"type\" : \"blob\""),
        "schema.fields[5].type: expected one of numeric, categorical, text, boolean, timestamp but found 'blob'");
    assertMessage(golden().replace("\"coercion\" : \"lenient\"", "\"coercion\" : \"loose\""),
        "schema.coercion: expected one of [strict, lenient] but found 'loose'");
    assertMessage(golden().replace("\"unseen\" : \"other\"", "\"unseen\" : \"other\", \"colour\" : 1"),
        "schema.fields[3]: unknown member 'colour'; expected only [name, nullable, type, unseen, values]");
  }

  @Test
  void wrapsFieldRuleViolations() throws IOException {
    assertMessage(golden().replace("\"min\" : 0.0,\n    \"max\" : 130.0", "\"min\" : 200.0,\n    \"max\" : 130.0"),
        "schema.fields[0]: field 'age': min (200.0) must be <= max (130.0)");
    assertMessage(golden().replace("\"unseen\" : \"other\"", "\"unseen\" : \"gold\""),
        "schema.fields[3]: field 'plan': the value for unseen categories ('gold') must be one of the declared values"
            + " [free, pro, other]");
    assertMessage(golden().replace("\"name\" : \"income\"", "\"name\" : \"age\""),
        "schema.fields[1]: field name 'age' is declared twice");
  }

  @Test
  void rejectsTextThatIsNotJson() {
    CorruptArtifactException e = assertThrows(CorruptArtifactException.class, () -> SchemaJson.read("{\"format\": "));
    assertTrue(e.getMessage().startsWith("schema: not valid JSON"), e.getMessage());
    assertThrows(CorruptArtifactException.class, () -> SchemaJson.read(""));
    assertThrows(CorruptArtifactException.class, () -> SchemaJson.read("[1, 2]"));
  }

  @Test
  void namesTheFileItReads(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"format\":\"mlsys.schema\",\"formatVersion\":1,\"coercion\":\"strict\"}");
    CorruptArtifactException e = assertThrows(CorruptArtifactException.class, () -> SchemaJson.read(file));
    assertEquals(file + ": missing member 'unknownFields'", e.getMessage());
  }

  private static void assertMessage(String json, String expected) {
    CorruptArtifactException e = assertThrows(CorruptArtifactException.class, () -> SchemaJson.read(json));
    assertEquals(expected, e.getMessage());
  }
}
