package dev.mlsys.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlsys.api.Schema;
import dev.mlsys.data.schema.SchemaJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  Path pima;
  Path schema;

  @BeforeEach
  void inferSchema() throws IOException {
    pima = dir.resolve("pima.csv");
    try (InputStream in = getClass().getResourceAsStream("/pima_diabetes.csv")) {
      Files.copy(in, pima);
    }
    schema = dir.resolve("schema.json");
    assertEquals(0, CliRun.of("infer-schema", "--no-report", "--label", "diabetes", "-o", schema.toString(),
        pima.toString()).exitCode());
  }

  @Test
  void allValidExitsZero() throws IOException {
    CliRun run = CliRun.of("validate", "--schema", schema.toString(), pima.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("{\"rows\":768,\"valid\":768,\"rejected\":0,\"violations\":[]}", run.out().trim());
  }

  @Test
  void rejectedRowsExitOneAndAreWrittenUntouched() throws IOException {
    List<String> lines = Files.readAllLines(pima);
    String bad1 = "6.0,abc,72.0,35.0,0.0,33.6,0.627,50.0,maybe";     // two violations
    String bad2 = "1.0,85.0,66.0";                                      // ragged
    lines.set(5, bad1);
    lines.set(10, bad2);
    Path data = dir.resolve("bad.csv");
    Files.write(data, lines);
    Path rejects = dir.resolve("rejects.csv");
    CliRun run = CliRun.of("validate", "--schema", schema.toString(), "--rejects", rejects.toString(),
        data.toString());
    assertEquals(1, run.exitCode(), run.err());
    JsonNode summary = JSON.readTree(run.out());
    assertEquals(768, summary.get("rows").asInt());
    assertEquals(766, summary.get("valid").asInt());
    assertEquals(2, summary.get("rejected").asInt());
    JsonNode v = summary.get("violations");
    assertEquals(3, v.size());
    assertEquals(6, v.get(0).get("line").asInt());
    assertEquals("glucose", v.get(0).get("field").asText());
    assertEquals("abc", v.get(0).get("value").asText());
    assertEquals("UNPARSEABLE", v.get(0).get("rule").asText());
    assertEquals("field 'glucose': value 'abc' is not a number (UNPARSEABLE)", v.get(0).get("message").asText());
    assertEquals("diabetes", v.get(1).get("field").asText());
    assertEquals("UNSEEN_CATEGORY", v.get(1).get("rule").asText());
    assertEquals(11, v.get(2).get("line").asInt());
    assertEquals("(record)", v.get(2).get("field").asText());

    List<String> written = Files.readAllLines(rejects, StandardCharsets.UTF_8);
    assertEquals(3, written.size());
    assertEquals("mlsys_line,mlsys_violations," + lines.get(0), written.get(0));
    assertTrue(written.get(1).startsWith("6,\"field 'glucose'"), written.get(1));
    assertTrue(written.get(1).endsWith("\"," + bad1), written.get(1));
    assertTrue(written.get(2).startsWith("11,\""), written.get(2));
    assertTrue(written.get(2).endsWith("\"," + bad2), written.get(2));
  }

  @Test
  void listsAtMostTwentyViolations() throws IOException {
    List<String> lines = Files.readAllLines(pima);
    for (int i = 1; i <= 30; i++) {
      lines.set(i, "x,x,x,x,x,x,x,x,neg");
    }
    Path data = dir.resolve("bad.csv");
    Files.write(data, lines);
    CliRun run = CliRun.of("validate", "--schema", schema.toString(), data.toString());
    assertEquals(1, run.exitCode());
    JsonNode summary = JSON.readTree(run.out());
    assertEquals(30, summary.get("rejected").asInt());
    assertEquals(20, summary.get("violations").size());
    assertEquals(4, summary.get("violations").get(19).get("line").asInt());  // 8 per row: lines 2, 3 and half of 4
  }

  @Test
  void usageAndInputErrorsExitTwo() throws IOException {
    assertEquals(2, CliRun.of("validate", pima.toString()).exitCode());
    CliRun noSchema = CliRun.of("validate", "--schema", dir.resolve("none.json").toString(), pima.toString());
    assertEquals(2, noSchema.exitCode());
    assertEquals("mlsys: I/O error: cannot read schema from " + dir.resolve("none.json") + ": no such file",
        noSchema.err().trim());
    Path notSchema = dir.resolve("not.json");
    Files.writeString(notSchema, "{\"format\":\"other\",\"formatVersion\":1}");
    CliRun corrupt = CliRun.of("validate", "--schema", notSchema.toString(), pima.toString());
    assertEquals(2, corrupt.exitCode());
    assertTrue(corrupt.err().contains("expected format 'mlsys.schema' but found 'other'"), corrupt.err());
    Path other = dir.resolve("other.csv");
    Files.writeString(other, "a,b\n1,2\n");
    CliRun mismatch = CliRun.of("validate", "--schema", schema.toString(), other.toString());
    assertEquals(2, mismatch.exitCode());
    assertTrue(mismatch.err().contains("the header has columns [a, b] that the schema does not declare"),
        mismatch.err());
  }

  @Test
  void jsonLinesInputIsRecognisedByItsExtension() throws IOException {
    Path data = dir.resolve("rows.jsonl");
    Files.writeString(data, "{\"pregnant\":1,\"glucose\":85,\"pressure\":66,\"triceps\":29,\"insulin\":0,"
        + "\"mass\":26.6,\"pedigree\":0.351,\"age\":31,\"diabetes\":\"neg\"}\n"
        + "{\"pregnant\":1}\n");
    Path rejects = dir.resolve("rejects.jsonl");
    CliRun run = CliRun.of("validate", "--schema", schema.toString(), "--rejects", rejects.toString(),
        data.toString());
    assertEquals(1, run.exitCode(), run.err());
    JsonNode summary = JSON.readTree(run.out());
    assertEquals(2, summary.get("rows").asInt());
    assertEquals(1, summary.get("rejected").asInt());
    assertEquals(7, summary.get("violations").size());
    JsonNode rejected = JSON.readTree(Files.readString(rejects));
    assertEquals(2, rejected.get("mlsys_line").asInt());
    assertEquals("{\"pregnant\":1}", rejected.get("record").toString());
    CliRun asCsv = CliRun.of("validate", "--schema", schema.toString(), "--format", "csv", data.toString());
    assertEquals(2, asCsv.exitCode(), "a JSON file read as CSV has no matching header");
  }

  @Test
  void aLabelIsOptionalInTheData() throws IOException {
    Schema s = SchemaJson.read(schema);
    Path unlabeled = dir.resolve("unlabeled.csv");
    List<String> lines = Files.readAllLines(pima);
    Files.write(unlabeled, lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
    CliRun run = CliRun.of("validate", "--schema", schema.toString(), unlabeled.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertFalse(s.labelClasses().isEmpty());
  }
}
