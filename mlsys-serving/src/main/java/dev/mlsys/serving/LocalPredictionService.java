package dev.mlsys.serving;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import dev.mlsys.api.Calibrator;
import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.MlsysException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.PredictionEvent;
import dev.mlsys.api.PredictionListener;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Schema;
import dev.mlsys.api.Violation;
import dev.mlsys.serving.routing.Router;
import dev.mlsys.serving.routing.Routers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The in-process {@link PredictionService}. The request path reads one volatile
 * {@link Deployment} snapshot and never locks; deployment changes are serialised on
 * {@link #lock} and publish a new snapshot.
 */
final class LocalPredictionService implements PredictionService {
  private static final int DEFAULT_HISTORY = 8;
  private static final int DEFAULT_SHADOW_QUEUE = 1024;
  private static final PredictionListener[] NO_LISTENERS = {};

  private final Schema schema;
  private final int labelIndex;
  private final Postprocessor post;
  private final Calibrator serviceCalibrator;
  private final Cache<CacheKey, Prediction> cache;
  private final Policy<CacheKey, Prediction> cachePolicy;
  private final ConcurrentHashMap<CacheKey, CompletableFuture<Prediction>> inFlight;
  private final long deadlineNanos;
  private final Executor modelExecutor;
  private final ExecutorService ownedModelExecutor;
  private final Predictor fallback;
  private final Prediction fallbackPrediction;
  private final RecentRows recent;
  private final int historyLimit;
  private final int shadowQueue;
  private final AtomicLong generations = new AtomicLong();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder listenerErrors = new LongAdder();
  private final Object lock = new Object();

  private volatile Deployment deployment;
  private volatile PredictionListener[] listeners;
  /** The statistics of the last shadow, kept after it stops; guarded by {@link #lock}. */
  private ShadowRun lastShadow;
  /** Created with the first shadow, under {@link #lock}. */
  private volatile ThreadPoolExecutor shadowExecutor;

  LocalPredictionService(PredictionService.Builder b) {
    this.schema = b.schema;
    this.labelIndex = schema.label().isPresent() ? schema.allFields().size() - 1 : -1;
    this.post = new Postprocessor(schema);
    this.serviceCalibrator = b.calibrator;
    long size = b.cacheSize == null ? 0 : b.cacheSize;
    if (size > 0) {
      // Eviction and expiry bookkeeping run on the calling thread, amortised over requests, rather
      // than as a task handed to the common pool after writes: a miss then wakes no other thread.
      Caffeine<Object, Object> c = Caffeine.newBuilder().maximumSize(size).recordStats().executor(Runnable::run);
      if (b.cacheExpiry != null) {
        c.expireAfterWrite(b.cacheExpiry);
      }
      this.cache = c.build();
      this.cachePolicy = cache.policy();
      this.inFlight = new ConcurrentHashMap<>();
    } else {
      this.cache = null;
      this.cachePolicy = null;
      this.inFlight = null;
    }
    if (b.deadline != null) {
      this.deadlineNanos = b.deadline.toNanos();
      if (b.modelExecutor != null) {
        this.modelExecutor = b.modelExecutor;
        this.ownedModelExecutor = null;
      } else {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1024 * threads), daemonThreads("mlsys-serving-model-"),
            new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.modelExecutor = pool;
        this.ownedModelExecutor = pool;
      }
    } else {
      this.deadlineNanos = 0;
      this.modelExecutor = null;
      this.ownedModelExecutor = null;
    }
    this.fallback = b.fallback;
    this.fallbackPrediction = b.fallbackPrediction;
    this.recent = b.warmUp == null || b.warmUp == 0 ? null : new RecentRows(b.warmUp);
    this.historyLimit = b.history == null ? DEFAULT_HISTORY : b.history;
    this.shadowQueue = b.shadowQueue == null ? DEFAULT_SHADOW_QUEUE : b.shadowQueue;
    this.listeners = b.listener == null ? NO_LISTENERS : new PredictionListener[] {b.listener};
    this.deployment = Deployment.initial(newVersion(b.version, b.model));
  }

  // ---------------------------------------------------------------- request path

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Prediction predict(Map<String, ?> values, String entityKey) {
    Row row;
    try {
      row = schema.row(values);
    } catch (InvalidInputException e) {
      rejected.increment();
      throw e;
    }
    return serve(row, entityKey);
  }

  @Override
  public Prediction predict(Row row, String entityKey) {
    return serve(checkSchema(row), entityKey);
  }

  @Override
  public List<Prediction> predictAll(List<? extends Map<String, ?>> records) {
    Objects.requireNonNull(records, "records");
    Row[] rows = new Row[records.size()];
    List<Violation> violations = new ArrayList<>(0);
    for (int i = 0; i < rows.length; i++) {
      Map<String, ?> record = records.get(i);
      if (record == null) {
        violations.add(new Violation("[" + i + "]", null, Rule.MISSING_REQUIRED,
            "is a null record"));
        continue;
      }
      try {
        rows[i] = schema.row(record);
      } catch (InvalidInputException e) {
        rejected.increment();
        for (Violation v : e.violations()) {
          violations.add(new Violation("[" + i + "]." + v.field(), v.value(), v.rule(), v.expected()));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return Arrays.stream(rows).parallel().map(r -> serve(r, null)).toList();
  }

  @Override
  public Stream<Prediction> predictAll(Stream<? extends Map<String, ?>> records) {
    Objects.requireNonNull(records, "records");
    return records.parallel().map(r -> predict(r, null));
  }

  @Override
  public List<Prediction> predictRows(List<Row> rows) {
    Objects.requireNonNull(rows, "rows");
    Row[] checked = new Row[rows.size()];
    for (int i = 0; i < checked.length; i++) {
      checked[i] = checkSchema(rows.get(i));
    }
    return Arrays.stream(checked).parallel().map(r -> serve(r, null)).toList();
  }

  private Row checkSchema(Row row) {
    Objects.requireNonNull(row, "row");
    if (row.schema() != schema && !row.schema().equals(schema)) {
      throw new IncompatibleSchemaException("row has schema " + row.schema() + " but the service serves "
          + schema);
    }
    return row;
  }

  /** Serves a validated row of this service's schema. */
  private Prediction serve(Row row, String entityKey) {
    Deployment d = deployment;
    if (d.closed()) {
      throw new IllegalStateException("the prediction service is closed");
    }
    PredictionListener[] ls = listeners;
    long start = ls.length != 0 || deadlineNanos != 0 ? System.nanoTime() : 0L;
    Row canonical = labelIndex >= 0 && row.get(labelIndex) != null ? row.withoutLabel() : row;
    ModelVersion v = d.router() == null ? d.active() : d.resolve(d.router().route(
        entityKey == null ? Routers.mix(canonical.hashCode()) : Routers.entityHash(entityKey), d.active().version));
    Prediction p;
    Throwable error = null;
    try {
      if (cache == null) {
        p = answerUncached(v, canonical, start);
      } else {
        CacheKey key = new CacheKey(v.generation, canonical);
        p = cache.getIfPresent(key);
        if (p != null) {
          v.cacheHits.increment();
        } else {
          p = answerCached(v, canonical, key, start);
        }
      }
    } catch (ModelFailure failure) {
      error = failure.deadline
          ? new PredictionFailedException(v.version, true, String.format(Locale.ROOT,
              "version '%s' missed the deadline of %.3f ms", v.version, deadlineNanos / 1e6), null)
          : failure.getCause();
      p = answerFallback(v, row, failure.deadline, error, ls, start);
    }
    if (d.shadow() != null && p.origin() != Prediction.Origin.FALLBACK) {
      shadow(d.shadow(), canonical, p);
    }
    if (ls.length != 0) {
      notify(ls, row, p, v.version, start, error);
    }
    return p;
  }

  /** Looks up, or computes once for all concurrent requests, the answer for a cache miss. */
  private Prediction answerCached(ModelVersion v, Row row, CacheKey key, long start) {
    CompletableFuture<Prediction> mine = new CompletableFuture<>();
    CompletableFuture<Prediction> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      Prediction p = await(v, running, start).withOrigin(Prediction.Origin.CACHE);
      v.cacheHits.increment();
      return p;
    }
    // another request may have finished this key between our lookup and our claim
    Prediction cached = cachePolicy.getIfPresentQuietly(key);
    if (cached != null) {
      inFlight.remove(key, mine);
      mine.complete(cached);
      v.cacheHits.increment();
      return cached;
    }
    if (deadlineNanos == 0) {
      computeInto(v, row, key, mine);
    } else {
      try {
        modelExecutor.execute(() -> computeInto(v, row, key, mine));
      } catch (RejectedExecutionException e) {
        inFlight.remove(key, mine);
        mine.completeExceptionally(e);
      }
    }
    Prediction p = await(v, mine, start);
    v.modelAnswers.increment();
    return p;
  }

  /** Computes a fresh answer, publishes it to the cache, then to the waiting requests. */
  private void computeInto(ModelVersion v, Row row, CacheKey key, CompletableFuture<Prediction> target) {
    Prediction p;
    try {
      p = compute(v, row);
    } catch (RuntimeException | Error e) {
      inFlight.remove(key, target);
      target.completeExceptionally(e);
      if (e instanceof Error err) {
        throw err;
      }
      return;
    }
    cache.put(key, p.withOrigin(Prediction.Origin.CACHE));
    inFlight.remove(key, target);
    target.complete(p);
  }

  private Prediction answerUncached(ModelVersion v, Row row, long start) {
    Prediction p;
    if (deadlineNanos == 0) {
      try {
        p = compute(v, row);
      } catch (RuntimeException e) {
        throw new ModelFailure(e, false);
      }
    } else {
      CompletableFuture<Prediction> f = new CompletableFuture<>();
      try {
        modelExecutor.execute(() -> {
          try {
            f.complete(compute(v, row));
          } catch (RuntimeException | Error e) {
            f.completeExceptionally(e);
          }
        });
      } catch (RejectedExecutionException e) {
        f.completeExceptionally(e);
      }
      p = await(v, f, start);
    }
    v.modelAnswers.increment();
    return p;
  }

  /** Waits for an answer, within the deadline if there is one. */
  private Prediction await(ModelVersion v, CompletableFuture<Prediction> f, long start) {
    try {
      if (deadlineNanos == 0) {
        return f.join();
      }
      long remaining = deadlineNanos - (System.nanoTime() - start);
      return f.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
    } catch (CompletionException | ExecutionException e) {
      throw new ModelFailure(e.getCause() != null ? e.getCause() : e, false);
    } catch (TimeoutException e) {
      throw new ModelFailure(null, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelFailure(e, false);
    }
  }

  /** Runs the model and post-processing on the calling thread. */
  private Prediction compute(ModelVersion v, Row row) {
    Prediction raw = v.predictor.predict(row);
    if (raw == null) {
      throw new MlsysException("version '" + v.version + "' returned null for " + row);
    }
    Prediction p = post.model(raw, v);
    if (recent != null) {
      recent.add(row);
    }
    return p;
  }

  /** Answers a failed request with the fallback, or throws; either way the failure is counted and reported. */
  private Prediction answerFallback(ModelVersion v, Row row, boolean deadline, Throwable error,
      PredictionListener[] ls, long start) {
    (deadline ? v.deadlinesExceeded : v.errors).increment();
    PredictionFailedException problem = deadline
        ? (PredictionFailedException) error
        : new PredictionFailedException(v.version, false, "version '" + v.version + "' failed: " + error, error);
    if (fallback == null && fallbackPrediction == null) {
      v.failed.increment();
      if (ls.length != 0) {
        notify(ls, row, null, v.version, start, error);
      }
      throw problem;
    }
    try {
      Prediction raw = fallback != null ? fallback.predict(row) : fallbackPrediction;
      if (raw == null) {
        throw new MlsysException("the fallback returned null for " + row);
      }
      Prediction p = post.fallback(raw, v.version);
      v.fallbacks.increment();
      return p;
    } catch (RuntimeException e) {
      v.failed.increment();
      problem.addSuppressed(e);
      if (ls.length != 0) {
        notify(ls, row, null, v.version, start, error);
      }
      throw problem;
    }
  }

  private void notify(PredictionListener[] ls, Row row, Prediction p, String version, long start, Throwable error) {
    long latency = System.nanoTime() - start;
    PredictionEvent event = new PredictionEvent(row, p, version, latency,
        System.currentTimeMillis() - latency / 1_000_000, error);
    for (PredictionListener l : ls) {
      try {
        l.onPrediction(event);
      } catch (RuntimeException e) {
        listenerErrors.increment();
      }
    }
  }

  private void shadow(ShadowRun run, Row row, Prediction primary) {
    ThreadPoolExecutor executor = shadowExecutor;
    if (executor == null) {
      return;
    }
    executor.execute(new ShadowTask(run, row, primary));
  }

  /** A shadow call; dropped (and counted) by the executor's rejection handler when the queue is full. */
  private final class ShadowTask implements Runnable {
    final ShadowRun run;
    final Row row;
    final Prediction primary;

    ShadowTask(ShadowRun run, Row row, Prediction primary) {
      this.run = run;
      this.row = row;
      this.primary = primary;
    }

    @Override
    public void run() {
      Prediction answer;
      try {
        answer = compute(run.version, row);
      } catch (RuntimeException e) {
        run.failures.increment();
        return;
      }
      run.compare(primary, answer);
    }
  }

  /** A model failure on its way to the fallback; carries no stack trace of its own. */
  private static final class ModelFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean deadline;

    ModelFailure(Throwable cause, boolean deadline) {
      super(null, cause, false, false);
      this.deadline = deadline;
    }
  }

  // ---------------------------------------------------------------- versions

  static String checkVersion(String version) {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("version must be non-blank but was: "
          + (version == null ? "null" : "'" + version + "'"));
    }
    return version;
  }

  private ModelVersion newVersion(String version, ServedModel model) {
    checkVersion(version);
    Objects.requireNonNull(model, "model");
    ModelVersion v = new ModelVersion(version, generations.incrementAndGet(), model, serviceCalibrator);
    if (v.calibrator != null && !post.calibratable()) {
      throw new IllegalArgumentException("version '" + version + "' has a calibrator, but the schema's label is "
          + schema.label().map(f -> "'" + f.name() + "' (" + f.type().id() + ")").orElse("absent")
          + "; calibration needs a categorical label");
    }
    return v;
  }

  /** Predicts the recent rows with a new version, filling the cache; any failure aborts the deployment. */
  private void warmUp(ModelVersion v) {
    if (recent == null) {
      return;
    }
    for (Row row : recent.snapshot()) {
      Prediction p;
      try {
        p = compute(v, row);
      } catch (RuntimeException e) {
        throw new MlsysException("version '" + v.version + "' failed warm-up on " + row
            + "; it was not deployed: " + e, e);
      }
      if (cache != null) {
        cache.put(new CacheKey(v.generation, row), p.withOrigin(Prediction.Origin.CACHE));
      }
    }
  }

  @Override
  public void deploy(String version, ServedModel model) {
    ModelVersion v = newVersion(version, model);
    ensureOpen(deployment);
    warmUp(v);
    synchronized (lock) {
      Deployment d = ensureOpen(deployment);
      deployment = d.withActive(v, d.pushHistory(historyLimit));
    }
  }

  @Override
  public void promote(String version) {
    synchronized (lock) {
      Deployment d = ensureOpen(deployment);
      ModelVersion v = d.staged().get(version);
      if (v == null) {
        throw new IllegalArgumentException("version '" + version + "' is not staged; staged versions are "
            + d.staged().keySet());
      }
      deployment = d.withActive(v, d.pushHistory(historyLimit));
    }
  }

  @Override
  public String rollback() {
    synchronized (lock) {
      Deployment d = ensureOpen(deployment);
      if (d.history().isEmpty()) {
        throw new IllegalStateException("there is no earlier version to roll back to; active version is '"
            + d.active().version + "'" + (historyLimit == 0 ? " and history is 0" : ""));
      }
      ModelVersion previous = d.history().get(0);
      deployment = d.withActive(previous, d.history().subList(1, d.history().size()));
      return previous.version;
    }
  }

  @Override
  public String activeVersion() {
    return deployment.active().version;
  }

  @Override
  public void stage(String version, ServedModel model) {
    ModelVersion v = newVersion(version, model);
    ensureOpen(deployment);
    warmUp(v);
    synchronized (lock) {
      Deployment d = ensureOpen(deployment);
      if (d.active().version.equals(version)) {
        throw new IllegalArgumentException("version '" + version + "' is active; stage it under another name "
            + "or deploy it");
      }
      Map<String, ModelVersion> staged = new HashMap<>(d.staged());
      staged.put(version, v);
      Deployment next = d.withStaged(staged);
      if (d.shadow() != null && d.shadow().version.version.equals(version)) {
        ShadowRun run = new ShadowRun(v);
        lastShadow = run;
        next = next.withShadow(run);
      }
      deployment = next;
    }
  }

  @Override
  public void unstage(String version) {
    synchronized (lock) {
      Deployment d = ensureOpen(deployment);
      if (!d.staged().containsKey(version)) {
        throw new IllegalArgumentException("version '" + version + "' is not staged; staged versions are "
            + d.staged().keySet());
      }
      if (d.referenced().contains(version)) {
        throw new IllegalStateException("version '" + version + "' is still used by "
            + (d.shadow() != null && d.shadow().version.version.equals(version) ? "the shadow" : "router " + d.router())
            + "; stop it first");
      }
      Map<String, ModelVersion> staged = new HashMap<>(d.staged());
      staged.remove(version);
      deployment = d.withStaged(staged);
    }
  }

  @Override
  public Set<String> stagedVersions() {
    return Set.copyOf(deployment.staged().keySet());
  }

  @Override
  public void route(Router router) {
    Objects.requireNonNull(router, "router");
    Set<String> names = Set.copyOf(router.versions());
    synchronized (lock) {
      Deployment d = ensureOpen(deployment);
      for (String name : names) {
        if (!d.isDeployed(name)) {
          throw new IllegalArgumentException("router " + router + " routes to version '" + name
              + "', which is neither active ('" + d.active().version + "') nor staged " + d.staged().keySet()
              + "; stage it first");
        }
      }
      deployment = d.withRouter(router);
    }
  }

  @Override
  public void stopRouting() {
    synchronized (lock) {
      deployment = ensureOpen(deployment).withRouter(null);
    }
  }

  @Override
  public Optional<Router> router() {
    return Optional.ofNullable(deployment.router());
  }

  @Override
  public void recordOutcome(Prediction prediction, double reward) {
    Objects.requireNonNull(prediction, "prediction");
    if (prediction.modelVersion() == null) {
      throw new IllegalArgumentException("prediction has no model version; pass a prediction this service returned");
    }
    Router router = deployment.router();
    if (router == null) {
      throw new IllegalStateException("no router is set to record the outcome of version '"
          + prediction.modelVersion() + "'; record it on the A/B test or bandit directly");
    }
    router.recordOutcome(prediction.modelVersion(), reward);
  }

  @Override
  public void shadow(String version) {
    synchronized (lock) {
      Deployment d = ensureOpen(deployment);
      ModelVersion v = d.staged().get(version);
      if (v == null) {
        throw new IllegalArgumentException("version '" + version + "' is not staged; stage it before shadowing; "
            + "staged versions are " + d.staged().keySet());
      }
      if (shadowExecutor == null) {
        shadowExecutor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(shadowQueue),
            daemonThreads("mlsys-serving-shadow-"), (task, executor) -> ((ShadowTask) task).run.dropped.increment());
        shadowExecutor.allowCoreThreadTimeOut(true);
      }
      ShadowRun run = new ShadowRun(v);
      lastShadow = run;
      deployment = d.withShadow(run);
    }
  }

  @Override
  public void stopShadow() {
    synchronized (lock) {
      deployment = ensureOpen(deployment).withShadow(null);
    }
  }

  @Override
  public Optional<ShadowStats> shadowStats() {
    synchronized (lock) {
      return Optional.ofNullable(lastShadow).map(ShadowRun::stats);
    }
  }

  // ---------------------------------------------------------------- observability and lifecycle

  @Override
  public void addListener(PredictionListener listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (lock) {
      PredictionListener[] ls = Arrays.copyOf(listeners, listeners.length + 1);
      ls[ls.length - 1] = listener;
      listeners = ls;
    }
  }

  @Override
  public boolean removeListener(PredictionListener listener) {
    synchronized (lock) {
      List<PredictionListener> ls = new ArrayList<>(Arrays.asList(listeners));
      boolean removed = ls.remove(listener);
      listeners = ls.isEmpty() ? NO_LISTENERS : ls.toArray(new PredictionListener[0]);
      return removed;
    }
  }

  @Override
  public ServingStats stats() {
    Deployment d = deployment;
    List<VersionStats> versions = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    versions.add(d.active().stats(VersionStats.Role.ACTIVE));
    seen.add(d.active().generation);
    d.staged().values().stream().sorted((a, b) -> a.version.compareTo(b.version)).forEach(v -> {
      if (seen.add(v.generation)) {
        versions.add(v.stats(VersionStats.Role.STAGED));
      }
    });
    for (ModelVersion v : d.history()) {
      if (seen.add(v.generation)) {
        versions.add(v.stats(VersionStats.Role.PREVIOUS));
      }
    }
    CacheStats cacheStats = CacheStats.DISABLED;
    if (cache != null) {
      com.github.benmanes.caffeine.cache.stats.CacheStats s = cache.stats();
      cacheStats = new CacheStats(true, cache.estimatedSize(), s.hitCount(), s.missCount(), s.evictionCount());
    }
    return new ServingStats(d.active().version, versions, cacheStats, rejected.sum(), listenerErrors.sum());
  }

  @Override
  public void close() {
    synchronized (lock) {
      Deployment d = deployment;
      if (d.closed()) {
        return;
      }
      deployment = d.closedCopy();
      if (ownedModelExecutor != null) {
        ownedModelExecutor.shutdown();
      }
      if (shadowExecutor != null) {
        shadowExecutor.shutdown();
      }
    }
    if (cache != null) {
      cache.invalidateAll();
    }
  }

  private static Deployment ensureOpen(Deployment d) {
    if (d.closed()) {
      throw new IllegalStateException("the prediction service is closed");
    }
    return d;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public String toString() {
    Deployment d = deployment;
    return "PredictionService[active=" + d.active() + ", staged=" + d.staged().keySet()
        + (d.router() != null ? ", router=" + d.router() : "") + (d.shadow() != null ? ", shadow="
        + d.shadow().version : "") + (cache != null ? ", cache" : "") + (d.closed() ? ", closed" : "") + "]";
  }
}
