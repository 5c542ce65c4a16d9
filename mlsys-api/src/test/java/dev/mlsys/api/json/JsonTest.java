package dev.mlsys.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.CorruptArtifactException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void readsAndWritesEveryKind() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "a\"b\\c\n\u0001é");
    m.put("i", 42L);
    m.put("d", 0.1);
    m.put("whole", 3.0);
    m.put("neg0", -0.0);
    m.put("t", true);
    m.put("n", null);
    m.put("list", List.of(1L, "x", List.of()));
    m.put("obj", Map.of());
    String text = Json.write(m);
    assertEquals("{\"s\":\"a\\\"b\\\\c\\n\\u0001é\",\"i\":42,\"d\":0.1,\"whole\":3.0,\"neg0\":-0.0,\"t\":true,"
        + "\"n\":null,\"list\":[1,\"x\",[]],\"obj\":{}}", text);
    assertEquals(m, Json.parse(text));
    assertEquals(m, Json.parse(Json.pretty(m)));
  }

  @Test
  void writesArraysAndRejectsNonFinite() {
    assertEquals("[1.5,2.0]", Json.write(new double[] {1.5, 2}));
    assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    assertEquals("[null]", Json.write(List.of(Double.NaN), true));
  }

  @Test
  void errorsNameLineAndColumn() {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\n  \"a\": tru }"));
    assertTrue(e.getMessage().contains("line 2, column 8"), e.getMessage());
    assertThrows(JsonException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
    assertThrows(JsonException.class, () -> Json.parse("[1,]"));
    assertThrows(JsonException.class, () -> Json.parse("01"));
    assertThrows(JsonException.class, () -> Json.parse("[1] x"));
    assertThrows(JsonException.class, () -> Json.parse("[".repeat(10_000)));
  }

  @Test
  void jsonObjectChecksFormatAndTypes() {
    JsonObject o = JsonObject.parse("{\"format\":\"mlsys.x\",\"formatVersion\":2,\"a\":1.5,\"xs\":[1,null]}", "x.json");
    assertEquals(2, o.requireFormat("mlsys.x", 2));
    CorruptArtifactException newer = assertThrows(CorruptArtifactException.class, () -> o.requireFormat("mlsys.x", 1));
    assertTrue(newer.getMessage().contains("version 2"), newer.getMessage());
    assertThrows(CorruptArtifactException.class, () -> o.requireFormat("mlsys.y", 2));
    assertEquals(1.5, o.getDouble("a"));
    assertTrue(Double.isNaN(o.getDoubles("xs")[1]));
    CorruptArtifactException missing = assertThrows(CorruptArtifactException.class, () -> o.getString("b"));
    assertTrue(missing.getMessage().contains("x.json: member 'b' is missing"), missing.getMessage());
    assertThrows(CorruptArtifactException.class, () -> o.getString("a"));
  }
}
