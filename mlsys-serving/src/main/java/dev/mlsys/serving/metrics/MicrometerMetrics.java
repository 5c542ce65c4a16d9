package dev.mlsys.serving.metrics;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.PredictionEvent;
import dev.mlsys.api.PredictionListener;
import dev.mlsys.serving.PredictionFailedException;
import dev.mlsys.serving.PredictionService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Publishes a {@link PredictionService}'s metrics to a Micrometer {@link MeterRegistry}. Micrometer
 * is an optional dependency of mlsys-serving: only this package needs it on the class path.
 *
 * <pre>{@code
 * try (MicrometerMetrics metrics = MicrometerMetrics.bind(service, registry, Tags.of("model", "churn"))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Meters (all with the given tags):
 * <ul>
 *   <li>{@code mlsys.serving.requests} timer, tagged {@code version} and {@code origin}
 *       ({@code model}, {@code cache}, {@code fallback} or {@code failed}): latency and count of
 *       every request;
 *   <li>{@code mlsys.serving.failures} counter, tagged {@code version} and {@code kind}
 *       ({@code error} or {@code deadline}): model failures, whether a fallback answered or not;
 *   <li>{@code mlsys.serving.cache.hits}, {@code .misses}, {@code .evictions} function counters
 *       and {@code mlsys.serving.cache.size} gauge;
 *   <li>{@code mlsys.serving.rejected} (invalid inputs) and {@code mlsys.serving.listener.errors}
 *       function counters.
 * </ul>
 *
 * <p>Thread-safety: safe for concurrent use. {@link #close()} removes the listener and the meters.
 */
public final class MicrometerMetrics implements PredictionListener, AutoCloseable {
  private static final String[] ORIGINS = {"model", "cache", "fallback", "failed"};

  private final PredictionService service;
  private final MeterRegistry registry;
  private final Tags tags;
  private final ConcurrentHashMap<String, Timer[]> timers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Counter[]> failures = new ConcurrentHashMap<>();
  private final List<Meter> meters = new ArrayList<>();

  private MicrometerMetrics(PredictionService service, MeterRegistry registry, Tags tags) {
    this.service = service;
    this.registry = registry;
    this.tags = tags;
  }

  /**
   * Registers the meters and starts listening to the service.
   *
   * @param service the service to observe
   * @param registry where meters are registered
   * @param tags tags added to every meter (for example the model's name)
   * @return the binding; close it to unregister
   * @throws NullPointerException if an argument is null
   */
  public static MicrometerMetrics bind(PredictionService service, MeterRegistry registry, Iterable<Tag> tags) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(registry, "registry");
    MicrometerMetrics m = new MicrometerMetrics(service, registry, Tags.of(Objects.requireNonNull(tags, "tags")));
    m.registerServiceMeters();
    service.addListener(m);
    return m;
  }

  /**
   * @param service the service to observe
   * @param registry where meters are registered
   * @return the binding, without extra tags
   */
  public static MicrometerMetrics bind(PredictionService service, MeterRegistry registry) {
    return bind(service, registry, Tags.empty());
  }

  private void registerServiceMeters() {
    counter("mlsys.serving.cache.hits", "cache lookups that found a prediction", s -> s.stats().cache().hits());
    counter("mlsys.serving.cache.misses", "cache lookups that found none", s -> s.stats().cache().misses());
    counter("mlsys.serving.cache.evictions", "cache entries evicted", s -> s.stats().cache().evictions());
    counter("mlsys.serving.rejected", "requests rejected by schema validation", s -> s.stats().rejectedInputs());
    counter("mlsys.serving.listener.errors", "exceptions thrown by prediction listeners",
        s -> s.stats().listenerErrors());
    meters.add(Gauge.builder("mlsys.serving.cache.size", service, s -> s.stats().cache().size())
        .description("estimated number of cached predictions").tags(tags).register(registry));
  }

  private void counter(String name, String description, ToDoubleFunction<PredictionService> f) {
    meters.add(FunctionCounter.builder(name, service, f).description(description).tags(tags).register(registry));
  }

  @Override
  public void onPrediction(PredictionEvent event) {
    Prediction p = event.prediction();
    int origin = p == null ? 3 : p.origin().ordinal();
    String version = event.modelVersion();
    timers.computeIfAbsent(version, this::timersFor)[origin].record(event.latencyNanos(), TimeUnit.NANOSECONDS);
    if (event.error() != null) {
      boolean deadline = event.error() instanceof PredictionFailedException f && f.deadlineExceeded();
      failures.computeIfAbsent(version, this::countersFor)[deadline ? 1 : 0].increment();
    }
  }

  private Timer[] timersFor(String version) {
    Timer[] out = new Timer[ORIGINS.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Timer.builder("mlsys.serving.requests").description("served requests by version and origin")
          .tags(tags).tag("version", version).tag("origin", ORIGINS[i]).register(registry);
      synchronized (meters) {
        meters.add(out[i]);
      }
    }
    return out;
  }

  private Counter[] countersFor(String version) {
    String[] kinds = {"error", "deadline"};
    Counter[] out = new Counter[kinds.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Counter.builder("mlsys.serving.failures").description("model failures by version and kind")
          .tags(tags).tag("version", version).tag("kind", kinds[i]).register(registry);
      synchronized (meters) {
        meters.add(out[i]);
      }
    }
    return out;
  }

  /** Stops listening and removes every meter this binding registered. */
  @Override
  public void close() {
    service.removeListener(this);
    synchronized (meters) {
      for (Meter m : meters) {
        registry.remove(m);
      }
      meters.clear();
    }
    timers.clear();
    failures.clear();
  }
}
