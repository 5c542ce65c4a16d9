package dev.mlsys.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered set of feature {@link Field}s plus at most one label field: the contract
 * between data, models, serving and monitoring.
 *
 * <pre>{@code
 * Schema schema = Schema.builder()
 *     .numeric("age", 0, 130)
 *     .categorical("plan", "free", "pro")
 *     .label("churn", "no", "yes")
 *     .build();
 * List<Violation> problems = schema.validate(Map.of("age", -3, "plan", "gold"));  // two violations
 * Row row = schema.row(Map.of("age", 31, "plan", "pro"));                         // label may be absent
 * }</pre>
 *
 * <p>Validation checks a record against every field and reports every {@link Violation}: missing
 * required fields, unknown fields (unless {@link UnknownFieldPolicy#IGNORE}), wrong types, values
 * that cannot be parsed, non-finite numbers, values out of range and unseen categories. How far
 * values are converted is set by a {@link Coercion}: the schema's default (set on the builder,
 * {@link Coercion#STRICT} unless chosen otherwise) or one passed per call.
 *
 * <p>The label field is never required in a record: a row to predict has no label yet. When it
 * is present it must be valid.
 *
 * <p>Thread-safety: immutable and safe to share. {@code equals} compares fields, label, default
 * coercion and unknown-field policy.
 */
public final class Schema {
  private final List<Field> features;
  private final Field label;
  private final List<Field> all;
  private final Map<String, Integer> positions;
  private final Coercion coercion;
  private final UnknownFieldPolicy unknownFields;

  private Schema(List<Field> features, Field label, Coercion coercion, UnknownFieldPolicy unknownFields) {
    this.features = List.copyOf(features);
    this.label = label;
    List<Field> everything = new ArrayList<>(features);
    if (label != null) {
      everything.add(label);
    }
    this.all = List.copyOf(everything);
    Map<String, Integer> pos = new HashMap<>(all.size() * 2);
    for (int i = 0; i < all.size(); i++) {
      pos.put(all.get(i).name(), i);
    }
    this.positions = Map.copyOf(pos);
    this.coercion = coercion;
    this.unknownFields = unknownFields;
  }

  /** @return a new builder for a schema */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this schema's fields, label and options, to derive a new schema */
  public Builder toBuilder() {
    Builder b = new Builder();
    features.forEach(b::field);
    if (label != null) {
      b.label(label);
    }
    b.coercion = coercion;
    b.unknownFields = unknownFields;
    return b;
  }

  /** @return the feature fields in declared order; the label is not among them */
  public List<Field> fields() {
    return features;
  }

  /** @return the label field, if the schema has one */
  public Optional<Field> label() {
    return Optional.ofNullable(label);
  }

  /** @return the features followed by the label (if any): the positions of values in a {@link Row} */
  public List<Field> allFields() {
    return all;
  }

  /**
   * @return the label's classes in declared order, or an empty list if there is no categorical
   *     label
   */
  public List<String> labelClasses() {
    return label instanceof CategoricalField c ? c.values() : List.of();
  }

  /** @return the default coercion of {@link #validate(Map)} and {@link #row(Map)} */
  public Coercion coercion() {
    return coercion;
  }

  /** @return what validation does with undeclared fields */
  public UnknownFieldPolicy unknownFields() {
    return unknownFields;
  }

  /**
   * @param name a field name (feature or label)
   * @return the field, if declared
   */
  public Optional<Field> field(String name) {
    Integer i = positions.get(name);
    return i == null ? Optional.empty() : Optional.of(all.get(i));
  }

  /**
   * @param name a field name (feature or label)
   * @return its position in {@link #allFields()} and in a {@link Row}
   * @throws IllegalArgumentException if the schema has no such field
   */
  public int indexOf(String name) {
    Integer i = positions.get(name);
    if (i == null) {
      throw new IllegalArgumentException("schema has no field '" + name + "'; fields are " + names());
    }
    return i;
  }

  /** @return whether a field (feature or label) of that name is declared */
  public boolean has(String name) {
    return positions.containsKey(name);
  }

  /** @return the names of all fields, features then label */
  public List<String> names() {
    List<String> names = new ArrayList<>(all.size());
    all.forEach(f -> names.add(f.name()));
    return names;
  }

  /** @return this schema without its label field */
  public Schema withoutLabel() {
    return label == null ? this : new Schema(features, null, coercion, unknownFields);
  }

  /**
   * @param coercion the default coercion for the copy
   * @return a copy of this schema with another default coercion
   */
  public Schema withCoercion(Coercion coercion) {
    Objects.requireNonNull(coercion, "coercion");
    return coercion == this.coercion ? this : new Schema(features, label, coercion, unknownFields);
  }

  /**
   * Validates a record with the schema's default coercion.
   *
   * @param values field name to raw value; absent and {@code null} values are missing
   * @return every violation, in field order then undeclared fields; empty if the record is valid
   * @throws NullPointerException if {@code values} is null
   */
  public List<Violation> validate(Map<String, ?> values) {
    return validate(values, coercion);
  }

  /**
   * Validates a record.
   *
   * @param values field name to raw value; absent and {@code null} values are missing
   * @param coercion how far values are converted
   * @return every violation, in field order then undeclared fields; empty if the record is valid
   * @throws NullPointerException if an argument is null
   */
  public List<Violation> validate(Map<String, ?> values, Coercion coercion) {
    List<Violation> out = new ArrayList<>(0);
    canonicalize(values, coercion, out);
    return out.isEmpty() ? List.of() : Collections.unmodifiableList(out);
  }

  /**
   * Builds a validated row with the schema's default coercion.
   *
   * @param values field name to raw value; absent and {@code null} values are missing
   * @return the row, holding canonical values
   * @throws InvalidInputException carrying every violation, if the record is invalid
   * @throws NullPointerException if {@code values} is null
   */
  public Row row(Map<String, ?> values) {
    return row(values, coercion);
  }

  /**
   * Builds a validated row.
   *
   * @param values field name to raw value; absent and {@code null} values are missing
   * @param coercion how far values are converted
   * @return the row, holding canonical values
   * @throws InvalidInputException carrying every violation, if the record is invalid
   * @throws NullPointerException if an argument is null
   */
  public Row row(Map<String, ?> values, Coercion coercion) {
    List<Violation> out = new ArrayList<>(0);
    Object[] canonical = canonicalize(values, coercion, out);
    if (!out.isEmpty()) {
      throw new InvalidInputException(out);
    }
    return new Row(this, canonical);
  }

  /**
   * Builds a validated row from values given in {@link #allFields()} order (the label value may
   * be left out by passing one fewer value).
   *
   * @param values raw values by position; {@code null} is missing
   * @return the row
   * @throws InvalidInputException carrying every violation, if the record is invalid
   * @throws IllegalArgumentException if the number of values does not fit the schema
   */
  public Row rowOf(Object... values) {
    Objects.requireNonNull(values, "values");
    if (values.length != all.size() && !(label != null && values.length == features.size())) {
      throw new IllegalArgumentException("expected " + all.size() + " values"
          + (label != null ? " (or " + features.size() + " without the label)" : "")
          + " but got " + values.length);
    }
    List<Violation> out = new ArrayList<>(0);
    Object[] canonical = new Object[all.size()];
    for (int i = 0; i < values.length; i++) {
      canonical[i] = check(all.get(i), all.get(i).name(), values[i], coercion, out);
    }
    if (!out.isEmpty()) {
      throw new InvalidInputException(out);
    }
    return new Row(this, canonical);
  }

  private Object[] canonicalize(Map<String, ?> values, Coercion coercion, List<Violation> out) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(coercion, "coercion");
    Object[] canonical = new Object[all.size()];
    int known = 0;
    for (int i = 0; i < all.size(); i++) {
      Field f = all.get(i);
      Object raw = values.get(f.name());
      if (raw != null || values.containsKey(f.name())) {
        known++;
      }
      canonical[i] = check(f, f.name(), raw, coercion, out);
    }
    if (known < values.size() && unknownFields == UnknownFieldPolicy.REJECT) {
      for (Map.Entry<String, ?> e : values.entrySet()) {
        String key = e.getKey();
        if (key == null || !positions.containsKey(key)) {
          out.add(new Violation(String.valueOf(key), e.getValue(), Rule.UNKNOWN_FIELD,
              "is not declared in the schema; fields are " + names()));
        }
      }
    }
    return canonical;
  }

  private Object check(Field f, String key, Object raw, Coercion coercion, List<Violation> out) {
    if (raw == null || FieldChecks.isBlankMissing(f, raw, coercion)) {
      if (!f.nullable() && f != label) {
        out.add(new Violation(key, raw, Rule.MISSING_REQUIRED, "is missing but the field is required"));
      }
      return null;
    }
    return FieldChecks.canonical(f, key, raw, coercion, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && features.equals(s.features) && Objects.equals(label, s.label)
        && coercion == s.coercion && unknownFields == s.unknownFields;
  }

  @Override
  public int hashCode() {
    return Objects.hash(features, label, coercion, unknownFields);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Schema[");
    for (int i = 0; i < features.size(); i++) {
      Field f = features.get(i);
      sb.append(i == 0 ? "" : ", ").append(f.name()).append(':').append(f.type().id());
      if (f.nullable()) {
        sb.append('?');
      }
    }
    if (label != null) {
      sb.append(" | label ").append(label.name()).append(':').append(label.type().id());
      if (label instanceof CategoricalField c) {
        sb.append(c.values());
      }
    }
    return sb.append(']').toString();
  }

  /**
   * Assembles a {@link Schema}, one field at a time. Field names must be unique and non-blank;
   * the label is set at most once.
   *
   * <p>Not thread-safe: confine a builder to one thread. {@link #build()} may be called more than
   * once; each schema is independent of later changes to the builder.
   */
  public static final class Builder {
    private final LinkedHashMap<String, Field> fields = new LinkedHashMap<>();
    private Field label;
    private Coercion coercion = Coercion.STRICT;
    private UnknownFieldPolicy unknownFields = UnknownFieldPolicy.REJECT;

    private Builder() {}

    /**
     * Adds a feature field.
     *
     * @param field the field to add
     * @return this builder
     * @throws IllegalArgumentException if a field of that name exists already
     */
    public Builder field(Field field) {
      Objects.requireNonNull(field, "field");
      checkFree(field.name());
      fields.put(field.name(), field);
      return this;
    }

    /**
     * @param name the field's name
     * @return this builder, with a required numeric feature that rejects NaN and infinities
     */
    public Builder numeric(String name) {
      return field(Field.numeric(name));
    }

    /**
     * @param name the field's name
     * @param min smallest allowed value, inclusive
     * @param max largest allowed value, inclusive
     * @return this builder, with a required numeric feature in [min, max]
     */
    public Builder numeric(String name, double min, double max) {
      return field(Field.numeric(name, min, max));
    }

    /**
     * @param name the field's name
     * @param values the known values, in encoder order
     * @return this builder, with a required categorical feature rejecting unseen values
     */
    public Builder categorical(String name, String... values) {
      return field(Field.categorical(name, values));
    }

    /**
     * @param name the field's name
     * @return this builder, with a required text feature
     */
    public Builder text(String name) {
      return field(Field.text(name));
    }

    /**
     * @param name the field's name
     * @return this builder, with a required boolean feature
     */
    public Builder bool(String name) {
      return field(Field.bool(name));
    }

    /**
     * @param name the field's name
     * @return this builder, with a required timestamp feature
     */
    public Builder timestamp(String name) {
      return field(Field.timestamp(name));
    }

    /**
     * Marks an already added feature nullable.
     *
     * @param name the feature's name
     * @return this builder
     * @throws IllegalArgumentException if no feature of that name was added
     */
    public Builder nullable(String name) {
      fields.put(name, existing(name).withNullable(true));
      return this;
    }

    /**
     * Lets an already added numeric feature hold NaN and infinities.
     *
     * @param name the feature's name
     * @return this builder
     * @throws IllegalArgumentException if no numeric feature of that name was added
     */
    public Builder allowNonFinite(String name) {
      Field f = existing(name);
      if (!(f instanceof NumericField n)) {
        throw new IllegalArgumentException("field '" + name + "' is " + f.type().id() + ", not numeric");
      }
      fields.put(name, n.allowingNonFinite());
      return this;
    }

    /**
     * Maps unseen values of an already added categorical feature to one of its declared values.
     *
     * @param name the feature's name
     * @param otherValue the declared value that unseen values become
     * @return this builder
     * @throws IllegalArgumentException if there is no such categorical feature or value
     */
    public Builder mapUnseen(String name, String otherValue) {
      Field f = existing(name);
      if (!(f instanceof CategoricalField c)) {
        throw new IllegalArgumentException("field '" + name + "' is " + f.type().id() + ", not categorical");
      }
      fields.put(name, c.mapUnseenTo(otherValue));
      return this;
    }

    /**
     * Sets a categorical label.
     *
     * @param name the label's name
     * @param classes the classes, at least two, distinct, in the order probabilities are reported
     * @return this builder
     * @throws IllegalArgumentException if fewer than two classes are given or the name is taken
     * @throws IllegalStateException if a label was set already
     */
    public Builder label(String name, String... classes) {
      if (classes == null || classes.length < 2) {
        throw new IllegalArgumentException("label '" + name + "' needs at least 2 classes but got "
            + (classes == null ? 0 : classes.length));
      }
      return label(Field.categorical(name, classes));
    }

    /**
     * Sets the label field: categorical for classification, numeric for regression. The label's
     * nullability is ignored: a record may always leave it out.
     *
     * @param field the label field
     * @return this builder
     * @throws IllegalArgumentException if the name is taken or the field is not numeric or
     *     categorical
     * @throws IllegalStateException if a label was set already
     */
    public Builder label(Field field) {
      Objects.requireNonNull(field, "field");
      if (label != null) {
        throw new IllegalStateException("label was already set to '" + label.name() + "'");
      }
      if (field.type() != FieldType.CATEGORICAL && field.type() != FieldType.NUMERIC) {
        throw new IllegalArgumentException("label '" + field.name() + "' must be categorical or numeric but is "
            + field.type().id());
      }
      checkFree(field.name());
      label = field.withNullable(true);
      return this;
    }

    /**
     * @param coercion the default coercion of the schema's validation
     * @return this builder
     */
    public Builder coercion(Coercion coercion) {
      this.coercion = Objects.requireNonNull(coercion, "coercion");
      return this;
    }

    /** @return this builder, with undeclared record fields ignored instead of rejected */
    public Builder ignoreUnknownFields() {
      this.unknownFields = UnknownFieldPolicy.IGNORE;
      return this;
    }

    /**
     * @return the schema
     * @throws IllegalStateException if no field was added
     */
    public Schema build() {
      if (fields.isEmpty() && label == null) {
        throw new IllegalStateException("a schema needs at least one field");
      }
      return new Schema(new ArrayList<>(fields.values()), label, coercion, unknownFields);
    }

    private Field existing(String name) {
      Field f = fields.get(name);
      if (f == null) {
        throw new IllegalArgumentException("no feature '" + name + "' was added; add it before changing it"
            + (label != null && label.name().equals(name) ? " (it is the label)" : ""));
      }
      return f;
    }

    private void checkFree(String name) {
      Field.checkName(name);
      if (fields.containsKey(name) || (label != null && label.name().equals(name))) {
        throw new IllegalArgumentException("field name '" + name + "' is declared twice");
      }
    }
  }
}
