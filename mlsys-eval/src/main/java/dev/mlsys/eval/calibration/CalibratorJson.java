package dev.mlsys.eval.calibration;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.json.Json;
import dev.mlsys.api.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The calibrator artifact format: {@code {"format": "mlsys.calibrator", "formatVersion": 1, "method": ...}}. */
final class CalibratorJson {
  static final String FORMAT = "mlsys.calibrator";
  static final int VERSION = 1;

  private CalibratorJson() {}

  static Map<String, Object> header(String method) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("formatVersion", VERSION);
    m.put("method", method);
    return m;
  }

  static String write(Map<String, Object> m) {
    return Json.write(m);
  }

  static JsonObject parse(String json) {
    JsonObject o = JsonObject.parse(json, "calibrator");
    o.requireFormat(FORMAT, VERSION);
    return o;
  }

  /** Builds a calibrator from JSON members, turning a rejected value into a corrupt-artifact error. */
  static <T> T build(Supplier<T> constructor, JsonObject where) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new CorruptArtifactException("calibrator (" + where.getString("method", "?") + "): " + e.getMessage(), e);
    }
  }
}
