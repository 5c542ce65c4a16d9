package dev.mlsys.data.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reference values computed by the scripts in {@code src/test/golden}, read from {@code /golden/*.json}. */
public final class Golden {
  private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

  private Golden() {}

  /** @return the parsed golden file */
  public static JsonNode load(String file) {
    return CACHE.computeIfAbsent(file, f -> {
      try (InputStream in = Golden.class.getResourceAsStream("/golden/" + f)) {
        if (in == null) {
          throw new IllegalStateException("no golden file /golden/" + f);
        }
        return new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** @return a JSON array of numbers (null read as NaN) */
  public static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).doubleValue();
    }
    return out;
  }

  /** @return a JSON array of integers */
  public static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).intValue();
    }
    return out;
  }
}
