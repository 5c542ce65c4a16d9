package dev.mlsys.cli.quickstart;

import dev.mlsys.api.Calibrator;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.cli.report.Svg;
import dev.mlsys.cli.report.TextTable;
import dev.mlsys.eval.calibration.Calibrators;
import dev.mlsys.models.artifact.Artifacts;
import dev.mlsys.models.artifact.ModelArtifact;
import dev.mlsys.models.artifact.Provenance;
import dev.mlsys.serving.CacheStats;
import dev.mlsys.serving.PredictionService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Step 6: save the best model as a verified artifact, load it back (every checksum checked),
 * serve it through a cached {@link PredictionService}, replay the test part twice (cold, then
 * from the cache), and hot-swap versions under load with zero failed or mixed predictions.
 */
final class ServingStep {
  static final int SWAP_MILLIS = 1000;
  /** How close compiled probabilities must be: XGBoost computes in float. */
  static final double COMPILED_TOLERANCE = 1e-6;

  private ServingStep() {}

  static void run(Session session, Prepared data, Candidate best, Candidate second, Calibrated calibrated) {
    Path dir = session.options.out().resolve("model");
    if (Files.isRegularFile(dir.resolve("manifest.json"))) {
      Quickstart.deleteRecursively(dir);  // the artifact of an earlier run into the same folder
    }
    ModelArtifact.Builder artifact = ModelArtifact.builder(best.model()).schema(data.dataset().schema())
        .pipeline(data.pipeline()).metrics(best.metrics()).provenance(Provenance.of(best.trainer(), data.train()));
    if (calibrated != null) {
      artifact.calibratorJson(calibrated.calibrator().toJson());
    }
    Artifacts.save(artifact.build(), dir);
    ModelArtifact loaded = Artifacts.load(dir);
    Predictor v1 = loaded.predictor();
    Calibrator calibrator = loaded.calibratorJson().map(Calibrators::fromJson).orElse(null);
    long identical = data.testRows().stream()
        .filter(r -> v1.predict(r).probabilities().equals(best.model().onRows(data.pipeline()).predict(r).probabilities()))
        .count();
    session.say("saved to %s, reloaded with every SHA-256 checksum verified; %d/%d test predictions identical to"
        + " the in-memory model", session.options.out().relativize(dir), identical, data.testRows().size());
    Predictor compiled = loaded.compiledPredictor();
    long agreeing = data.testRows().stream().filter(r -> agree(v1.predict(r), compiled.predict(r))).count();
    double modelMicros = microsPerRow(v1, data.testRows());
    double compiledMicros = microsPerRow(compiled, data.testRows());
    session.say("compiled into flat arrays: %d/%d test predictions agree (same label, probabilities within 1e-6);"
        + " %.2f us a row against the model's %.2f us", agreeing, data.testRows().size(), compiledMicros,
        modelMicros);

    List<Map<String, Object>> records = new ArrayList<>();
    for (Row r : data.testRows()) {
      records.add(r.withoutLabel().toMap());
    }
    PredictionService.Builder builder = PredictionService.builder(data.dataset().schema()).model("v1", compiled)
        .cacheSize(10_000);
    if (calibrator != null) {
      builder.calibrator(calibrator);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    try (PredictionService service = builder.build()) {
      long[] cold = replay(service, records);
      long[] warm = replay(service, records);
      CacheStats cache = service.stats().cache();
      TextTable table = new TextTable("pass", "requests", "p50 us", "p90 us", "p99 us", "max us");
      table.row("1 (cold)", cold.length, us(cold, 0.5), us(cold, 0.9), us(cold, 0.99), us(cold, 1));
      table.row("2 (cached)", warm.length, us(warm, 0.5), us(warm, 0.9), us(warm, 0.99), us(warm, 1));
      session.table(table);
      session.say("cache: %d hits, %d misses, hit rate %.1f%%", cache.hits(), cache.misses(), 100 * cache.hitRate());

      Swap swap = hotSwap(service, records, compiled, second.model().onRows(data.pipeline()));
      session.say("hot swap: %d deploys while 2 threads sent %d requests: %d failed, %d mixed", swap.deploys(),
          swap.requests(), swap.failed(), swap.mixed());
      json.put("artifact", session.options.out().relativize(dir).toString());
      json.put("identicalAfterReload", identical);
      json.put("compiledAgreeing", agreeing);
      json.put("compiledMicrosPerRow", compiledMicros);
      json.put("modelMicrosPerRow", modelMicros);
      json.put("testRows", data.testRows().size());
      json.put("coldLatencyMicros", percentiles(cold));
      json.put("cachedLatencyMicros", percentiles(warm));
      json.put("cacheHits", cache.hits());
      json.put("cacheMisses", cache.misses());
      json.put("cacheHitRate", cache.hitRate());
      json.put("swapDeploys", swap.deploys());
      json.put("swapRequests", swap.requests());
      json.put("swapFailed", swap.failed());
      json.put("swapMixed", swap.mixed());
      session.json.put("serving", json);

      double[] all = new double[cold.length + warm.length];
      for (int i = 0; i < cold.length; i++) {
        all[i] = cold[i] / 1e3;
        all[cold.length + i] = warm[i] / 1e3;
      }
      session.html.lead("cached predict, median", us(warm, 0.5) + " us")
          .lead("failed requests during " + swap.deploys() + " hot swaps", Long.toString(swap.failed()));
      session.html.section("serving", "6. Serving", "The saved artifact, reloaded with its checksums verified, compiled"
          + " into flat arrays and served with a cache; the test part replayed twice, then versions hot-swapped under"
          + " load.")
          .kpis().kpi("p50 cold", us(cold, 0.5) + " us").kpi("p50 cached", us(warm, 0.5) + " us")
          .kpi("a row, compiled / model", TextTable.num(compiledMicros, 2) + " / " + TextTable.num(modelMicros, 2) + " us")
          .kpi("cache hit rate", TextTable.num(100 * cache.hitRate(), 1) + " %")
          .kpi("failed during swaps", swap.failed() + " of " + swap.requests()).endKpis()
          .charts(List.of(histogram("Latency per request (us, log-spaced bins), both passes", cold, warm)))
          .end();
    }
  }

  private static boolean agree(Prediction model, Prediction compiled) {
    if (!model.label().equals(compiled.label())
        || !model.probabilities().keySet().equals(compiled.probabilities().keySet())) {
      return false;
    }
    return model.probabilities().keySet().stream()
        .allMatch(c -> Math.abs(model.probability(c) - compiled.probability(c)) <= COMPILED_TOLERANCE);
  }

  /** The fastest of five passes over the rows, per row. */
  private static double microsPerRow(Predictor predictor, List<Row> rows) {
    long best = Long.MAX_VALUE;
    for (int pass = 0; pass < 5; pass++) {
      long start = System.nanoTime();
      for (Row r : rows) {
        predictor.predict(r);
      }
      best = Math.min(best, System.nanoTime() - start);
    }
    return best / 1e3 / rows.size();
  }

  private static long[] replay(PredictionService service, List<Map<String, Object>> records) {
    long[] nanos = new long[records.size()];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      service.predict(records.get(i));
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  /** Outcome of the hot-swap drill. */
  record Swap(int deploys, long requests, long failed, long mixed) {}

  /**
   * Two threads replay the records while the main thread alternates versions v1 and v2 every
   * two milliseconds; every answer must carry one version and equal that version's answer.
   */
  static Swap hotSwap(PredictionService service, List<Map<String, Object>> records, Predictor v1, Predictor v2) {
    Map<String, List<Prediction>> expected = new LinkedHashMap<>();
    expected.put("v1", replayPredictions(service, records));
    service.deploy("v2", v2);
    expected.put("v2", replayPredictions(service, records));
    service.rollback();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong requests = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong mixed = new AtomicLong();
    CountDownLatch done = new CountDownLatch(2);
    for (int t = 0; t < 2; t++) {
      int offset = t * records.size() / 2;
      Thread worker = new Thread(() -> {
        int i = offset;
        while (!stop.get()) {
          int k = i++ % records.size();
          try {
            Prediction p = service.predict(records.get(k));
            List<Prediction> want = expected.get(p.modelVersion());
            if (want == null || !want.get(k).probabilities().equals(p.probabilities())
                || !want.get(k).label().equals(p.label())) {
              mixed.incrementAndGet();
            }
          } catch (RuntimeException e) {
            failed.incrementAndGet();
          }
          requests.incrementAndGet();
        }
        done.countDown();
      }, "quickstart-client-" + t);
      worker.setDaemon(true);
      worker.start();
    }
    int deploys = 0;
    long end = System.nanoTime() + SWAP_MILLIS * 1_000_000L;
    try {
      while (System.nanoTime() < end) {
        service.deploy(deploys % 2 == 0 ? "v2" : "v1", deploys % 2 == 0 ? v2 : v1);
        deploys++;
        Thread.sleep(2);
      }
      stop.set(true);
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Swap(deploys, requests.get(), failed.get(), mixed.get());
  }

  private static List<Prediction> replayPredictions(PredictionService service, List<Map<String, Object>> records) {
    List<Prediction> out = new ArrayList<>(records.size());
    records.forEach(r -> out.add(service.predict(r)));
    return out;
  }

  /** Latencies span orders of magnitude (a cold JIT path, cache hits): bins are log-spaced. */
  private static String histogram(String title, long[] cold, long[] warm) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (long[] pass : List.of(cold, warm)) {
      for (long n : pass) {
        lo = Math.min(lo, n / 1e3);
        hi = Math.max(hi, n / 1e3);
      }
    }
    lo = Math.max(0.1, Math.floor(lo));
    hi = Math.max(hi, lo * 2);
    int bins = 24;
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = lo * Math.pow(hi / lo, i / (double) bins);
    }
    edges[bins] = Math.nextUp(hi);
    return Svg.histogram(title, edges, List.of(counts(cold, edges), counts(warm, edges)),
        List.of("pass 1 (cold)", "pass 2 (cached)"), "requests");
  }

  private static double[] counts(long[] nanos, double[] edges) {
    double[] c = new double[edges.length - 1];
    for (long n : nanos) {
      int b = java.util.Arrays.binarySearch(edges, n / 1e3);
      b = b >= 0 ? b : -b - 2;
      c[Math.max(0, Math.min(c.length - 1, b))]++;
    }
    return c;
  }

  private static Map<String, Object> percentiles(long[] nanos) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p50", percentile(nanos, 0.5) / 1e3);
    m.put("p90", percentile(nanos, 0.9) / 1e3);
    m.put("p99", percentile(nanos, 0.99) / 1e3);
    m.put("max", percentile(nanos, 1) / 1e3);
    return m;
  }

  private static String us(long[] nanos, double q) {
    return TextTable.num(percentile(nanos, q) / 1e3, 1);
  }

  /** Nearest-rank percentile. */
  static double percentile(long[] values, double q) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
