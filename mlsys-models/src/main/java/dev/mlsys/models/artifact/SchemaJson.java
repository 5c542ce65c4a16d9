package dev.mlsys.models.artifact;

import dev.mlsys.api.BooleanField;
import dev.mlsys.api.CategoricalField;
import dev.mlsys.api.Coercion;
import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.Field;
import dev.mlsys.api.NumericField;
import dev.mlsys.api.Schema;
import dev.mlsys.api.TextField;
import dev.mlsys.api.TimestampField;
import dev.mlsys.api.UnknownFieldPolicy;
import dev.mlsys.api.json.Json;
import dev.mlsys.api.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema file of a model artifact: {@code "format": "mlsys.schema", "formatVersion": 1},
 * every field with its kind and constraints, the label, coercion and unknown-field policy.
 * Infinite numeric bounds are written as {@code null}.
 */
final class SchemaJson {
  static final String FORMAT = "mlsys.schema";
  static final int VERSION = 1;

  private SchemaJson() {}

  static String write(Schema schema) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("formatVersion", VERSION);
    List<Object> fields = new ArrayList<>();
    for (Field f : schema.fields()) {
      fields.add(field(f));
    }
    root.put("fields", fields);
    root.put("label", schema.label().map(SchemaJson::field).orElse(null));
    root.put("coercion", schema.coercion().name());
    root.put("unknownFields", schema.unknownFields().name());
    return Json.pretty(root);
  }

  private static Map<String, Object> field(Field f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", f.name());
    m.put("type", f.type().id());
    m.put("nullable", f.nullable());
    if (f instanceof NumericField n) {
      m.put("min", Double.isInfinite(n.min()) ? null : n.min());
      m.put("max", Double.isInfinite(n.max()) ? null : n.max());
      m.put("allowNonFinite", n.allowNonFinite());
    } else if (f instanceof CategoricalField c) {
      m.put("values", c.values());
      m.put("unseenValue", c.unseenValue().orElse(null));
    }
    return m;
  }

  static Schema read(String text, String where) {
    JsonObject root = JsonObject.parse(text, where);
    root.requireFormat(FORMAT, VERSION);
    Schema.Builder b = Schema.builder();
    for (JsonObject f : root.getObjects("fields")) {
      b.field(field(f));
    }
    if (root.has("label") && root.asMap().get("label") != null) {
      b.label(field(root.getObject("label")));
    }
    try {
      b.coercion(Coercion.valueOf(root.getString("coercion")));
      if (UnknownFieldPolicy.valueOf(root.getString("unknownFields")) == UnknownFieldPolicy.IGNORE) {
        b.ignoreUnknownFields();
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new CorruptArtifactException(where + ": " + e.getMessage(), e);
    }
  }

  private static Field field(JsonObject f) {
    String name = f.getString("name");
    boolean nullable = f.getBoolean("nullable");
    try {
      return switch (f.getString("type")) {
        case "numeric" -> new NumericField(name, nullable, bound(f, "min", Double.NEGATIVE_INFINITY),
            bound(f, "max", Double.POSITIVE_INFINITY), f.getBoolean("allowNonFinite"));
        case "categorical" -> new CategoricalField(name, nullable, f.getStrings("values"), f.getString("unseenValue", null));
        case "text" -> new TextField(name, nullable);
        case "boolean" -> new BooleanField(name, nullable);
        case "timestamp" -> new TimestampField(name, nullable);
        default -> throw new CorruptArtifactException("field '" + name + "' has unknown type '" + f.getString("type")
            + "'; expected numeric, categorical, text, boolean or timestamp");
      };
    } catch (IllegalArgumentException e) {
      throw new CorruptArtifactException("field '" + name + "': " + e.getMessage(), e);
    }
  }

  private static double bound(JsonObject f, String key, double none) {
    return f.asMap().get(key) == null ? none : f.getDouble(key);
  }
}
