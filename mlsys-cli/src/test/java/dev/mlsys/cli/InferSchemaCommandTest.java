package dev.mlsys.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Schema;
import dev.mlsys.data.schema.SchemaJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferSchemaCommandTest {
  @TempDir
  Path dir;
  Path pima;

  @BeforeEach
  void copyData() throws IOException {
    pima = dir.resolve("pima.csv");
    try (InputStream in = getClass().getResourceAsStream("/pima_diabetes.csv")) {
      Files.copy(in, pima);
    }
  }

  @Test
  void printsTheSchemaAsJsonAndTheReasonsOnStandardError() {
    CliRun run = CliRun.of("infer-schema", "--label", "diabetes", pima.toString());
    assertEquals(0, run.exitCode(), run.err());
    Schema schema = SchemaJson.read(run.out());
    assertEquals(List.of("neg", "pos"), schema.labelClasses());
    assertEquals(8, schema.fields().size());
    assertTrue(run.out().startsWith("{\n  \"format\" : \"mlsys.schema\",\n  \"formatVersion\" : 1,"), run.out());
    assertTrue(run.err().contains("glucose"), run.err());
    assertTrue(run.err().contains("numeric: all 768 present values parse as numbers"), run.err());
  }

  @Test
  void writesToAFileWithoutAReport() {
    Path out = dir.resolve("schema.json");
    CliRun run = CliRun.of("infer-schema", "--no-report", "-o", out.toString(), pima.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertEquals("", run.err());
    assertEquals(9, SchemaJson.read(out).fields().size());
  }

  @Test
  void readsOtherDelimiters() throws IOException {
    Path semi = dir.resolve("semi.csv");
    Files.writeString(semi, "a;b\n1;x\n2;y\n3;x\n4;x\n");
    CliRun run = CliRun.of("infer-schema", "--delimiter", ";", semi.toString());
    assertEquals(0, run.exitCode(), run.err());
    Schema schema = SchemaJson.read(run.out());
    assertEquals(List.of("a", "b"), schema.names());
  }

  @Test
  void failsWithExitCodeTwoOnBadInput() {
    CliRun missing = CliRun.of("infer-schema", dir.resolve("nope.csv").toString());
    assertEquals(2, missing.exitCode());
    assertEquals("mlsys: I/O error: cannot open " + dir.resolve("nope.csv") + ": no such file", missing.err().trim());
    CliRun badLabel = CliRun.of("infer-schema", "--label", "colour", pima.toString());
    assertEquals(2, badLabel.exitCode());
    assertTrue(badLabel.err().contains("label column 'colour' is not among the columns"), badLabel.err());
    CliRun usage = CliRun.of("infer-schema");
    assertEquals(2, usage.exitCode());
    assertTrue(usage.err().contains("Missing required parameter"), usage.err());
    CliRun delimiter = CliRun.of("infer-schema", "--delimiter", "ab", pima.toString());
    assertEquals(2, delimiter.exitCode());
    assertEquals("mlsys: --delimiter must be one character or 'tab' but was: 'ab'", delimiter.err().trim());
  }

  @Test
  void helpIsComplete() {
    CliRun run = CliRun.of("infer-schema", "--help");
    assertEquals(0, run.exitCode());
    for (String option : List.of("--label", "--sample-rows", "--max-categories", "--output", "--[no-]report",
        "--delimiter", "--no-header", "--missing", "Exit codes")) {
      assertTrue(run.out().contains(option), option + " in\n" + run.out());
    }
  }
}
