package dev.mlsys.eval.testing;

import dev.mlsys.api.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the golden files that the scripts in src/test/golden wrote from scikit-learn and scipy. */
public final class Golden {
  private Golden() {}

  public static JsonObject load(String name) {
    return JsonObject.parse(resource("/golden/" + name + ".json"), name + ".json");
  }

  public static String resource(String path) {
    try (InputStream in = Golden.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int[] ints(JsonObject o, String key) {
    List<Object> list = o.getArray(key);
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) list.get(i)).intValue();
    }
    return out;
  }

  public static double[][] matrix(JsonObject o, String key) {
    List<Object> rows = o.getArray(key);
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      List<?> row = (List<?>) rows.get(i);
      out[i] = new double[row.size()];
      for (int j = 0; j < row.size(); j++) {
        out[i][j] = ((Number) row.get(j)).doubleValue();
      }
    }
    return out;
  }

  /** Asserts |expected - actual| <= tolerance * max(1, |expected|), naming the case. */
  public static void close(double expected, double actual, double tolerance, String what) {
    double scale = Math.max(1, Math.abs(expected));
    if (!(Math.abs(expected - actual) <= tolerance * scale) && !(expected == actual)) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (difference "
          + Math.abs(expected - actual) + ", tolerance " + tolerance + ")");
    }
  }
}
