package dev.mlsys.monitor.profile;

import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds a {@link ReferenceProfile} in one pass over records: raw maps of field name to value, as
 * read from CSV, JSON or a {@code Row.toMap()}. Values are read leniently (numeric strings,
 * boolean spellings); a missing key, null, blank, "NA" or NaN is a missing value; a value that
 * cannot be read as its field's type is counted as a type error. No record is ever rejected or
 * dropped: every one is counted.
 *
 * <pre>{@code
 * Profiler profiler = ReferenceProfile.profiler(schema);
 * trainingRecords.forEach(profiler::add);
 * ReferenceProfile reference = profiler.profile();
 * }</pre>
 *
 * <p>Columns: the schema's features and label; with {@link #add(Map, Prediction)}, also the
 * predictions: {@value #PREDICTION} (the predicted label, or the value for regression) and
 * {@value #PROBABILITY_PREFIX}{@code <class>} per class probability.
 *
 * <p>Thread-safety: not thread-safe; profile partitions in separate profilers and
 * {@link ReferenceProfile#merge merge} the profiles.
 */
public final class Profiler {
  /** Column name of the predicted label or value. */
  public static final String PREDICTION = "@prediction";
  /** Column name prefix of the class probabilities. */
  public static final String PROBABILITY_PREFIX = "@probability:";
  /** Default KLL parameter k (normalised rank error about 0.7%). */
  public static final int DEFAULT_SKETCH_K = 400;
  /** Default number of values per column kept exactly. */
  public static final int DEFAULT_EXACT_LIMIT = 100_000;

  private final List<FieldSpec> specs = new ArrayList<>();
  private final Map<String, FieldProfile> profiles = new LinkedHashMap<>();
  private final TreeMap<String, Long> unknownFields = new TreeMap<>();
  private int sketchK = DEFAULT_SKETCH_K;
  private int exactLimit = DEFAULT_EXACT_LIMIT;
  private long records;
  private boolean started;

  Profiler(Schema schema) {
    Objects.requireNonNull(schema, "schema");
    for (Field f : schema.fields()) {
      specs.add(FieldSpec.of(f, FieldRole.FEATURE));
    }
    schema.label().ifPresent(l -> specs.add(FieldSpec.of(l, FieldRole.LABEL)));
  }

  /**
   * @param k the KLL parameter, in [8, 65535]; larger is more accurate (DataSketches'
   *     {@code KllSketch.getNormalizedRankError(k, false)} gives the error: 1.3% at k = 200)
   * @return this profiler
   * @throws IllegalArgumentException if k is out of range
   * @throws IllegalStateException if records were added already
   */
  public Profiler sketchK(int k) {
    if (k < 8 || k > 65535) {
      throw new IllegalArgumentException("sketchK must be in [8, 65535] but was: " + k);
    }
    requireNotStarted("sketchK");
    this.sketchK = k;
    return this;
  }

  /**
   * @param limit how many values per numeric column to keep exactly, >= 0; beyond it, tests use
   *     the sketch
   * @return this profiler
   * @throws IllegalArgumentException if the limit is negative
   * @throws IllegalStateException if records were added already
   */
  public Profiler exactLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("exactLimit must be >= 0 but was: " + limit);
    }
    requireNotStarted("exactLimit");
    this.exactLimit = limit;
    return this;
  }

  private void requireNotStarted(String option) {
    if (started) {
      throw new IllegalStateException(option + " must be set before the first record is added");
    }
  }

  private void start() {
    if (!started) {
      started = true;
      for (FieldSpec s : specs) {
        profiles.put(s.name(), create(s));
      }
    }
  }

  private FieldProfile create(FieldSpec s) {
    return switch (s.type()) {
      case NUMERIC -> new NumericProfile(s, sketchK, exactLimit);
      case CATEGORICAL, BOOLEAN -> new CategoricalProfile(s);
      case TEXT, TIMESTAMP -> new PresenceProfile(s);
    };
  }

  /**
   * @param record field name to raw value
   * @return this profiler
   * @throws NullPointerException if the record is null
   */
  public Profiler add(Map<String, ?> record) {
    return add(record, null);
  }

  /**
   * @param record field name to raw value
   * @param prediction what the model answered for it, or null if nothing
   * @return this profiler
   * @throws NullPointerException if the record is null
   */
  public Profiler add(Map<String, ?> record, Prediction prediction) {
    Objects.requireNonNull(record, "record");
    start();
    records++;
    for (FieldSpec s : specs) {
      boolean present = record.containsKey(s.name());
      accept(profiles.get(s.name()), present ? record.get(s.name()) : null, !present);
    }
    if (record.size() > specs.size() || !specsCover(record)) {
      for (String key : record.keySet()) {
        if (!profiles.containsKey(key)) {
          unknownFields.merge(String.valueOf(key), 1L, Long::sum);
        }
      }
    }
    addPrediction(prediction);
    return this;
  }

  /**
   * @param batch records to add
   * @return this profiler
   */
  public Profiler addAll(Iterable<? extends Map<String, ?>> batch) {
    for (Map<String, ?> r : batch) {
      add(r);
    }
    return this;
  }

  private boolean specsCover(Map<String, ?> record) {
    for (String key : record.keySet()) {
      if (!profiles.containsKey(key)) {
        return false;
      }
    }
    return true;
  }

  private void addPrediction(Prediction p) {
    List<String> seen = new ArrayList<>();
    if (p != null) {
      if (p.isRegression()) {
        accept(predictionColumn(PREDICTION, FieldType.NUMERIC), p.value(), false);
      } else {
        accept(predictionColumn(PREDICTION, FieldType.CATEGORICAL), p.label(), false);
        for (Map.Entry<String, Double> e : p.probabilities().entrySet()) {
          accept(predictionColumn(PROBABILITY_PREFIX + e.getKey(), FieldType.NUMERIC), e.getValue(), false);
          seen.add(PROBABILITY_PREFIX + e.getKey());
        }
      }
      seen.add(PREDICTION);
    }
    for (Map.Entry<String, FieldProfile> e : profiles.entrySet()) {
      FieldProfile fp = e.getValue();
      if (fp.spec().role() == FieldRole.PREDICTION && !seen.contains(e.getKey())) {
        accept(fp, null, true);
      }
    }
  }

  private FieldProfile predictionColumn(String name, FieldType type) {
    FieldProfile existing = profiles.get(name);
    if (existing != null) {
      return existing;
    }
    boolean probability = name.startsWith(PROBABILITY_PREFIX);
    FieldSpec spec = new FieldSpec(name, type, FieldRole.PREDICTION, true,
        probability ? 0 : Double.NEGATIVE_INFINITY, probability ? 1 : Double.POSITIVE_INFINITY, List.of());
    FieldProfile created = create(spec);
    // the records seen before this column existed had no value for it
    for (long i = 0; i < records - 1; i++) {
      accept(created, null, true);
    }
    profiles.put(name, created);
    return created;
  }

  static void accept(FieldProfile profile, Object raw, boolean absent) {
    boolean missing = Values.isMissing(raw);
    if (profile instanceof NumericProfile n) {
      double v = missing ? Double.NaN : Values.number(raw);
      if (missing) {
        n.addMissing(absent);
      } else if (Double.isNaN(v)) {
        n.addTypeError();
      } else {
        n.add(v);
      }
    } else if (profile instanceof CategoricalProfile c) {
      if (missing) {
        c.addMissing(absent);
      } else if (c.spec().type() == FieldType.BOOLEAN) {
        Object b = Values.bool(raw);
        if (b == Values.TYPE_ERROR) {
          c.addTypeError();
        } else {
          c.add((String) b);
        }
      } else {
        c.add(Values.category(raw));
      }
    } else {
      PresenceProfile p = (PresenceProfile) profile;
      if (missing) {
        p.addMissing(absent);
      } else {
        p.add();
      }
    }
  }

  /** @return records added so far */
  public long records() {
    return records;
  }

  /** @return a snapshot of everything added so far; the profiler can go on */
  public ReferenceProfile profile() {
    start();
    Map<String, FieldProfile> copy = new LinkedHashMap<>();
    profiles.forEach((k, v) -> copy.put(k, ReferenceProfile.copyOf(v)));
    return new ReferenceProfile(records, copy, unknownFields, sketchK, exactLimit);
  }
}
