package dev.mlsys.monitor.testing;

import dev.mlsys.api.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads golden files committed under src/test/resources/golden. */
public final class Golden {
  private Golden() {}

  public static JsonObject load(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + name);
      }
      return JsonObject.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Map<String, Long> counts(JsonObject o, String key) {
    Map<String, Long> out = new LinkedHashMap<>();
    o.getObject(key).asMap().forEach((k, v) -> out.put(k, ((Number) v).longValue()));
    return out;
  }

  public static double[][] matrix(JsonObject o, String key) {
    List<Object> rows = o.getArray(key);
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      List<?> row = (List<?>) rows.get(i);
      out[i] = row.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
    return out;
  }

  /** Asserts |actual - expected| <= rel * |expected| (or == when expected is 0). */
  public static void assertRelative(double expected, double actual, double rel, String what) {
    if (expected == actual) {
      return;
    }
    double err = Math.abs(actual - expected);
    if (!(err <= rel * Math.abs(expected))) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual
          + " (relative error " + err / Math.abs(expected) + " > " + rel + ")");
    }
  }

  /**
   * Asserts agreement of p-values to 1e-6 relative, with an absolute floor of 1e-14: a p-value
   * computed as a complement 1 - F cannot be resolved below double precision, so tiny p-values
   * of that kind agree to about 1e-15 absolute (scipy's own resolution). P-values computed
   * directly (exact counts, tail series) still agree to 1e-6 relative down to 1e-300.
   */
  public static void assertPValue(double expected, double actual, String what) {
    if (expected == actual) {
      return;
    }
    double err = Math.abs(actual - expected);
    if (!(err <= 1e-6 * Math.abs(expected) + 1e-14)) {
      throw new AssertionError(what + ": expected p-value " + expected + " but was " + actual
          + " (absolute error " + err + ")");
    }
  }
}
