package dev.mlsys.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The committed split that scikit-learn's figures were computed on is the split Java makes. */
class AcceptanceSplitTest {

  static JsonObject resource(String name) throws IOException {
    try (InputStream in = AcceptanceSplitTest.class.getResourceAsStream("/golden/" + name)) {
      return JsonObject.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    }
  }

  static int[] ints(double[] d) {
    int[] out = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (int) d[i];
    }
    return out;
  }

  @Test
  void committedSplitIsTheJavaSplit() throws IOException {
    JsonObject split = resource("acceptance_split.json");
    split.requireFormat("mlsys-acceptance-split", 1);
    assertEquals(AcceptanceData.SEED, split.getLong("seed"));
    assertArrayEquals(TestData.split(4601, AcceptanceData.TEST_SHARE, AcceptanceData.SEED)[1],
        ints(split.getObject("spam").getDoubles("test")));
    assertArrayEquals(TestData.split(8993, AcceptanceData.TEST_SHARE, AcceptanceData.SEED)[1],
        ints(split.getObject("income").getDoubles("test")));
  }

  /** Writes the split file: run once with the environment variable MLSYS_WRITE_SPLIT=path. */
  @Test
  void writeSplitWhenAsked() throws IOException {
    String path = System.getenv("MLSYS_WRITE_SPLIT");
    if (path == null) {
      return;
    }
    java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
    root.put("format", "mlsys-acceptance-split");
    root.put("formatVersion", 1);
    root.put("seed", AcceptanceData.SEED);
    root.put("testShare", AcceptanceData.TEST_SHARE);
    root.put("spam", java.util.Map.of("rows", 4601, "test", TestData.split(4601, AcceptanceData.TEST_SHARE, AcceptanceData.SEED)[1]));
    root.put("income", java.util.Map.of("rows", 8993, "test", TestData.split(8993, AcceptanceData.TEST_SHARE, AcceptanceData.SEED)[1]));
    java.nio.file.Files.writeString(java.nio.file.Path.of(path), dev.mlsys.api.json.Json.write(root));
  }
}
