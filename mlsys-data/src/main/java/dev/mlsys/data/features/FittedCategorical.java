package dev.mlsys.data.features;

import dev.mlsys.api.CategoricalField;
import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.Field;
import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Row;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Violation;
import dev.mlsys.api.json.JsonObject;
import dev.mlsys.data.features.CategoricalFeature.Encoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fitted {@link CategoricalFeature}: a vocabulary (one-hot, ordinal) or a hash (hashed). */
final class FittedCategorical extends FittedFeature {
  static final String HASH_ID = "murmur3_32-utf8-seed0";
  private static final Comparator<String> NULL_LAST = Comparator.nullsLast(Comparator.naturalOrder());

  private final CategoricalFeature spec;
  private final List<String> fields;
  private final String name;
  private final Encoding encoding;
  private final Unseen unseen;
  private final String imputeValue;
  private final boolean indicator;
  /** Vocabulary keys in code order; for a cross, parts joined by {@link Tokens#SEPARATOR}. */
  private final List<String> categories;
  private final Map<String, Integer> codes;
  private final int mostFrequent;
  private final int buckets;
  private final boolean alternateSign;
  private final byte[][] fieldBytes;
  /** The hash state after {@code field=} of the first field, which every token starts with. */
  private final long firstPrefix;
  private final long firstMissing;

  private FittedCategorical(CategoricalFeature spec, int[] slots, String imputeValue, List<String> categories,
      int mostFrequent) {
    super(slots);
    this.spec = spec;
    this.fields = spec.fields();
    this.name = spec.name();
    this.encoding = spec.encoding();
    this.unseen = spec.unseen();
    this.imputeValue = imputeValue;
    this.indicator = spec.indicator();
    this.categories = categories;
    Map<String, Integer> c = new HashMap<>(categories == null ? 1 : categories.size() * 2);
    if (categories != null) {
      for (int i = 0; i < categories.size(); i++) {
        c.put(categories.get(i), i);
      }
    }
    this.codes = c;
    this.mostFrequent = mostFrequent;
    this.buckets = spec.buckets();
    this.alternateSign = spec.alternateSignOn();
    this.fieldBytes = new byte[fields.size()][];
    for (int j = 0; j < fields.size(); j++) {
      fieldBytes[j] = fields.get(j).getBytes(StandardCharsets.UTF_8);
    }
    this.firstPrefix = Murmur3.putByte(Murmur3.putBytes(Murmur3.START, fieldBytes[0]), '=');
    this.firstMissing = Murmur3.putByte(Murmur3.putBytes(Murmur3.START, fieldBytes[0]), Tokens.MISSING);
  }

  static FittedCategorical fit(CategoricalFeature spec, int[] slots, Columns columns) {
    List<String> fields = spec.fields();
    int n = columns.size();
    String[][] parts = new String[fields.size()][];
    for (int j = 0; j < parts.length; j++) {
      parts[j] = columns.tokens(fields.get(j));
    }
    String imputeValue = null;
    Imputation imp = spec.imputation();
    if (imp != null) {
      imputeValue = imp.strategy() == Imputation.Strategy.CONSTANT ? (String) imp.constant()
          : mostFrequentToken(parts[0], spec.name());
    }
    if (spec.encoding() == Encoding.HASHED) {
      return new FittedCategorical(spec, slots, imputeValue, null, -1);
    }
    Map<String, int[]> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String key = fields.size() == 1 ? (parts[0][i] == null ? imputeValue : parts[0][i]) : crossKey(parts, i);
      counts.computeIfAbsent(key, k -> new int[1])[0]++;
    }
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      if (e.getValue()[0] >= spec.minCountValue()) {
        kept.add(e.getKey());
      }
    }
    kept.sort(NULL_LAST);
    // most frequent: highest count, ties to the smallest key (kept is sorted, so the first wins)
    int best = -1;
    int bestCount = -1;
    for (int i = 0; i < kept.size(); i++) {
      int c = counts.get(kept.get(i))[0];
      if (c > bestCount) {
        bestCount = c;
        best = i;
      }
    }
    String bestKey = best < 0 ? null : kept.get(best);
    List<String> ordered = declaredOrder(kept, fields.size() == 1 ? columns.field(fields.get(0)) : null);
    return new FittedCategorical(spec, slots, imputeValue, ordered, best < 0 ? -1 : ordered.indexOf(bestKey));
  }

  /** A categorical field's declared values first, in declared order, then the others sorted. */
  private static List<String> declaredOrder(List<String> sorted, Field field) {
    if (!(field instanceof CategoricalField c)) {
      return new ArrayList<>(sorted);
    }
    java.util.Set<String> present = new java.util.HashSet<>(sorted);
    List<String> out = new ArrayList<>(sorted.size());
    for (String v : c.values()) {
      if (present.contains(v)) {
        out.add(v);
      }
    }
    for (String v : sorted) {
      if (v == null || c.indexOf(v) < 0) {
        out.add(v);
      }
    }
    return out;
  }

  private static String mostFrequentToken(String[] tokens, String name) {
    Map<String, int[]> counts = new HashMap<>();
    for (String t : tokens) {
      if (t != null) {
        counts.computeIfAbsent(t, k -> new int[1])[0]++;
      }
    }
    if (counts.isEmpty()) {
      throw new IllegalArgumentException("field '" + name + "': cannot fit most-frequent imputation: all "
          + tokens.length + " training values are missing");
    }
    String best = null;
    int bestCount = -1;
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int c = e.getValue()[0];
      if (c > bestCount || (c == bestCount && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        bestCount = c;
      }
    }
    return best;
  }

  private static String crossKey(String[][] parts, int row) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < parts.length; j++) {
      if (j > 0) {
        sb.append(Tokens.SEPARATOR);
      }
      String p = parts[j][row];
      if (p == null) {
        sb.append(Tokens.MISSING);
      } else {
        sb.append(p);
      }
    }
    return sb.toString();
  }

  @Override
  Feature spec() {
    return spec;
  }

  @Override
  int width() {
    int w = switch (encoding) {
      case ONE_HOT -> categories.size() + (unseen == Unseen.UNSEEN_BUCKET ? 1 : 0);
      case ORDINAL -> 1;
      case HASHED -> buckets;
    };
    return w + (indicator ? 1 : 0);
  }

  @Override
  void outputNames(List<String> out) {
    switch (encoding) {
      case ONE_HOT -> {
        for (String c : categories) {
          out.add(name + "=" + displayKey(c));
        }
        if (unseen == Unseen.UNSEEN_BUCKET) {
          out.add(name + "=" + Tokens.UNSEEN_NAME);
        }
      }
      case ORDINAL -> out.add(name);
      case HASHED -> {
        for (int b = 0; b < buckets; b++) {
          out.add(name + "#" + b);
        }
      }
    }
    if (indicator) {
      out.add(name + ":missing");
    }
  }

  private String displayKey(String key) {
    if (key == null) {
      return Tokens.MISSING_NAME;
    }
    if (fields.size() == 1) {
      return key;
    }
    String[] parts = key.split(String.valueOf(Tokens.SEPARATOR), -1);
    for (int j = 0; j < parts.length; j++) {
      if (parts[j].equals(String.valueOf(Tokens.MISSING))) {
        parts[j] = Tokens.MISSING_NAME;
      }
    }
    return String.join("^", parts);
  }

  @Override
  void write(Row row, int[] positions, double[] out, int offset) {
    if (fields.size() == 1) {
      writeSingle(Tokens.of(row.get(positions[slots[0]])), out, offset);
    } else if (encoding == Encoding.HASHED) {
      // hash the parts as they are read: no key, no array
      boolean missing = false;
      long h = Murmur3.START;
      int length = 0;
      for (int j = 0; j < fields.size(); j++) {
        String part = Tokens.of(row.get(positions[slots[j]]));
        missing |= part == null;
        h = putPart(h, j, part);
        length += partLength(h, j, part);
      }
      int o = writeHash(Murmur3.hash(h, length), out, offset);
      if (indicator) {
        out[o] = missing ? 1.0 : 0.0;
      }
    } else {
      String[] parts = new String[fields.size()];
      for (int j = 0; j < parts.length; j++) {
        parts[j] = Tokens.of(row.get(positions[slots[j]]));
      }
      writeCross(parts, out, offset);
    }
  }

  @Override
  void writeColumns(Columns columns, double[] out, int stride, int offset) {
    if (fields.size() == 1) {
      String[] col = columns.tokens(fields.get(0));
      for (int r = 0, o = offset; r < col.length; r++, o += stride) {
        writeSingle(col[r], out, o);
      }
    } else {
      String[][] cols = new String[fields.size()][];
      for (int j = 0; j < cols.length; j++) {
        cols[j] = columns.tokens(fields.get(j));
      }
      String[] parts = new String[cols.length];
      for (int r = 0, o = offset; r < columns.size(); r++, o += stride) {
        for (int j = 0; j < cols.length; j++) {
          parts[j] = cols[j][r];
        }
        writeCross(parts, out, o);
      }
    }
  }

  /** The per-value computation of a single-field feature, shared by the row and column paths. */
  void writeSingle(String token, double[] out, int offset) {
    boolean missing = token == null;
    String value = missing && imputeValue != null ? imputeValue : token;
    int o = offset;
    if (encoding == Encoding.HASHED) {
      long h = putPart(Murmur3.START, 0, value);
      o = writeHash(Murmur3.hash(h, partLength(h, 0, value)), out, o);
    } else {
      o = writeCode(lookup(value, value), out, o);
    }
    if (indicator) {
      out[o] = missing ? 1.0 : 0.0;
    }
  }

  /** The per-value computation of a cross, shared by the row and column paths. */
  void writeCross(String[] parts, double[] out, int offset) {
    boolean missing = false;
    for (String p : parts) {
      missing |= p == null;
    }
    int o = offset;
    if (encoding == Encoding.HASHED) {
      long h = Murmur3.START;
      int length = 0;
      for (int j = 0; j < parts.length; j++) {
        h = putPart(h, j, parts[j]);
        length += partLength(h, j, parts[j]);
      }
      o = writeHash(Murmur3.hash(h, length), out, o);
    } else {
      String key = crossKey(parts);
      o = writeCode(lookup(key, parts), out, o);
    }
    if (indicator) {
      out[o] = missing ? 1.0 : 0.0;
    }
  }

  /**
   * Hashes part {@code j} of the token: {@code field=value}, or {@code field\0} when missing (the
   * two never collide), after the separator U+001F for every part but the first.
   */
  private long putPart(long h, int j, String value) {
    if (j == 0) {
      // the first part always starts from the empty state: its prefix is precomputed
      return value == null ? firstMissing : Murmur3.putString(firstPrefix, value);
    }
    h = Murmur3.putByte(h, Tokens.SEPARATOR);
    h = Murmur3.putBytes(h, fieldBytes[j]);
    if (value == null) {
      return Murmur3.putByte(h, Tokens.MISSING);
    }
    return Murmur3.putString(Murmur3.putByte(h, '='), value);
  }

  /** @return the number of bytes {@link #putPart} fed, given the state it returned */
  private int partLength(long state, int j, String value) {
    int valueBytes = value == null ? 0 : Murmur3.hadNonAscii(state) ? Murmur3.utf8Length(value) : value.length();
    return (j > 0 ? 1 : 0) + fieldBytes[j].length + 1 + valueBytes;
  }

  private static String crossKey(String[] parts) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < parts.length; j++) {
      if (j > 0) {
        sb.append(Tokens.SEPARATOR);
      }
      sb.append(parts[j] == null ? String.valueOf(Tokens.MISSING) : parts[j]);
    }
    return sb.toString();
  }

  private int writeHash(int h, double[] out, int o) {
    Arrays.fill(out, o, o + buckets, 0.0);
    int bucket = (int) (Math.abs((long) h) % buckets);
    out[o + bucket] = alternateSign && h < 0 ? -1.0 : 1.0;
    return o + buckets;
  }

  /** @return the code of a key, or the unseen policy's code (-1 for none) */
  private int lookup(String key, Object shown) {
    Integer code = codes.get(key);
    if (code != null) {
      return code;
    }
    return switch (unseen) {
      case ERROR -> throw unseenError(shown);
      case IGNORE -> -1;
      case UNSEEN_BUCKET -> categories.size();
      case MOST_FREQUENT -> {
        if (mostFrequent < 0) {
          throw new IllegalStateException(name + ": no most frequent value was learned (no categories)");
        }
        yield mostFrequent;
      }
    };
  }

  private InvalidInputException unseenError(Object shown) {
    Object value = shown instanceof String[] parts ? String.join("^", Arrays.asList(parts)) : shown;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(10, categories.size()); i++) {
      names.add(displayKey(categories.get(i)));
    }
    String known = names + (categories.size() > 10 ? " and " + (categories.size() - 10) + " more" : "");
    return new InvalidInputException(List.of(new Violation(String.join("^", fields), value, Rule.UNSEEN_CATEGORY,
        "was not seen when the feature pipeline was fitted (unseen policy: error); known values are " + known)));
  }

  private int writeCode(int code, double[] out, int o) {
    if (encoding == Encoding.ORDINAL) {
      out[o] = code;
      return o + 1;
    }
    int width = categories.size() + (unseen == Unseen.UNSEEN_BUCKET ? 1 : 0);
    Arrays.fill(out, o, o + width, 0.0);
    if (code >= 0) {
      out[o + code] = 1.0;
    }
    return o + width;
  }

  @Override
  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "categorical");
    m.put("fields", fields);
    if (!name.equals(String.join("^", fields))) {
      m.put("name", name);
    }
    m.put("encoding", encoding.id());
    if (imputeValue != null || spec.imputation() != null) {
      Map<String, Object> imp = new LinkedHashMap<>();
      imp.put("strategy", spec.imputation().strategy().id());
      imp.put("value", imputeValue);
      m.put("impute", imp);
    }
    m.put("missingIndicator", indicator);
    if (encoding == Encoding.HASHED) {
      m.put("buckets", buckets);
      m.put("alternateSign", alternateSign);
      m.put("hash", HASH_ID);
    } else {
      m.put("unseen", unseen.id());
      m.put("minCount", spec.minCountValue());
      List<Object> cats = new ArrayList<>(categories.size());
      for (String c : categories) {
        if (fields.size() == 1 || c == null) {
          cats.add(c);
        } else {
          List<String> parts = new ArrayList<>();
          for (String p : c.split(String.valueOf(Tokens.SEPARATOR), -1)) {
            parts.add(p.equals(String.valueOf(Tokens.MISSING)) ? null : p);
          }
          cats.add(parts);
        }
      }
      m.put("categories", cats);
      m.put("mostFrequent", mostFrequent);
    }
    return m;
  }

  static FittedCategorical fromJson(JsonObject o, int[] slots) {
    List<String> fields = o.getStrings("fields");
    if (fields.isEmpty()) {
      throw new CorruptArtifactException(o.getString("encoding") + " feature: member 'fields' is empty");
    }
    CategoricalFeature.Input input = fields.size() == 1 ? Feature.categorical(fields.get(0))
        : Feature.cross(fields.get(0), fields.get(1), fields.subList(2, fields.size()).toArray(new String[0]));
    String enc = o.getString("encoding");
    String label = String.join("^", fields);
    CategoricalFeature spec;
    List<String> categories = null;
    int mostFrequent = -1;
    switch (enc) {
      case "hashed" -> {
        String hash = o.getString("hash");
        if (!HASH_ID.equals(hash)) {
          throw new CorruptArtifactException("feature '" + label + "': expected hash '" + HASH_ID + "' but found '"
              + hash + "'");
        }
        spec = input.hashed(o.getInt("buckets")).alternateSign(o.getBoolean("alternateSign"));
      }
      case "one-hot", "ordinal" -> {
        String u = o.getString("unseen");
        Unseen unseen = Unseen.fromId(u);
        if (unseen == null) {
          throw new CorruptArtifactException("feature '" + label + "': unknown unseen policy '" + u
              + "'; expected error, ignore, unseen-bucket or most-frequent");
        }
        spec = enc.equals("one-hot") ? input.oneHot(unseen) : input.ordinal(unseen);
        int minCount = o.getInt("minCount");
        if (minCount != 1) {
          spec = spec.minCount(minCount);
        }
        categories = new ArrayList<>();
        List<Object> raw = o.getArray("categories");
        for (int i = 0; i < raw.size(); i++) {
          categories.add(PipelineJson.categoryKey(raw.get(i), fields.size(), label, i));
        }
        if (new java.util.HashSet<>(categories).size() != categories.size()) {
          throw new CorruptArtifactException("feature '" + label + "': categories repeat a value");
        }
        mostFrequent = o.getInt("mostFrequent");
        if (mostFrequent < -1 || mostFrequent >= categories.size()) {
          throw new CorruptArtifactException("feature '" + label + "': mostFrequent " + mostFrequent
              + " is outside the " + categories.size() + " categories");
        }
      }
      default -> throw new CorruptArtifactException("feature '" + label + "': unknown encoding '" + enc
          + "'; expected one-hot, ordinal or hashed");
    }
    String imputeValue = null;
    if (o.has("impute")) {
      JsonObject imp = o.getObject("impute");
      Imputation.Strategy strategy = PipelineJson.strategy(imp);
      imputeValue = imp.getString("value");
      spec = spec.impute(strategy == Imputation.Strategy.CONSTANT ? Imputation.constant(imputeValue)
          : Imputation.mostFrequent());
    }
    if (o.getBoolean("missingIndicator")) {
      spec = spec.missingIndicator();
    }
    if (o.has("name")) {
      spec = spec.named(o.getString("name"));
    }
    return new FittedCategorical(spec, slots, imputeValue, categories, mostFrequent);
  }
}
