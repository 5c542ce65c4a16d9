package dev.mlsys.api.json;

import dev.mlsys.api.CorruptArtifactException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Typed, checked reads from a parsed JSON object, for artifact readers: every missing member or
 * wrong type becomes a {@link CorruptArtifactException} naming the member, the artifact and what
 * was expected.
 *
 * <pre>{@code
 * JsonObject o = JsonObject.parse(text, "calibrator.json");
 * o.requireFormat("mlsys.calibrator", 1);
 * double slope = o.getDouble("a");
 * }</pre>
 *
 * <p>Thread-safety: immutable view of a map that must not change; safe to share.
 */
public final class JsonObject {
  private final Map<String, Object> map;
  private final String where;

  /**
   * @param map a parsed JSON object
   * @param where the artifact and path this object came from, for messages
   */
  public JsonObject(Map<String, Object> map, String where) {
    this.map = Objects.requireNonNull(map, "map");
    this.where = Objects.requireNonNull(where, "where");
  }

  /**
   * @param text JSON text holding an object
   * @param where the artifact's name, for messages
   * @return the object
   * @throws CorruptArtifactException if the text is not a JSON object
   */
  public static JsonObject parse(String text, String where) {
    try {
      return new JsonObject(Json.parseObject(text), where);
    } catch (JsonException e) {
      throw new CorruptArtifactException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks the {@code format} and {@code formatVersion} members that start every mlsys artifact.
   *
   * @param format the expected format name
   * @param maxVersion the newest version this build reads (versions 1..maxVersion are accepted)
   * @return the artifact's version
   * @throws CorruptArtifactException on another format or an unknown version
   */
  public int requireFormat(String format, int maxVersion) {
    String actual = getString("format");
    if (!format.equals(actual)) {
      throw new CorruptArtifactException(where + ": expected format '" + format + "' but found '" + actual + "'");
    }
    long version = getLong("formatVersion");
    if (version < 1 || version > maxVersion) {
      throw new CorruptArtifactException(where + ": format '" + format + "' version " + version
          + " is not readable by this build, which reads versions 1 to " + maxVersion);
    }
    return (int) version;
  }

  /** @return the underlying map */
  public Map<String, Object> asMap() {
    return map;
  }

  /** @return whether the member is present (even if null) */
  public boolean has(String key) {
    return map.containsKey(key);
  }

  /** @return the member as a string */
  public String getString(String key) {
    return as(key, String.class, "a string");
  }

  /** @return the member as a string, or {@code fallback} if absent or null */
  public String getString(String key, String fallback) {
    return map.get(key) == null ? fallback : getString(key);
  }

  /** @return the member as a double (JSON null reads as NaN) */
  public double getDouble(String key) {
    if (map.containsKey(key) && map.get(key) == null) {
      return Double.NaN;
    }
    return as(key, Number.class, "a number").doubleValue();
  }

  /** @return the member as a long; it must be an integer */
  public long getLong(String key) {
    Number n = as(key, Number.class, "an integer");
    if (n instanceof Long l) {
      return l;
    }
    double d = n.doubleValue();
    if (d != Math.rint(d)) {
      throw wrong(key, "an integer", n);
    }
    return (long) d;
  }

  /** @return the member as an int; it must be an integer in int range */
  public int getInt(String key) {
    long v = getLong(key);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw wrong(key, "an integer in int range", v);
    }
    return (int) v;
  }

  /** @return the member as a boolean */
  public boolean getBoolean(String key) {
    return as(key, Boolean.class, "a boolean");
  }

  /** @return the member as a nested object */
  @SuppressWarnings("unchecked")
  public JsonObject getObject(String key) {
    return new JsonObject(as(key, Map.class, "an object"), where + "." + key);
  }

  /** @return the member as an array */
  @SuppressWarnings("unchecked")
  public List<Object> getArray(String key) {
    return as(key, List.class, "an array");
  }

  /** @return the member as an array of numbers (JSON null reads as NaN) */
  public double[] getDoubles(String key) {
    List<Object> list = getArray(key);
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object o = list.get(i);
      if (o == null) {
        out[i] = Double.NaN;
      } else if (o instanceof Number n) {
        out[i] = n.doubleValue();
      } else {
        throw wrong(key + "[" + i + "]", "a number", o);
      }
    }
    return out;
  }

  /** @return the member as an array of strings */
  public List<String> getStrings(String key) {
    List<Object> list = getArray(key);
    List<String> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s)) {
        throw wrong(key + "[" + i + "]", "a string", list.get(i));
      }
      out.add(s);
    }
    return out;
  }

  /** @return the member as an array of objects */
  @SuppressWarnings("unchecked")
  public List<JsonObject> getObjects(String key) {
    List<Object> list = getArray(key);
    List<JsonObject> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map)) {
        throw wrong(key + "[" + i + "]", "an object", list.get(i));
      }
      out.add(new JsonObject((Map<String, Object>) list.get(i), where + "." + key + "[" + i + "]"));
    }
    return out;
  }

  private <T> T as(String key, Class<T> type, String expected) {
    if (!map.containsKey(key)) {
      throw new CorruptArtifactException(where + ": member '" + key + "' is missing; expected " + expected);
    }
    Object v = map.get(key);
    if (!type.isInstance(v)) {
      throw wrong(key, expected, v);
    }
    return type.cast(v);
  }

  private CorruptArtifactException wrong(String key, String expected, Object v) {
    return new CorruptArtifactException(where + ": member '" + key + "' must be " + expected + " but is "
        + Json.kind(v) + (v == null ? "" : " (" + v + ")"));
  }

  @Override
  public String toString() {
    return Json.write(map, true);
  }
}
