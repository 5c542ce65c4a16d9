package dev.mlsys.monitor.profile;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.Schema;
import dev.mlsys.api.json.Json;
import dev.mlsys.api.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A one-pass, mergeable, serializable summary of a data set, column by column: the reference
 * (training) side of drift monitoring, or a batch of serving data.
 *
 * <pre>{@code
 * ReferenceProfile p1 = ReferenceProfile.profiler(schema).addAll(partition1).profile();
 * ReferenceProfile p2 = ReferenceProfile.profiler(schema).addAll(partition2).profile();
 * ReferenceProfile whole = p1.merge(p2);            // as if one profiler had seen both partitions
 * String json = whole.toJson();                     // format "mlsys.reference-profile", version 1
 * ReferenceProfile back = ReferenceProfile.fromJson(json);
 * }</pre>
 *
 * <p>Merging is exact for counts, moments, extremes and category counts; exact values are merged
 * while the total stays within the exact limit; quantile sketches merge with KLL's error bound.
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class ReferenceProfile {
  /** Format name written first in the JSON form. */
  public static final String FORMAT = "mlsys.reference-profile";
  /** Version of the JSON form this build writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private final long records;
  private final Map<String, FieldProfile> fields;
  private final Map<String, Long> unknownFields;
  private final int sketchK;
  private final int exactLimit;

  ReferenceProfile(long records, Map<String, FieldProfile> fields, Map<String, Long> unknownFields, int sketchK,
      int exactLimit) {
    this.records = records;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.unknownFields = Collections.unmodifiableMap(new TreeMap<>(unknownFields));
    this.sketchK = sketchK;
    this.exactLimit = exactLimit;
  }

  /**
   * @param schema the columns to profile: features and label
   * @return a new profiler with the default sketch size and exact limit
   * @throws NullPointerException if the schema is null
   */
  public static Profiler profiler(Schema schema) {
    return new Profiler(schema);
  }

  /**
   * @param schema the columns to profile
   * @param records the data, in one pass
   * @return the profile
   */
  public static ReferenceProfile of(Schema schema, Iterable<? extends Map<String, ?>> records) {
    return profiler(schema).addAll(records).profile();
  }

  /** @return number of records profiled */
  public long records() {
    return records;
  }

  /** @return the column profiles in schema order, then prediction columns */
  public List<FieldProfile> fields() {
    return List.copyOf(fields.values());
  }

  /**
   * @param name a column name
   * @return its profile, if profiled
   */
  public Optional<FieldProfile> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** @return keys found in records that the schema does not declare, with the number of records holding each */
  public Map<String, Long> unknownFields() {
    return unknownFields;
  }

  /** @return the KLL parameter k of the numeric sketches */
  public int sketchK() {
    return sketchK;
  }

  /** @return the number of values per numeric column kept exactly */
  public int exactLimit() {
    return exactLimit;
  }

  static FieldProfile copyOf(FieldProfile p) {
    if (p instanceof NumericProfile n) {
      return n.copy();
    }
    if (p instanceof CategoricalProfile c) {
      return c.copy();
    }
    return ((PresenceProfile) p).copy();
  }

  /**
   * Combines two profiles of disjoint data, as if one profiler had seen both.
   *
   * @param other a profile of the same columns
   * @return a new profile
   * @throws IncompatibleSchemaException if a column differs in type, role or constraints
   */
  public ReferenceProfile merge(ReferenceProfile other) {
    Objects.requireNonNull(other, "other");
    Map<String, FieldProfile> out = new LinkedHashMap<>();
    for (FieldProfile p : fields.values()) {
      FieldProfile mine = copyOf(p);
      FieldProfile theirs = other.fields.get(p.name());
      if (theirs == null) {
        if (p.spec().role() != FieldRole.PREDICTION) {
          throw new IncompatibleSchemaException("cannot merge profiles: column '" + p.name()
              + "' is missing from the other profile");
        }
        theirs = emptyLike(p, other.records);
      }
      if (!p.spec().equals(theirs.spec())) {
        throw new IncompatibleSchemaException("cannot merge profiles: column '" + p.name() + "' is " + p.spec()
            + " here but " + theirs.spec() + " in the other profile");
      }
      mergeInto(mine, theirs);
      out.put(p.name(), mine);
    }
    for (FieldProfile theirs : other.fields.values()) {
      if (!out.containsKey(theirs.name())) {
        if (theirs.spec().role() != FieldRole.PREDICTION) {
          throw new IncompatibleSchemaException("cannot merge profiles: column '" + theirs.name()
              + "' is missing from this profile");
        }
        FieldProfile mine = emptyLike(theirs, records);
        mergeInto(mine, theirs);
        out.put(theirs.name(), mine);
      }
    }
    Map<String, Long> unknown = new TreeMap<>(unknownFields);
    other.unknownFields.forEach((k, v) -> unknown.merge(k, v, Long::sum));
    return new ReferenceProfile(records + other.records, out, unknown, Math.min(sketchK, other.sketchK),
        Math.min(exactLimit, other.exactLimit));
  }

  private FieldProfile emptyLike(FieldProfile p, long missingRecords) {
    FieldProfile empty = p instanceof NumericProfile n ? new NumericProfile(p.spec(), n.sketchK(), n.exactLimit())
        : p instanceof CategoricalProfile ? new CategoricalProfile(p.spec()) : new PresenceProfile(p.spec());
    for (long i = 0; i < missingRecords; i++) {
      Profiler.accept(empty, null, true);
    }
    return empty;
  }

  private static void mergeInto(FieldProfile mine, FieldProfile theirs) {
    if (mine instanceof NumericProfile n) {
      n.merge((NumericProfile) theirs);
    } else if (mine instanceof CategoricalProfile c) {
      c.merge((CategoricalProfile) theirs);
    } else {
      ((PresenceProfile) mine).merge((PresenceProfile) theirs);
    }
  }

  // ------------------------------------------------------------------ JSON

  /** @return the profile as JSON, starting with its format name and version */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("records", records);
    root.put("sketchK", sketchK);
    root.put("exactLimit", exactLimit);
    root.put("unknownFields", unknownFields);
    List<Object> cols = new ArrayList<>();
    for (FieldProfile p : fields.values()) {
      cols.add(columnToMap(p));
    }
    root.put("fields", cols);
    return Json.write(root);
  }

  private static Map<String, Object> columnToMap(FieldProfile p) {
    Map<String, Object> m = new LinkedHashMap<>();
    FieldSpec s = p.spec();
    m.put("name", s.name());
    m.put("type", s.type().id());
    m.put("role", s.role().name());
    m.put("nullable", s.nullable());
    if (s.type() == FieldType.NUMERIC) {
      m.put("declaredMin", s.min() == Double.NEGATIVE_INFINITY ? null : s.min());
      m.put("declaredMax", s.max() == Double.POSITIVE_INFINITY ? null : s.max());
    }
    if (!s.values().isEmpty()) {
      m.put("declaredValues", s.values());
    }
    m.put("count", p.count());
    m.put("absent", p.absent());
    m.put("missing", p.missing());
    m.put("typeErrors", p.typeErrors());
    if (p instanceof NumericProfile n) {
      m.put("outOfRange", n.outOfRange());
      m.put("valid", n.valid);
      m.put("mean", n.mean);
      m.put("m2", n.m2);
      m.put("min", n.valid == 0 ? null : n.min);
      m.put("max", n.valid == 0 ? null : n.max);
      m.put("exactLimit", n.exactLimit());
      m.put("sketch", Base64.getEncoder().encodeToString(n.sketchBytes()));
      m.put("values", n.sortedValues().orElse(null));
      Map<String, Object> distinct = null;
      if (n.distinctValues().isPresent()) {
        distinct = new LinkedHashMap<>();
        for (Map.Entry<Double, Long> e : n.distinctValues().get().entrySet()) {
          distinct.put(Double.toString(e.getKey()), e.getValue());
        }
      }
      m.put("distinct", distinct);
    } else if (p instanceof CategoricalProfile c) {
      m.put("counts", c.counts());
    }
    return m;
  }

  /**
   * @param json text written by {@link #toJson()}
   * @return the profile
   * @throws CorruptArtifactException if the text is not a profile, or of an unknown version
   */
  public static ReferenceProfile fromJson(String json) {
    JsonObject root = JsonObject.parse(json, "reference profile");
    root.requireFormat(FORMAT, FORMAT_VERSION);
    Map<String, FieldProfile> fields = new LinkedHashMap<>();
    for (JsonObject c : root.getObjects("fields")) {
      FieldProfile p = columnFromJson(c);
      fields.put(p.name(), p);
    }
    Map<String, Long> unknown = new TreeMap<>();
    root.getObject("unknownFields").asMap().forEach((k, v) -> unknown.put(k, ((Number) v).longValue()));
    return new ReferenceProfile(root.getLong("records"), fields, unknown, root.getInt("sketchK"),
        root.getInt("exactLimit"));
  }

  private static FieldProfile columnFromJson(JsonObject c) {
    String typeId = c.getString("type");
    FieldType type = null;
    for (FieldType t : FieldType.values()) {
      if (t.id().equals(typeId)) {
        type = t;
      }
    }
    if (type == null) {
      throw new CorruptArtifactException("reference profile: unknown field type '" + typeId + "'");
    }
    FieldRole role;
    try {
      role = FieldRole.valueOf(c.getString("role"));
    } catch (IllegalArgumentException e) {
      throw new CorruptArtifactException("reference profile: unknown field role '" + c.getString("role") + "'");
    }
    double min = Double.NEGATIVE_INFINITY;
    double max = Double.POSITIVE_INFINITY;
    if (type == FieldType.NUMERIC) {
      min = c.asMap().get("declaredMin") == null ? min : c.getDouble("declaredMin");
      max = c.asMap().get("declaredMax") == null ? max : c.getDouble("declaredMax");
    }
    List<String> declared = c.has("declaredValues") ? c.getStrings("declaredValues") : List.of();
    FieldSpec spec = new FieldSpec(c.getString("name"), type, role, c.getBoolean("nullable"), min, max, declared);
    long count = c.getLong("count");
    long absent = c.getLong("absent");
    long missing = c.getLong("missing");
    long typeErrors = c.getLong("typeErrors");
    switch (type) {
      case NUMERIC: {
        double[] values = c.asMap().get("values") == null ? null : c.getDoubles("values");
        Map<Double, Long> distinct = null;
        if (c.asMap().get("distinct") != null) {
          distinct = new TreeMap<>();
          for (Map.Entry<String, Object> e : c.getObject("distinct").asMap().entrySet()) {
            distinct.put(Double.parseDouble(e.getKey()), ((Number) e.getValue()).longValue());
          }
        }
        byte[] sketch;
        try {
          sketch = Base64.getDecoder().decode(c.getString("sketch"));
        } catch (IllegalArgumentException e) {
          throw new CorruptArtifactException("reference profile: column '" + spec.name() + "' has a malformed sketch", e);
        }
        NumericProfile n;
        try {
          n = NumericProfile.restore(spec, c.getInt("exactLimit"), sketch, values, distinct);
        } catch (RuntimeException e) {
          throw new CorruptArtifactException("reference profile: column '" + spec.name()
              + "' has an unreadable sketch: " + e.getMessage(), e);
        }
        n.setCounts(count, absent, missing, typeErrors);
        n.outOfRange = c.getLong("outOfRange");
        n.valid = c.getLong("valid");
        n.mean = c.getDouble("mean");
        n.m2 = c.getDouble("m2");
        if (n.valid > 0) {
          n.min = c.getDouble("min");
          n.max = c.getDouble("max");
        }
        if (values != null && values.length != n.valid) {
          throw new CorruptArtifactException("reference profile: column '" + spec.name() + "' holds "
              + values.length + " values but counts " + n.valid + " valid ones");
        }
        return n;
      }
      case CATEGORICAL:
      case BOOLEAN: {
        CategoricalProfile cp = new CategoricalProfile(spec);
        cp.setCounts(count, absent, missing, typeErrors);
        c.getObject("counts").asMap().forEach((k, v) -> cp.put(k, ((Number) v).longValue()));
        return cp;
      }
      default: {
        PresenceProfile pp = new PresenceProfile(spec);
        pp.setCounts(count, absent, missing, 0);   // text and timestamps have no type errors
        return pp;
      }
    }
  }

  @Override
  public String toString() {
    return "ReferenceProfile[" + records + " records, columns " + fields.keySet() + "]";
  }

  /** @return the schema-declared columns (features and label) in order, for compatibility checks */
  public List<FieldSpec> specs() {
    List<FieldSpec> out = new ArrayList<>();
    for (FieldProfile p : fields.values()) {
      out.add(p.spec());
    }
    return out;
  }
}
