package dev.mlsys.data.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading and writing of the pipeline artifact with Jackson. Numbers are written in their
 * shortest round-trip form and parsed exactly, so a loaded pipeline holds bit-identical
 * statistics. NaN and infinities, which JSON lacks, are written as the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"}. Stateless and thread-safe.
 */
final class PipelineJson {
  static final String FORMAT = "mlsys.feature-pipeline";
  static final int VERSION = 1;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private PipelineJson() {}

  static String write(Map<String, Object> root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the pipeline as JSON: " + e.getOriginalMessage(), e);
    }
  }

  static JsonObject parse(String text, String where) {
    try {
      Map<String, Object> map = MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
      if (map == null) {
        throw new CorruptArtifactException(where + ": expected a JSON object but found null");
      }
      return new JsonObject(map, where);
    } catch (JsonProcessingException e) {
      throw new CorruptArtifactException(where + ": not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr()), e);
    }
  }

  /** @return the values as JSON numbers, non-finite ones as strings */
  static List<Object> doubles(double[] values) {
    List<Object> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(number(v));
    }
    return out;
  }

  static Object number(double v) {
    if (Double.isFinite(v)) {
      return v;
    }
    return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  }

  static double readNumber(Object o, String where) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    if (o instanceof String s) {
      switch (s) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw new CorruptArtifactException(where + " must be a number (or \"NaN\", \"Infinity\", \"-Infinity\") but was "
        + (o == null ? "null" : o.getClass().getSimpleName() + " " + o));
  }

  static double finite(JsonObject o, String key) {
    double v = readNumber(o.asMap().get(key), "member '" + key + "'");
    if (!o.has(key) || !Double.isFinite(v)) {
      throw new CorruptArtifactException("member '" + key + "' must be a finite number but was " + o.asMap().get(key));
    }
    return v;
  }

  static double positive(JsonObject o, String key) {
    double v = finite(o, key);
    if (!(v > 0)) {
      throw new CorruptArtifactException(String.format(Locale.ROOT, "member '%s' must be > 0 but was %s", key, v));
    }
    return v;
  }

  static double[] edges(JsonObject o, String field) {
    List<Object> raw = o.getArray("edges");
    if (raw.size() < 2) {
      throw new CorruptArtifactException("feature '" + field + "': bucket edges need at least 2 values but have "
          + raw.size());
    }
    double[] e = new double[raw.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = readNumber(raw.get(i), "feature '" + field + "': edges[" + i + "]");
      if (Double.isNaN(e[i]) || (i > 0 && !(e[i] > e[i - 1]))) {
        throw new CorruptArtifactException("feature '" + field + "': bucket edges must be strictly increasing "
            + "but edges[" + i + "] is " + raw.get(i));
      }
    }
    return e;
  }

  static Imputation.Strategy strategy(JsonObject imp) {
    String s = imp.getString("strategy");
    for (Imputation.Strategy st : Imputation.Strategy.values()) {
      if (st.id().equals(s)) {
        return st;
      }
    }
    throw new CorruptArtifactException("unknown imputation strategy '" + s
        + "'; expected mean, median, most-frequent or constant");
  }

  static BucketEncoding bucketEncoding(JsonObject sc) {
    String s = sc.getString("encoding");
    for (BucketEncoding e : BucketEncoding.values()) {
      if (e.id().equals(s)) {
        return e;
      }
    }
    throw new CorruptArtifactException("unknown bucket encoding '" + s + "'; expected ordinal or one-hot");
  }

  /** @return a vocabulary key from its JSON form: a string or null, or for a cross an array of those */
  static String categoryKey(Object raw, int parts, String feature, int index) {
    if (parts == 1) {
      if (raw == null || raw instanceof String) {
        return (String) raw;
      }
    } else if (raw instanceof List<?> list && list.size() == parts) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < parts; j++) {
        Object p = list.get(j);
        if (p != null && !(p instanceof String)) {
          break;
        }
        if (j > 0) {
          sb.append(Tokens.SEPARATOR);
        }
        sb.append(p == null ? String.valueOf(Tokens.MISSING) : (String) p);
        if (j == parts - 1) {
          return sb.toString();
        }
      }
    }
    throw new CorruptArtifactException("feature '" + feature + "': categories[" + index + "] must be "
        + (parts == 1 ? "a string or null" : "an array of " + parts + " strings or nulls") + " but was " + raw);
  }
}
