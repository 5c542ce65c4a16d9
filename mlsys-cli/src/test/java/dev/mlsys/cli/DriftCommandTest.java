package dev.mlsys.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  Path reference;
  Path referenceOther;
  Path summer;

  @BeforeEach
  void split() throws IOException {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("/seattle_weather.csv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    String header = lines.get(0);
    List<String> even = new ArrayList<>(List.of(header));
    List<String> odd = new ArrayList<>(List.of(header));
    List<String> summer2013 = new ArrayList<>(List.of(header));
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.startsWith("2012-")) {
        (i % 2 == 0 ? even : odd).add(l);
      } else if (l.startsWith("2013-06") || l.startsWith("2013-07") || l.startsWith("2013-08")) {
        summer2013.add(l);
      }
    }
    reference = Files.write(dir.resolve("ref.csv"), even);
    referenceOther = Files.write(dir.resolve("ref2.csv"), odd);
    summer = Files.write(dir.resolve("summer.csv"), summer2013);
  }

  @Test
  void driftExitsOneAndPrintsTheReport() throws IOException {
    Path html = dir.resolve("report.html");
    CliRun run = CliRun.of("drift", "--reference", reference.toString(), "--current", summer.toString(),
        "--html", html.toString());
    assertEquals(1, run.exitCode(), run.err());
    JsonNode report = JSON.readTree(run.out());
    assertEquals("mlsys.drift-report", report.get("format").asText());
    assertTrue(report.get("drift").asBoolean());
    List<String> drifted = new ArrayList<>();
    report.get("features").forEach(f -> {
      if (f.get("drifted").asBoolean()) {
        drifted.add(f.get("field").asText());
      }
    });
    assertTrue(drifted.containsAll(List.of("temp_max", "temp_min")), drifted.toString());
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<svg"));
    assertFalse(page.contains("https://"));
  }

  @Test
  void noDriftExitsZero() throws IOException {
    CliRun run = CliRun.of("drift", "--reference", reference.toString(), "--current", referenceOther.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertFalse(JSON.readTree(run.out()).get("drift").asBoolean());
  }

  @Test
  void aSchemaFileIsUsedWhenGiven() throws IOException {
    Path schema = dir.resolve("schema.json");
    assertEquals(0, CliRun.of("infer-schema", "--no-report", "--label", "weather", "-o", schema.toString(),
        reference.toString()).exitCode());
    CliRun run = CliRun.of("drift", "--schema", schema.toString(), "--reference", reference.toString(),
        "--current", summer.toString(), "--correction", "BONFERRONI");
    assertEquals(1, run.exitCode(), run.err());
    JsonNode report = JSON.readTree(run.out());
    assertEquals("BONFERRONI", report.get("correction").asText());
    boolean labelSeen = false;
    for (JsonNode f : report.get("features")) {
      labelSeen |= f.get("field").asText().equals("weather") && f.get("role").asText().equals("LABEL");
    }
    assertTrue(labelSeen);
  }

  @Test
  void aMissingColumnIsAFindingNotACrash() throws IOException {
    List<String> lines = Files.readAllLines(summer);
    List<String> cut = new ArrayList<>();
    for (String l : lines) {
      cut.add(l.substring(0, l.lastIndexOf(',')));
    }
    Path noWeather = Files.write(dir.resolve("noweather.csv"), cut);
    CliRun run = CliRun.of("drift", "--reference", reference.toString(), "--current", noWeather.toString());
    assertEquals(1, run.exitCode(), run.err());
    JsonNode finding = JSON.readTree(run.out()).get("findings").get(0);
    assertEquals("MISSING_FEATURE", finding.get("kind").asText());
    assertEquals("weather", finding.get("field").asText());
  }

  @Test
  void unreadableInputExitsTwo() {
    CliRun run = CliRun.of("drift", "--reference", dir.resolve("nope.csv").toString(), "--current",
        summer.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("nope.csv"), run.err());
    assertEquals(2, CliRun.of("drift", "--reference", reference.toString()).exitCode());
  }
}
