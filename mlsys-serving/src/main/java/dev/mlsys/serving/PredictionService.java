package dev.mlsys.serving;

import dev.mlsys.api.Calibrator;
import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.PredictionListener;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.RowTransform;
import dev.mlsys.api.Schema;
import dev.mlsys.api.VectorPredictor;
import dev.mlsys.serving.routing.Router;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * Serves model predictions inside a JVM: validates each request against the schema, runs the
 * active model version (or the one a {@link Router} picks), calibrates, caches, and stamps every
 * answer with the version and its origin (model, cache or fallback).
 *
 * <pre>{@code
 * try (PredictionService service = PredictionService.builder(schema)
 *     .model("v1", model)
 *     .calibrator(platt)
 *     .cacheSize(100_000)
 *     .deadline(Duration.ofMillis(20))
 *     .fallback(Prediction.of("no", Map.of("no", 1.0, "yes", 0.0)))
 *     .build()) {
 *   Prediction p = service.predict(Map.of("age", 31, "plan", "pro"));
 *   service.deploy("v2", retrained);           // atomic hot swap
 *   service.rollback();                         // back to v1
 * }
 * }</pre>
 *
 * <p><b>Request path.</b> Validation ({@link Schema#row(Map)}; bad input throws
 * {@link InvalidInputException} and touches no cache or model), routing, cache lookup keyed on the
 * canonical row and the version, the model (under the deadline, if any), calibration, then the
 * listeners. Concurrent misses for the same row and version compute once; the other requests wait
 * for that answer and receive it as a cache answer.
 *
 * <p><b>Versions.</b> {@link #deploy} swaps the active version atomically: a request reads the
 * deployment once when it starts, so it finishes on the version it started with and its answer
 * comes wholly from that version (predictor and calibrator). No request fails because of a swap.
 * Earlier versions are kept for {@link #rollback()}; their cache entries stay valid.
 *
 * <p><b>Failures.</b> A model that throws, returns an unusable answer or misses the deadline is
 * counted, reported to the listeners, and answered by the fallback (flagged
 * {@link Prediction.Origin#FALLBACK}); without a fallback the request throws
 * {@link PredictionFailedException}. Fallback answers are never cached.
 *
 * <p><b>Testing in production.</b> {@link #stage} deploys a version beside the active one;
 * {@link #shadow} runs it on copies of the traffic; {@link #route} sends traffic to it through a
 * canary, an A/B test or a bandit (see {@code dev.mlsys.serving.routing.Routers}); outcomes come
 * back through {@link #recordOutcome}.
 *
 * <p>Thread-safety: safe for concurrent use. The request path takes no lock (bandit routers hold
 * a short one); deployment changes are serialised. {@link #close()} stops the service's own
 * threads; requests after it throw {@link IllegalStateException}.
 */
public interface PredictionService extends AutoCloseable {

  /**
   * @param schema the schema requests are validated against
   * @return a one-shot builder: each option may be set once
   * @throws NullPointerException if the schema is null
   */
  static Builder builder(Schema schema) {
    return new Builder(schema);
  }

  /** @return the schema requests are validated against */
  Schema schema();

  /**
   * Predicts one record, routed by the hash of its canonical row.
   *
   * @param values field name to raw value
   * @return the prediction, stamped with the version that answered and its origin
   * @throws InvalidInputException if the record breaks the schema (every violation is listed)
   * @throws PredictionFailedException if the model failed and no fallback answered
   * @throws IllegalStateException if the service is closed
   */
  default Prediction predict(Map<String, ?> values) {
    return predict(values, null);
  }

  /**
   * Predicts one record for an entity: routers split traffic by the entity key, so the same
   * entity always reaches the same version.
   *
   * @param values field name to raw value
   * @param entityKey the entity (user, account) the request is for; {@code null} routes by the row
   * @return the prediction
   * @throws InvalidInputException if the record breaks the schema
   * @throws PredictionFailedException if the model failed and no fallback answered
   * @throws IllegalStateException if the service is closed
   */
  Prediction predict(Map<String, ?> values, String entityKey);

  /**
   * Predicts an already validated row (the fast path: no validation).
   *
   * @param row a row of this service's schema; its label, if any, is ignored
   * @return the prediction
   * @throws IncompatibleSchemaException if the row belongs to another schema
   * @throws PredictionFailedException if the model failed and no fallback answered
   * @throws IllegalStateException if the service is closed
   */
  default Prediction predict(Row row) {
    return predict(row, null);
  }

  /**
   * @param row a row of this service's schema
   * @param entityKey the entity the request is for; {@code null} routes by the row
   * @return the prediction
   * @throws IncompatibleSchemaException if the row belongs to another schema
   * @throws PredictionFailedException if the model failed and no fallback answered
   * @throws IllegalStateException if the service is closed
   */
  Prediction predict(Row row, String entityKey);

  /**
   * Predicts many records in parallel, answers in input order. Every record is validated first;
   * if any is invalid, nothing is predicted and the exception lists every violation, each field
   * prefixed with the record's index ({@code "[3].age"}).
   *
   * @param records the records
   * @return one prediction per record, in order
   * @throws InvalidInputException if any record breaks the schema
   * @throws PredictionFailedException if a model failed and no fallback answered
   */
  List<Prediction> predictAll(List<? extends Map<String, ?>> records);

  /**
   * Predicts a stream of records, for inputs too large to hold: the result is a parallel, ordered
   * stream, lazily evaluated; consume it with {@code forEachOrdered} or a collector to keep the
   * input order. An invalid record fails the stream with its {@link InvalidInputException}.
   *
   * @param records the records
   * @return the predictions, in input order
   */
  Stream<Prediction> predictAll(Stream<? extends Map<String, ?>> records);

  /**
   * Predicts validated rows in parallel, in order.
   *
   * @param rows rows of this service's schema
   * @return one prediction per row, in order
   * @throws IncompatibleSchemaException if a row belongs to another schema
   */
  List<Prediction> predictRows(List<Row> rows);

  /**
   * Makes a new version active, atomically (see the class comment). With warm-up configured, the
   * version first predicts the recent inputs (filling the cache) and is deployed only if it
   * answers them all.
   *
   * @param version the version name, non-blank
   * @param predictor the model
   * @throws IllegalArgumentException if the version is blank
   * @throws dev.mlsys.api.MlsysException if warm-up fails; the active version keeps serving
   * @throws IllegalStateException if the service is closed
   */
  default void deploy(String version, Predictor predictor) {
    deploy(version, ServedModel.of(Objects.requireNonNull(predictor, "predictor")));
  }

  /**
   * Makes a new version active, as {@link #deploy(String, Predictor)}, with its own pipeline or
   * calibrator.
   *
   * @param version the version name, non-blank
   * @param model the model to serve
   */
  void deploy(String version, ServedModel model);

  /**
   * Makes a staged version active (it was warmed up when staged); the old active version is kept
   * for rollback.
   *
   * @param version a staged version
   * @throws IllegalArgumentException if no such version is staged
   */
  void promote(String version);

  /**
   * Returns to the version that was active before the last deploy or promote. The rolled-back
   * version is dropped (unless a router or shadow still uses it, then it stays staged).
   *
   * @return the version now active
   * @throws IllegalStateException if there is no earlier version
   */
  String rollback();

  /** @return the name of the active version */
  String activeVersion();

  /**
   * Deploys a version beside the active one, without traffic, for shadow and routed tests.
   * Warmed up as in {@link #deploy}.
   *
   * @param version a name other than the active version's
   * @param model the model to serve
   * @throws IllegalArgumentException if the version is blank or active
   */
  void stage(String version, ServedModel model);

  /**
   * @param version a staged version no router or shadow uses
   * @throws IllegalArgumentException if the version is not staged
   * @throws IllegalStateException if the router or the shadow uses it
   */
  void unstage(String version);

  /** @return the staged version names */
  Set<String> stagedVersions();

  /**
   * Routes requests through a router (canary, A/B test, bandit); replaces any earlier router.
   *
   * @param router the router; every version it names must be active or staged
   * @throws IllegalArgumentException if the router names a version that is not deployed
   */
  void route(Router router);

  /** Sends all traffic to the active version again. */
  void stopRouting();

  /** @return the current router, if any */
  Optional<Router> router();

  /**
   * Feeds back the outcome of a served prediction to the current router (A/B test or bandit).
   *
   * @param prediction a prediction this service returned
   * @param reward the outcome, in [0, 1]
   * @throws IllegalStateException if no router is set
   * @throws IllegalArgumentException if the router rejects the outcome (see
   *     {@link Router#recordOutcome})
   */
  void recordOutcome(Prediction prediction, double reward);

  /**
   * @param prediction a prediction this service returned
   * @param success whether the outcome was a success (reward 1) or not (reward 0)
   */
  default void recordOutcome(Prediction prediction, boolean success) {
    recordOutcome(prediction, success ? 1.0 : 0.0);
  }

  /**
   * Runs a staged version on a copy of every request, on a bounded background queue: it never
   * delays or fails the primary answer; when the queue is full the copy is dropped and counted.
   * Replaces any earlier shadow.
   *
   * @param version a staged version
   * @throws IllegalArgumentException if the version is not staged
   */
  void shadow(String version);

  /** Stops shadowing; the statistics of the last shadow stay readable. */
  void stopShadow();

  /** @return the statistics of the current or last shadow, if there was one */
  Optional<ShadowStats> shadowStats();

  /**
   * @param listener called after every request on the request thread (see {@link PredictionListener})
   */
  void addListener(PredictionListener listener);

  /**
   * @param listener a listener added earlier
   * @return whether it was registered
   */
  boolean removeListener(PredictionListener listener);

  /** @return a snapshot of the counters */
  ServingStats stats();

  /** Stops the service: no new requests; its own executors shut down; the cache is emptied. */
  @Override
  void close();

  /**
   * Configures a {@link PredictionService}. Each option may be set once: setting it again throws
   * {@link IllegalStateException} naming the value already set. Only {@link #model} is required.
   *
   * <p>Not thread-safe: confine a builder to one thread.
   */
  final class Builder {
    final Schema schema;
    String version;
    ServedModel model;
    Calibrator calibrator;
    Long cacheSize;
    Duration cacheExpiry;
    Duration deadline;
    Executor modelExecutor;
    Predictor fallback;
    Prediction fallbackPrediction;
    PredictionListener listener;
    Integer warmUp;
    Integer history;
    Integer shadowQueue;
    private boolean built;

    Builder(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    /**
     * @param version the first active version's name, non-blank
     * @param predictor the model
     * @return this builder
     */
    public Builder model(String version, Predictor predictor) {
      return model(version, ServedModel.of(Objects.requireNonNull(predictor, "predictor")));
    }

    /**
     * @param version the first active version's name, non-blank
     * @param transform the fitted feature pipeline
     * @param vectorModel the model over its vectors
     * @return this builder
     */
    public Builder model(String version, RowTransform transform, VectorPredictor vectorModel) {
      return model(version, ServedModel.of(transform, vectorModel));
    }

    /**
     * @param version the first active version's name, non-blank
     * @param model the model to serve
     * @return this builder
     * @throws IllegalArgumentException if the version is blank
     * @throws IllegalStateException if a model was set already
     */
    public Builder model(String version, ServedModel model) {
      once(this.model, "model", "version '" + this.version + "': " + this.model);
      this.version = LocalPredictionService.checkVersion(version);
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * @param calibrator the calibrator for versions that bring none (binary labels: applied to
     *     P(second class); more classes: one-vs-rest, renormalised)
     * @return this builder
     * @throws IllegalArgumentException if the schema has no categorical label
     */
    public Builder calibrator(Calibrator calibrator) {
      once(this.calibrator, "calibrator", this.calibrator);
      Objects.requireNonNull(calibrator, "calibrator");
      if (schema.labelClasses().size() < 2) {
        throw new IllegalArgumentException("a calibrator needs a categorical label, but the schema's label is "
            + schema.label().map(f -> "'" + f.name() + "' (" + f.type().id() + ")").orElse("absent"));
      }
      this.calibrator = calibrator;
      return this;
    }

    /**
     * @param maxEntries the most predictions kept; 0 for no cache (the default)
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder cacheSize(long maxEntries) {
      once(this.cacheSize, "cacheSize", this.cacheSize);
      if (maxEntries < 0) {
        throw new IllegalArgumentException("cacheSize must be >= 0 but was: " + maxEntries);
      }
      this.cacheSize = maxEntries;
      return this;
    }

    /**
     * @param expireAfterWrite how long a cached prediction may be served; needs a cache
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder cacheExpiry(Duration expireAfterWrite) {
      once(this.cacheExpiry, "cacheExpiry", this.cacheExpiry);
      this.cacheExpiry = positive(expireAfterWrite, "cacheExpiry");
      return this;
    }

    /**
     * @param deadline the longest a request waits for the model, from the request's start;
     *     the model then runs on the model executor
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder deadline(Duration deadline) {
      once(this.deadline, "deadline", this.deadline);
      this.deadline = positive(deadline, "deadline");
      return this;
    }

    /**
     * @param executor where model calls run when a deadline is set; the service does not shut it
     *     down. By default the service runs its own pool of {@code max(2, processors)} daemon
     *     threads.
     * @return this builder
     */
    public Builder modelExecutor(Executor executor) {
      once(this.modelExecutor, "modelExecutor", this.modelExecutor);
      this.modelExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * @param fallback answers when the model fails or misses the deadline; not calibrated,
     *     not cached
     * @return this builder
     */
    public Builder fallback(Predictor fallback) {
      once(this.fallback != null ? this.fallback : this.fallbackPrediction, "fallback",
          this.fallback != null ? this.fallback : this.fallbackPrediction);
      this.fallback = Objects.requireNonNull(fallback, "fallback");
      return this;
    }

    /**
     * @param defaultPrediction the answer when the model fails or misses the deadline
     * @return this builder
     */
    public Builder fallback(Prediction defaultPrediction) {
      once(this.fallback != null ? this.fallback : this.fallbackPrediction, "fallback",
          this.fallback != null ? this.fallback : this.fallbackPrediction);
      this.fallbackPrediction = Objects.requireNonNull(defaultPrediction, "defaultPrediction");
      return this;
    }

    /**
     * @param listener receives every request; more can be added with
     *     {@link PredictionService#addListener}
     * @return this builder
     */
    public Builder listener(PredictionListener listener) {
      once(this.listener, "listener", this.listener);
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * @param recentRows how many of the latest rows that reached a model to keep; a new version
     *     predicts them (and fills the cache) before it takes traffic. 0 (the default) disables
     *     warm-up.
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder warmUp(int recentRows) {
      once(this.warmUp, "warmUp", this.warmUp);
      if (recentRows < 0) {
        throw new IllegalArgumentException("warmUp must be >= 0 but was: " + recentRows);
      }
      this.warmUp = recentRows;
      return this;
    }

    /**
     * @param versions how many earlier versions to keep for rollback (default 8)
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder history(int versions) {
      once(this.history, "history", this.history);
      if (versions < 0) {
        throw new IllegalArgumentException("history must be >= 0 but was: " + versions);
      }
      this.history = versions;
      return this;
    }

    /**
     * @param capacity how many shadow requests may wait for the shadow thread (default 1024);
     *     beyond that they are dropped and counted
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder shadowQueue(int capacity) {
      once(this.shadowQueue, "shadowQueue", this.shadowQueue);
      if (capacity < 1) {
        throw new IllegalArgumentException("shadowQueue must be >= 1 but was: " + capacity);
      }
      this.shadowQueue = capacity;
      return this;
    }

    /**
     * @return the service
     * @throws IllegalStateException if no model was set, the builder was used already, or a
     *     cache expiry was set without a cache
     */
    public PredictionService build() {
      if (built) {
        throw new IllegalStateException("this builder has built its service already; start a new builder");
      }
      if (model == null) {
        throw new IllegalStateException("model(version, predictor) must be set before build()");
      }
      if (cacheExpiry != null && (cacheSize == null || cacheSize == 0)) {
        throw new IllegalStateException("cacheExpiry (" + cacheExpiry + ") needs a cache, but cacheSize is "
            + (cacheSize == null ? "unset" : "0"));
      }
      if (modelExecutor != null && deadline == null) {
        throw new IllegalStateException("modelExecutor (" + modelExecutor + ") is used only with a deadline, "
            + "which is unset");
      }
      built = true;
      return new LocalPredictionService(this);
    }

    private static void once(Object old, String option, Object shown) {
      if (old != null) {
        throw new IllegalStateException(option + " was already set to " + shown);
      }
    }

    private static Duration positive(Duration d, String option) {
      Objects.requireNonNull(d, option);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(option + " must be positive but was: " + d);
      }
      return d;
    }
  }
}
