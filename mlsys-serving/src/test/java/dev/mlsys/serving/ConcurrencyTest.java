package dev.mlsys.serving;

import static dev.mlsys.serving.PredictionServiceTest.AGE_MODEL;
import static dev.mlsys.serving.PredictionServiceTest.SCHEMA;
import static dev.mlsys.serving.PredictionServiceTest.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Prediction.Origin;
import dev.mlsys.api.PredictionEvent;
import dev.mlsys.api.Predictor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  /** A model that blocks until released, counting its calls. */
  static final class GatedModel implements Predictor {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Prediction predict(dev.mlsys.api.Row row) {
      calls.incrementAndGet();
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return AGE_MODEL.predict(row);
    }
  }

  @Test
  void concurrentMissesForTheSameRowComputeOnce() throws Exception {
    GatedModel model = new GatedModel();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", model).cacheSize(100).build()) {
      List<Future<Prediction>> futures = new ArrayList<>();
      futures.add(pool.submit(() -> s.predict(record(33, "pro"))));
      assertTrue(model.entered.await(10, TimeUnit.SECONDS));
      for (int i = 1; i < threads; i++) {
        futures.add(pool.submit(() -> s.predict(record(33, "pro"))));
      }
      // let the waiters reach the in-flight computation before releasing it
      Thread.sleep(100);
      model.release.countDown();
      int fromModel = 0;
      for (Future<Prediction> f : futures) {
        Prediction p = f.get(10, TimeUnit.SECONDS);
        assertEquals(0.33, p.probability("yes"), 1e-15);
        fromModel += p.origin() == Origin.MODEL ? 1 : 0;
      }
      assertEquals(1, model.calls.get());
      assertEquals(1, fromModel);
      VersionStats v1 = s.stats().version("v1").orElseThrow();
      assertEquals(threads, v1.requests());
      assertEquals(1, v1.modelAnswers());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMissedDeadlineIsAnsweredByTheFallbackAndTheLateAnswerStillFillsTheCache() throws Exception {
    GatedModel model = new GatedModel();
    List<PredictionEvent> events = new CopyOnWriteArrayList<>();
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", model).cacheSize(100)
        .deadline(Duration.ofMillis(50)).fallback(Prediction.of("no", Map.of("no", 1.0, "yes", 0.0)))
        .listener(events::add).build()) {
      long start = System.nanoTime();
      Prediction p = s.predict(record(60, "pro"));
      long waitedMs = (System.nanoTime() - start) / 1_000_000;
      assertEquals(Origin.FALLBACK, p.origin());
      assertEquals("v1", p.modelVersion());
      assertTrue(waitedMs < 5_000, "the request must not wait for the model: " + waitedMs + " ms");
      VersionStats v1 = s.stats().version("v1").orElseThrow();
      assertEquals(1, v1.deadlinesExceeded());
      assertEquals(1, v1.fallbacks());
      PredictionFailedException error = assertInstanceOf(PredictionFailedException.class, events.get(0).error());
      assertTrue(error.deadlineExceeded());
      assertEquals("version 'v1' missed the deadline of 50.000 ms", error.getMessage());
      model.release.countDown();
      // the model finishes in the background and publishes its answer
      Prediction later = null;
      for (int i = 0; i < 200 && (later == null || later.origin() != Origin.CACHE); i++) {
        Thread.sleep(10);
        later = s.predict(record(60, "pro"));
      }
      assertEquals(Origin.CACHE, later.origin());
      assertEquals(0.6, later.probability("yes"), 1e-15);
      assertEquals(1, model.calls.get());
    }
  }

  @Test
  void withoutAFallbackAMissedDeadlineThrows() {
    GatedModel model = new GatedModel();
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", model)
        .deadline(Duration.ofMillis(20)).build()) {
      PredictionFailedException e = assertThrows(PredictionFailedException.class, () -> s.predict(record(1, "pro")));
      assertTrue(e.deadlineExceeded());
      assertEquals("v1", e.version());
      assertEquals(1, s.stats().version("v1").orElseThrow().failed());
    } finally {
      model.release.countDown();
    }
  }

  @Test
  void aFastModelUnderADeadlineAnswersNormallyOnTheModelExecutor() {
    List<String> threads = new CopyOnWriteArrayList<>();
    Predictor model = row -> {
      threads.add(Thread.currentThread().getName());
      return AGE_MODEL.predict(row);
    };
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", model)
        .deadline(Duration.ofSeconds(10)).build()) {
      Prediction p = s.predict(record(20, "free"));
      assertEquals(Origin.MODEL, p.origin());
      assertEquals(0.2, p.probability("yes"), 1e-15);
      assertTrue(threads.get(0).startsWith("mlsys-serving-model-"), threads.toString());
    }
  }

  @Test
  void aModelExceptionUnderADeadlineIsAModelErrorNotATimeout() {
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", row -> {
      throw new IllegalStateException("boom");
    }).cacheSize(10).deadline(Duration.ofSeconds(10)).build()) {
      PredictionFailedException e = assertThrows(PredictionFailedException.class, () -> s.predict(record(1, "pro")));
      assertFalse(e.deadlineExceeded());
      assertEquals("boom", e.getCause().getMessage());
      assertEquals(1, s.stats().version("v1").orElseThrow().errors());
      assertEquals(0, s.stats().cache().size());
    }
  }
}
