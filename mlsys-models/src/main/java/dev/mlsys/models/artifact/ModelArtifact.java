package dev.mlsys.models.artifact;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.RowTransform;
import dev.mlsys.api.Schema;
import dev.mlsys.data.features.FeaturePipeline;
import dev.mlsys.eval.calibration.Calibrators;
import dev.mlsys.eval.calibration.FittedCalibrator;
import dev.mlsys.eval.calibration.MulticlassCalibrator;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.compiled.ModelCompiler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to serve and audit a model: the trained model, the schema of its rows, the
 * fitted feature pipeline, an optional calibrator, evaluation metrics and provenance. Stored and
 * verified by {@link Artifacts}.
 *
 * <pre>{@code
 * ModelArtifact artifact = ModelArtifact.builder(model).schema(schema).pipeline(pipeline)
 *     .calibrator(Calibrators.platt().fit(heldOutScores, heldOutLabels))
 *     .metrics(evaluation.toMap()).provenance(Provenance.of(trainer, train)).build();
 * Artifacts.save(artifact, Path.of("models/churn-v3"));
 * Predictor predictor = Artifacts.load(Path.of("models/churn-v3")).predictor();
 * }</pre>
 *
 * <p>Thread-safety: immutable; {@link #predictor()} is safe for concurrent use.
 */
public final class ModelArtifact {
  private final TrainedModel model;
  private final Schema schema;
  private final FeaturePipeline pipeline;
  private final String calibratorJson;
  private final Map<String, Object> metrics;
  private final Provenance provenance;

  private ModelArtifact(Builder b) {
    this.model = b.model;
    this.schema = b.schema;
    this.pipeline = b.pipeline;
    this.calibratorJson = b.calibratorJson;
    this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(b.metrics));
    this.provenance = b.provenance;
  }

  /**
   * @param model the trained model
   * @return a builder
   */
  public static Builder builder(TrainedModel model) {
    return new Builder(Objects.requireNonNull(model, "model"));
  }

  /** @return the trained model */
  public TrainedModel model() {
    return model;
  }

  /** @return the schema of the rows the model serves, if stored */
  public Optional<Schema> schema() {
    return Optional.ofNullable(schema);
  }

  /** @return the fitted feature pipeline, if stored */
  public Optional<FeaturePipeline> pipeline() {
    return Optional.ofNullable(pipeline);
  }

  /** @return the calibrator's JSON (as mlsys-eval writes it), if stored */
  public Optional<String> calibratorJson() {
    return Optional.ofNullable(calibratorJson);
  }

  /**
   * The stored binary calibrator, decoded by mlsys-eval ({@link Calibrators#fromJson(String)}):
   * it maps the model's probability of its second class to a calibrated one. Decoded on each call.
   *
   * @return the calibrator, or empty if none is stored
   * @throws CorruptArtifactException if the stored JSON is not a binary calibrator of a known
   *     format version (a multi-class one is read by {@link #multiclassCalibrator()})
   */
  public Optional<FittedCalibrator> calibrator() {
    return calibratorJson == null ? Optional.empty() : Optional.of(Calibrators.fromJson(calibratorJson));
  }

  /**
   * The stored multi-class calibrator, decoded by mlsys-eval
   * ({@link Calibrators#multiclassFromJson(String)}). Decoded on each call.
   *
   * @return the calibrator, or empty if none is stored
   * @throws CorruptArtifactException if the stored JSON is not a multi-class calibrator of a known
   *     format version (a binary one is read by {@link #calibrator()})
   */
  public Optional<MulticlassCalibrator> multiclassCalibrator() {
    return calibratorJson == null ? Optional.empty() : Optional.of(Calibrators.multiclassFromJson(calibratorJson));
  }

  /** @return the evaluation metrics stored with the model (JSON values) */
  public Map<String, Object> metrics() {
    return metrics;
  }

  /** @return the provenance, if stored */
  public Optional<Provenance> provenance() {
    return Optional.ofNullable(provenance);
  }

  /**
   * A row predictor: the stored pipeline then the model, or, without a pipeline, the schema's
   * numeric and boolean fields read by the model's feature names.
   *
   * @return a thread-safe predictor
   * @throws IllegalStateException if the artifact has neither a pipeline nor a schema
   */
  public Predictor predictor() {
    return model.onRows(features());
  }

  /**
   * The row predictor of {@link #predictor()} with the model compiled into flat arrays
   * ({@link ModelCompiler#compileOrFallback}): the same labels and probabilities (to 1e-12, XGBoost
   * to 1e-6), at a fraction of the cost per row. Parts of the model that cannot be compiled run
   * through the model's own predict.
   *
   * @return a thread-safe predictor that allocates only its result
   * @throws IllegalStateException if the artifact has neither a pipeline nor a schema
   */
  public Predictor compiledPredictor() {
    RowTransform features = features();
    return ModelCompiler.compileOrFallback(model, features.outputNames()).onRows(features);
  }

  private RowTransform features() {
    if (pipeline != null) {
      return pipeline;
    }
    if (schema != null) {
      return new FieldVector(schema, model.featureNames());
    }
    throw new IllegalStateException("the artifact has neither a feature pipeline nor a schema; "
        + "predict with model() on feature vectors");
  }

  /** Reads the model's features straight from same-named numeric or boolean fields. */
  private static final class FieldVector implements RowTransform {
    private final List<String> names;
    private final int[] positions;

    FieldVector(Schema schema, List<String> names) {
      this.names = names;
      this.positions = new int[names.size()];
      for (int j = 0; j < positions.length; j++) {
        positions[j] = schema.indexOf(names.get(j));
      }
    }

    @Override
    public List<String> outputNames() {
      return names;
    }

    @Override
    public void transform(Row row, double[] out) {
      for (int j = 0; j < positions.length; j++) {
        out[j] = row.getDouble(positions[j]);
      }
    }
  }

  /** Assembles an artifact. Not thread-safe; each setter replaces its value. */
  public static final class Builder {
    private final TrainedModel model;
    private Schema schema;
    private FeaturePipeline pipeline;
    private String calibratorJson;
    private Map<String, Object> metrics = Map.of();
    private Provenance provenance;

    private Builder(TrainedModel model) {
      this.model = model;
    }

    /** @param s the schema of served rows @return this builder */
    public Builder schema(Schema s) {
      this.schema = s;
      return this;
    }

    /**
     * @param p the fitted pipeline; its output names must be the model's feature names
     * @return this builder
     * @throws IllegalArgumentException if the names differ
     */
    public Builder pipeline(FeaturePipeline p) {
      if (p != null && !p.outputNames().equals(model.featureNames())) {
        throw new IllegalArgumentException("the pipeline writes " + p.outputNames() + " but the model reads "
            + model.featureNames());
      }
      this.pipeline = p;
      return this;
    }

    /**
     * Stores a fitted binary calibrator (as its {@link FittedCalibrator#toJson()}), which
     * {@link ModelArtifact#calibrator()} gives back.
     *
     * @param c a calibrator of the model's probability of its second class, or null for none
     * @return this builder
     * @throws IllegalArgumentException if the model is not a two-class classifier
     */
    public Builder calibrator(FittedCalibrator c) {
      if (c != null && (model.task() != Task.CLASSIFICATION || model.classes().size() != 2)) {
        throw new IllegalArgumentException("a binary calibrator needs a two-class classifier but model '" + model.name()
            + "' is " + describe(model) + "; use a multi-class calibrator");
      }
      this.calibratorJson = c == null ? null : c.toJson();
      return this;
    }

    /**
     * Stores a fitted multi-class calibrator (as its {@link MulticlassCalibrator#toJson()}), which
     * {@link ModelArtifact#multiclassCalibrator()} gives back.
     *
     * @param c a calibrator over the model's classes, or null for none
     * @return this builder
     * @throws IllegalArgumentException if the model is not a classifier with {@code c.classes()}
     *     classes
     */
    public Builder calibrator(MulticlassCalibrator c) {
      if (c != null && (model.task() != Task.CLASSIFICATION || model.classes().size() != c.classes())) {
        throw new IllegalArgumentException("the calibrator calibrates " + c.classes() + " classes but model '"
            + model.name() + "' is " + describe(model));
      }
      this.calibratorJson = c == null ? null : c.toJson();
      return this;
    }

    private static String describe(TrainedModel m) {
      return m.task() == Task.CLASSIFICATION ? "a classifier of " + m.classes().size() + " classes " + m.classes()
          : "a regression model";
    }

    /**
     * Stores a calibrator's JSON as it is; prefer the typed {@link #calibrator(FittedCalibrator)}.
     *
     * @param json the calibrator as JSON, or null for none
     * @return this builder
     * @throws dev.mlsys.api.json.JsonException if the text is not a JSON object
     */
    public Builder calibratorJson(String json) {
      if (json != null) {
        dev.mlsys.api.json.Json.parseObject(json);
      }
      this.calibratorJson = json;
      return this;
    }

    /** @param m metric name to a JSON value (number, string, map, list) @return this builder */
    public Builder metrics(Map<String, ?> m) {
      this.metrics = new LinkedHashMap<>(m);
      return this;
    }

    /** @param p the provenance @return this builder */
    public Builder provenance(Provenance p) {
      this.provenance = p;
      return this;
    }

    /** @return the artifact */
    public ModelArtifact build() {
      return new ModelArtifact(this);
    }
  }
}
