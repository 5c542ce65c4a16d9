package dev.mlsys.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlsys quickstart --data FILE --label COL --quiet}: the same lifecycle on the user's own CSV. */
class QuickstartCommandTest {
  @TempDir
  Path dir;

  @Test
  void runsTheLifecycleOnAnotherCsvQuietly() throws IOException {
    Path pima = dir.resolve("pima.csv");
    try (InputStream in = getClass().getResourceAsStream("/pima_diabetes.csv")) {
      Files.copy(in, pima);
    }
    Path out = dir.resolve("report");
    CliRun run = CliRun.of("quickstart", "--data", pima.toString(), "--label", "diabetes", "--quiet",
        "--seed", "7", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(2, run.out().lines().count(), "quiet prints the header and the result line: " + run.out());
    assertTrue(run.out().contains("pima.csv, label 'diabetes', seed 7"), run.out());
    assertFalse(run.err().contains("[#"), "no progress bar when quiet: " + run.err());
    JsonObject report = JsonObject.parse(Files.readString(out.resolve("report.json")), "report.json");
    assertEquals(768, report.getObject("data").getLong("accepted"));
    assertEquals(7, report.getLong("seed"));
    assertFalse(report.has("slices"), "the income slices belong to the bundled run only");
    assertTrue(report.getObject("training").getObjects("models").get(1).getDouble("accuracy") > 0.7);
    assertTrue(Files.isRegularFile(out.resolve("report.html")));
  }

  @Test
  void dataWithoutLabelIsAUsageError() {
    CliRun run = CliRun.of("quickstart", "--data", "x.csv");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--data and --label go together"), run.err());
  }
}
