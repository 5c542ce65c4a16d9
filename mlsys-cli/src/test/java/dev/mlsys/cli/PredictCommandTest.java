package dev.mlsys.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
  @TempDir
  Path dir;
  Path pima;
  Path model;

  @BeforeEach
  void trainAModel() throws IOException {
    pima = dir.resolve("pima.csv");
    try (InputStream in = getClass().getResourceAsStream("/pima_diabetes.csv")) {
      Files.copy(in, pima);
    }
    model = dir.resolve("model");
    CliRun train = CliRun.of("train", "--data", pima.toString(), "--label", "diabetes", "--model",
        "logistic-regression", "--out", model.toString());
    assertEquals(0, train.exitCode(), train.err());
  }

  @Test
  void predictsEveryRowWithLabelAndProbabilities() {
    CliRun run = CliRun.of("predict", "--model", model.toString(), "--quiet", pima.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(769, lines.size());
    assertTrue(lines.get(0).endsWith(",prediction,p_neg,p_pos"), lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      double pNeg = Double.parseDouble(cells[cells.length - 2]);
      double pPos = Double.parseDouble(cells[cells.length - 1]);
      assertEquals(1.0, pNeg + pPos, 1e-9, line);
      assertEquals(pPos > pNeg ? "pos" : "neg", cells[cells.length - 3], line);
    }
    assertTrue(run.err().contains("rows=768 predicted=768 rejected=0"), run.err());
  }

  @Test
  void rowsBreakingTheSchemaAreCountedAndWrittenAside() throws IOException {
    List<String> lines = Files.readAllLines(pima);
    lines.set(3, lines.get(3).replaceFirst("^[^,]*", "many"));
    Path bad = dir.resolve("bad.csv");
    Files.write(bad, lines);
    Path rejects = dir.resolve("rejects.csv");
    CliRun run = CliRun.of("predict", "--model", model.toString(), "--rejects", rejects.toString(), bad.toString());
    assertEquals(1, run.exitCode(), run.err());
    assertEquals(768, run.out().lines().count());
    assertTrue(run.err().contains("rows=768 predicted=767 rejected=1"), run.err());
    assertTrue(Files.readString(rejects).contains("many"));
  }

  @Test
  void aMissingModelIsAUsageError() {
    CliRun run = CliRun.of("predict", "--model", dir.resolve("nothing").toString(), pima.toString());
    assertEquals(2, run.exitCode());
  }
}
