package dev.mlsys.data.features;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.Row;
import dev.mlsys.api.RowTransform;
import dev.mlsys.api.Schema;
import dev.mlsys.api.json.JsonObject;
import dev.mlsys.data.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A fitted feature pipeline: the transform learned from training data and applied unchanged at
 * serving time, so training and serving compute the same features (train/serve consistency).
 *
 * <pre>{@code
 * FeaturePipeline pipeline = FeaturePipeline.builder()
 *     .add(Feature.numeric("age").impute(Imputation.median()).missingIndicator().standardScaled())
 *     .add(Feature.numeric("income").log1p().quantileBuckets(4, BucketEncoding.ONE_HOT))
 *     .add(Feature.categorical("plan").oneHot(Unseen.IGNORE))
 *     .add(Feature.cross("plan", "region").hashed(64))
 *     .fit(trainingRows);
 * double[] buffer = new double[pipeline.outputWidth()];
 * pipeline.transform(row, buffer);                       // serving: no allocation for most features
 * FeaturePipeline same = FeaturePipeline.fromJson(pipeline.toJson());   // bit-identical outputs
 * }</pre>
 *
 * <p>Training code fits and transforms a {@link Table} column by column
 * ({@link Builder#fit(Table)}, {@link #transformColumns(Table)}); serving code transforms one
 * {@link Row} into a caller's buffer. Both give the same numbers, bit for bit.
 *
 * <p>The output vector is the features' columns in the order they were added; see
 * {@link #outputNames()}. A missing value that no feature imputes is NaN in the output. Rows
 * are matched to the pipeline by field name, so serving rows may come from another schema (for
 * example one without the label) as long as every field read is present with a compatible type.
 * A pipeline never reads the label field of the rows it is fitted on: that would leak the target
 * into the features.
 *
 * <p>Saved as versioned JSON ({@code "format": "mlsys.feature-pipeline", "formatVersion": 1})
 * holding the specification and every fitted statistic; numbers round-trip exactly.
 *
 * <p>Thread-safety: immutable and safe for concurrent use. The only mutable state is a cache
 * of field positions for the last row schema seen, which is safely published.
 */
public final class FeaturePipeline implements RowTransform {
  private final List<Input> inputs;
  private final FittedFeature[] features;
  private final int[] widths;
  private final List<String> outputNames;
  private final int width;
  private final long fittedRows;
  private volatile Binding binding;

  /** A field the pipeline reads, with the type it had at fit time. */
  record Input(String name, FieldType type) { }

  /** The positions of the pipeline's inputs in one row schema. */
  private record Binding(Schema schema, int[] positions) { }

  private FeaturePipeline(List<Input> inputs, FittedFeature[] features, long fittedRows) {
    this.inputs = List.copyOf(inputs);
    this.features = features;
    this.widths = new int[features.length];
    for (int k = 0; k < features.length; k++) {
      widths[k] = features[k].width();
    }
    List<String> names = new ArrayList<>();
    for (FittedFeature f : features) {
      f.outputNames(names);
    }
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        throw new IllegalArgumentException("output column '" + n + "' is produced twice; each feature of a "
            + "pipeline must write distinct columns (is a feature added twice?)");
      }
    }
    this.outputNames = Collections.unmodifiableList(names);
    this.width = names.size();
    this.fittedRows = fittedRows;
  }

  /** @return a new builder; add features, then {@link Builder#fit(Iterable)} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A starting pipeline for every feature field of a schema: numeric fields median-imputed (with
   * a missing indicator when the field is nullable) and standard-scaled; booleans as 0 / 1, a
   * missing one imputed with the most frequent value; categorical fields one-hot with unseen
   * values ignored and a missing one imputed with the most frequent value. Text and timestamp
   * fields are left out (add features for them explicitly); the label is never a feature.
   *
   * <pre>{@code
   * FeaturePipeline pipeline = FeaturePipeline.defaultsFor(schema)
   *     .add(Feature.cross("SEX", "AGE").hashed(16))   // more features on top
   *     .fit(trainRows);
   * }</pre>
   *
   * @param schema the schema of the rows the pipeline will be fitted on
   * @return a builder holding one feature per numeric, boolean and categorical field
   */
  public static Builder defaultsFor(Schema schema) {
    Builder b = new Builder();
    for (Field f : schema.fields()) {
      switch (f.type()) {
        case NUMERIC -> {
          var numeric = Feature.numeric(f.name()).impute(Imputation.median());
          b.add((f.nullable() ? numeric.missingIndicator() : numeric).standardScaled());
        }
        case BOOLEAN -> b.add(Feature.numeric(f.name()).impute(Imputation.mostFrequent()));
        case CATEGORICAL -> b.add(Feature.categorical(f.name()).oneHot(Unseen.IGNORE)
            .impute(Imputation.mostFrequent()));
        default -> { }
      }
    }
    return b;
  }

  /** @return the specifications the pipeline was fitted from, in output order */
  public List<Feature> features() {
    List<Feature> out = new ArrayList<>(features.length);
    for (FittedFeature f : features) {
      out.add(f.spec());
    }
    return Collections.unmodifiableList(out);
  }

  /** @return the names of the fields the pipeline reads, in first-use order */
  public List<String> inputNames() {
    List<String> out = new ArrayList<>(inputs.size());
    inputs.forEach(i -> out.add(i.name()));
    return Collections.unmodifiableList(out);
  }

  @Override
  public List<String> outputNames() {
    return outputNames;
  }

  @Override
  public int outputWidth() {
    return width;
  }

  /** @return the number of rows the pipeline was fitted on */
  public long fittedRows() {
    return fittedRows;
  }

  /**
   * Writes a row's features into {@code out[0 .. outputWidth())}. Numeric, one-hot, ordinal and
   * hashed features (hashed crosses included) allocate nothing on this path; one-hot and ordinal
   * crosses build a small lookup key.
   *
   * @param row a row holding every field in {@link #inputNames()}
   * @param out a buffer of at least {@link #outputWidth()} values
   * @throws IncompatibleSchemaException if the row lacks a field or has it with another type
   * @throws dev.mlsys.api.InvalidInputException if a value breaks a feature's rule: an unseen
   *     category under {@link Unseen#ERROR}, a value outside a log transform's domain
   * @throws IllegalArgumentException if {@code out} is too short
   */
  @Override
  public void transform(Row row, double[] out) {
    transform(row, out, 0);
  }

  /**
   * Writes a row's features into {@code out[offset .. offset + outputWidth())}.
   *
   * @param row a row holding every field in {@link #inputNames()}
   * @param out the buffer
   * @param offset where the row's features start
   * @throws IncompatibleSchemaException if the row lacks a field or has it with another type
   * @throws dev.mlsys.api.InvalidInputException if a value breaks a feature's rule
   * @throws IllegalArgumentException if {@code out} is too short
   */
  public void transform(Row row, double[] out, int offset) {
    Objects.requireNonNull(row, "row");
    if (offset < 0 || out.length - offset < width) {
      throw new IllegalArgumentException("out must hold " + width + " values from offset " + offset
          + " but has length " + out.length);
    }
    int[] positions = bind(row.schema());
    for (int k = 0; k < features.length; k++) {
      features[k].write(row, positions, out, offset);
      offset += widths[k];
    }
  }

  /**
   * @param rows rows to transform
   * @return one feature vector per row, in order
   * @throws IncompatibleSchemaException if a row lacks a field or has it with another type
   * @throws dev.mlsys.api.InvalidInputException if a value breaks a feature's rule
   */
  public double[][] transformAll(Iterable<? extends Row> rows) {
    Objects.requireNonNull(rows, "rows");
    List<double[]> out = new ArrayList<>();
    for (Row r : rows) {
      double[] v = new double[width];
      transform(r, v, 0);
      out.add(v);
    }
    return out.toArray(new double[0][]);
  }

  /**
   * Transforms rows column by column into a row-major matrix: row {@code i}'s features are at
   * {@code out[i * outputWidth() ..]}. Gives the same numbers as {@link #transform(Row, double[])}
   * row by row.
   *
   * @param rows rows to transform
   * @return a new row-major matrix of {@code rows.size() * outputWidth()} values
   * @throws IllegalArgumentException if a row lacks a field or has it with an incompatible type
   * @throws dev.mlsys.api.InvalidInputException if a value breaks a feature's rule
   */
  public double[] transformColumns(List<? extends Row> rows) {
    RowColumns columns = new RowColumns(rows);
    if (columns.size() > 0) {
      bind(columns.schema());
    }
    return transformColumns(columns);
  }

  /**
   * Transforms a table column by column into a row-major matrix: row {@code i}'s features are at
   * {@code out[i * outputWidth() ..]}, bit for bit what {@link #transform(Row, double[])} writes
   * for {@code table.row(i)}. The training path: it reads each column once.
   *
   * @param table a table holding every field in {@link #inputNames()}; it stays open
   * @return a new row-major matrix of {@code table.rowCount() * outputWidth()} values
   * @throws IncompatibleSchemaException if the table lacks a field or has it with another type
   * @throws dev.mlsys.api.InvalidInputException if a value breaks a feature's rule
   * @throws IllegalStateException if the table is closed
   */
  public double[] transformColumns(Table table) {
    Objects.requireNonNull(table, "table");
    bind(table.schema());
    return transformColumns(new TableColumns(table));
  }

  double[] transformColumns(Columns columns) {
    long cells = (long) columns.size() * width;
    if (cells > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(columns.size() + " rows of " + width + " features do not fit one array");
    }
    double[] out = new double[(int) cells];
    int offset = 0;
    for (int k = 0; k < features.length; k++) {
      features[k].writeColumns(columns, out, width, offset);
      offset += widths[k];
    }
    return out;
  }

  private int[] bind(Schema schema) {
    Binding b = binding;
    if (b != null && b.schema == schema) {
      return b.positions;
    }
    int[] positions = new int[inputs.size()];
    for (int i = 0; i < positions.length; i++) {
      Input in = inputs.get(i);
      Field f = schema.field(in.name()).orElseThrow(() -> new IncompatibleSchemaException(
          "the feature pipeline reads field '" + in.name() + "' but the row's schema has only " + schema.names()));
      if (!Tokens.compatible(in.type(), f.type())) {
        throw new IncompatibleSchemaException("field '" + in.name() + "' was " + in.type().id()
            + " when the feature pipeline was fitted but the row's schema has it " + f.type().id());
      }
      positions[i] = schema.indexOf(in.name());
    }
    binding = new Binding(schema, positions);
    return positions;
  }

  /** @return the pipeline as versioned, human-readable JSON */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", PipelineJson.FORMAT);
    root.put("formatVersion", PipelineJson.VERSION);
    root.put("fittedRows", fittedRows);
    List<Object> in = new ArrayList<>();
    for (Input i : inputs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", i.name());
      m.put("type", i.type().id());
      in.add(m);
    }
    root.put("inputs", in);
    root.put("outputs", outputNames);
    List<Object> fs = new ArrayList<>();
    for (FittedFeature f : features) {
      fs.add(f.toJson());
    }
    root.put("features", fs);
    return PipelineJson.write(root);
  }

  /**
   * @param json text written by {@link #toJson()}
   * @return the pipeline, giving bit-identical outputs to the one that was written
   * @throws CorruptArtifactException if the text is not a pipeline, has an unknown format
   *     version, or is inconsistent (for example outputs that do not match the features)
   */
  public static FeaturePipeline fromJson(String json) {
    Objects.requireNonNull(json, "json");
    JsonObject root = PipelineJson.parse(json, "feature pipeline");
    root.requireFormat(PipelineJson.FORMAT, PipelineJson.VERSION);
    try {
      List<Input> inputs = new ArrayList<>();
      Map<String, Integer> slotOf = new LinkedHashMap<>();
      for (JsonObject i : root.getObjects("inputs")) {
        String name = i.getString("name");
        FieldType type = fieldType(i.getString("type"), name);
        if (slotOf.put(name, inputs.size()) != null) {
          throw new CorruptArtifactException("feature pipeline: input '" + name + "' is listed twice");
        }
        inputs.add(new Input(name, type));
      }
      List<JsonObject> specs = root.getObjects("features");
      FittedFeature[] features = new FittedFeature[specs.size()];
      for (int k = 0; k < features.length; k++) {
        JsonObject f = specs.get(k);
        String type = f.getString("type");
        switch (type) {
          case "numeric" -> {
            String field = f.getString("field");
            FittedNumeric fn = FittedNumeric.fromJson(f, slot(slotOf, field));
            checkType(inputs.get(fn.slots[0]), true);
            features[k] = fn;
          }
          case "categorical" -> {
            List<String> fields = f.getStrings("fields");
            int[] slots = new int[fields.size()];
            for (int j = 0; j < slots.length; j++) {
              slots[j] = slot(slotOf, fields.get(j));
            }
            features[k] = FittedCategorical.fromJson(f, slots);
          }
          default -> throw new CorruptArtifactException("feature pipeline: features[" + k + "] has unknown type '"
              + type + "'; expected numeric or categorical");
        }
      }
      FeaturePipeline p = new FeaturePipeline(inputs, features, root.getLong("fittedRows"));
      List<String> outputs = root.getStrings("outputs");
      if (!outputs.equals(p.outputNames)) {
        throw new CorruptArtifactException("feature pipeline: the recorded outputs " + abbreviate(outputs)
            + " do not match the outputs of its features " + abbreviate(p.outputNames));
      }
      return p;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CorruptArtifactException("feature pipeline: " + e.getMessage(), e);
    }
  }

  /**
   * @param file where to write {@link #toJson()} (UTF-8)
   * @throws UncheckedIOException if the file cannot be written
   */
  public void save(Path file) {
    try {
      Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write feature pipeline to " + file, e);
    }
  }

  /**
   * @param file a file written by {@link #save(Path)}
   * @return the pipeline
   * @throws UncheckedIOException if the file cannot be read
   * @throws CorruptArtifactException if it does not hold a readable pipeline
   */
  public static FeaturePipeline load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read feature pipeline from " + file, e);
    }
    try {
      return fromJson(text);
    } catch (CorruptArtifactException e) {
      throw new CorruptArtifactException(file + ": " + e.getMessage(), e);
    }
  }

  private static int slot(Map<String, Integer> slotOf, String field) {
    Integer s = slotOf.get(field);
    if (s == null) {
      throw new CorruptArtifactException("feature pipeline: a feature reads '" + field
          + "', which is not among the inputs " + slotOf.keySet());
    }
    return s;
  }

  private static void checkType(Input in, boolean numeric) {
    if (numeric && !Tokens.isNumeric(in.type())) {
      throw new CorruptArtifactException("feature pipeline: input '" + in.name() + "' is " + in.type().id()
          + " but a numeric feature reads it");
    }
  }

  private static FieldType fieldType(String id, String name) {
    for (FieldType t : FieldType.values()) {
      if (t.id().equals(id)) {
        return t;
      }
    }
    throw new CorruptArtifactException("feature pipeline: input '" + name + "' has unknown type '" + id + "'");
  }

  private static String abbreviate(List<String> names) {
    return names.size() <= 12 ? names.toString()
        : names.subList(0, 12) + " and " + (names.size() - 12) + " more";
  }

  /** Two pipelines are equal when their JSON forms are: same specification and statistics. */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof FeaturePipeline p && toJson().equals(p.toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  @Override
  public String toString() {
    return "FeaturePipeline[" + features.length + " features, " + inputs.size() + " inputs -> " + width
        + " outputs, fitted on " + fittedRows + " rows]";
  }

  /**
   * Collects feature specifications and fits them. Not thread-safe; confine to one thread.
   * {@link #fit(Iterable)} may be called several times (for example once per fold); each
   * pipeline is independent of later changes to the builder.
   */
  public static final class Builder {
    private final List<Feature> features = new ArrayList<>();

    private Builder() {}

    /**
     * @param feature a feature specification; its columns follow those of earlier features
     * @return this builder
     */
    public Builder add(Feature feature) {
      features.add(Objects.requireNonNull(feature, "feature"));
      return this;
    }

    /**
     * @param features feature specifications, in output order
     * @return this builder
     */
    public Builder addAll(List<? extends Feature> features) {
      features.forEach(this::add);
      return this;
    }

    /**
     * Fits every feature on the training rows.
     *
     * @param rows training rows, at least one; all must hold the fields the features read
     * @return the fitted pipeline
     * @throws IllegalArgumentException if there are no features or rows, a field is absent or
     *     has the wrong kind, a feature reads the label field, a statistic cannot be computed
     *     (all values missing), or two features write the same column
     * @throws dev.mlsys.api.InvalidInputException if a training value breaks a feature's rule
     */
    public FeaturePipeline fit(Iterable<? extends Row> rows) {
      RowColumns columns = new RowColumns(rows);
      if (columns.size() == 0) {
        throw new IllegalArgumentException("cannot fit a feature pipeline on 0 rows");
      }
      checkLabel(columns.schema());
      return fit(columns);
    }

    /**
     * Fits every feature on a training table, column by column. Gives the same pipeline (the same
     * JSON) as {@link #fit(Iterable)} on the table's rows.
     *
     * @param table the training table, at least one row; it stays open
     * @return the fitted pipeline
     * @throws IllegalArgumentException as {@link #fit(Iterable)}
     * @throws IllegalStateException if the table is closed
     */
    public FeaturePipeline fit(Table table) {
      Objects.requireNonNull(table, "table");
      if (table.rowCount() == 0) {
        throw new IllegalArgumentException("cannot fit a feature pipeline on 0 rows");
      }
      checkLabel(table.schema());
      return fit(new TableColumns(table));
    }

    private void checkLabel(Schema schema) {
      schema.label().ifPresent(label -> {
        for (Feature f : features) {
          if (f.fields().contains(label.name())) {
            throw new IllegalArgumentException("feature " + f + " reads the label field '" + label.name()
                + "'; a feature pipeline must not read the label (target leakage)");
          }
        }
      });
    }

    FeaturePipeline fit(Columns columns) {
      if (features.isEmpty()) {
        throw new IllegalArgumentException("a feature pipeline needs at least one feature");
      }
      List<Input> inputs = new ArrayList<>();
      Map<String, Integer> slotOf = new LinkedHashMap<>();
      for (Feature f : features) {
        for (String name : f.fields()) {
          if (!slotOf.containsKey(name)) {
            Field field = columns.field(name);
            slotOf.put(name, inputs.size());
            inputs.add(new Input(name, field.type()));
          }
        }
      }
      FittedFeature[] fitted = new FittedFeature[features.size()];
      for (int k = 0; k < fitted.length; k++) {
        Feature f = features.get(k);
        if (f instanceof NumericFeature nf) {
          Input in = inputs.get(slotOf.get(nf.field()));
          if (!Tokens.isNumeric(in.type())) {
            throw new IllegalArgumentException("feature " + nf + " reads field '" + in.name() + "', which is "
                + in.type().id() + "; numeric features read numeric, boolean or timestamp fields"
                + " (use Feature.categorical for the others)");
          }
          fitted[k] = FittedNumeric.fit(nf, slotOf.get(nf.field()), columns.numeric(nf.field()));
        } else {
          CategoricalFeature cf = (CategoricalFeature) f;
          int[] slots = new int[cf.fields().size()];
          for (int j = 0; j < slots.length; j++) {
            slots[j] = slotOf.get(cf.fields().get(j));
          }
          fitted[k] = FittedCategorical.fit(cf, slots, columns);
        }
      }
      return new FeaturePipeline(inputs, fitted, columns.size());
    }
  }
}
