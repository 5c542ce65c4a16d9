package dev.mlsys.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Coercion;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.PredictionEvent;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.monitor.profile.Profiler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MonitoringListenerTest {
  static final Schema SCHEMA = Schema.builder().numeric("x").categorical("c", "a", "b").build();

  static DriftMonitor monitor() {
    SplittableRandom rng = new SplittableRandom(1);
    List<Map<String, ?>> ref = new ArrayList<>();
    List<Prediction> preds = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ref.add(Map.of("x", DriftMonitorTest.gaussian(rng), "c", rng.nextBoolean() ? "a" : "b"));
      preds.add(Prediction.of("a", Map.of("a", 0.7, "b", 0.3)));
    }
    return DriftMonitor.builder(SCHEMA).reference(ref, preds).build();
  }

  static PredictionEvent event(double x, long millis) {
    Row row = SCHEMA.row(Map.of("x", x, "c", x > 0 ? "a" : "b"), Coercion.STRICT);
    return new PredictionEvent(row, Prediction.of("a", Map.of("a", 0.7, "b", 0.3)), "v1", 1000, millis, null);
  }

  @Test
  void countWindowsCheckEveryFullWindowAndAlertOnDrift() {
    List<DriftReport> reports = Collections.synchronizedList(new ArrayList<>());
    List<DriftReport> alerts = Collections.synchronizedList(new ArrayList<>());
    MonitoringListener watch = MonitoringListener.builder(monitor()).windowSize(200)
        .onReport(reports::add).onAlert(alerts::add).build();
    SplittableRandom rng = new SplittableRandom(2);
    for (int i = 0; i < 450; i++) {
      double shift = i >= 200 ? 2.0 : 0.0; // the second window drifts
      watch.onPrediction(event(DriftMonitorTest.gaussian(rng) + shift, i));
    }
    assertEquals(2, reports.size());
    assertEquals(50, watch.pending());
    assertFalse(reports.get(0).drift());
    assertTrue(reports.get(1).drift());
    assertEquals(1, alerts.size());
    assertEquals(200, reports.get(1).currentRecords());
    assertTrue(reports.get(0).feature(Profiler.PREDICTION).isPresent(), "predictions are monitored too");
    watch.flush();
    assertEquals(3, reports.size());
    assertEquals(50, reports.get(2).currentRecords());
    assertEquals(0, watch.pending());
    assertEquals(3, watch.windowsChecked());
    assertEquals(0, watch.failures());
  }

  @Test
  void timeWindowsCloseWhenALaterWindowStarts() {
    List<DriftReport> reports = new ArrayList<>();
    MonitoringListener watch = MonitoringListener.builder(monitor()).timeWindow(Duration.ofMinutes(1))
        .onReport(reports::add).build();
    SplittableRandom rng = new SplittableRandom(3);
    long start = 1_700_000_000_000L - 1_700_000_000_000L % 60_000;
    for (int i = 0; i < 120; i++) {
      watch.onPrediction(event(DriftMonitorTest.gaussian(rng), start + i * 1000L)); // two minutes
    }
    assertEquals(1, reports.size());
    assertEquals(60, reports.get(0).currentRecords());
    watch.onPrediction(event(0.1, start + 30_000)); // late event: counted in the open window
    assertEquals(61, watch.pending());
  }

  @Test
  void failuresAreCountedNeverThrown() {
    MonitoringListener watch = MonitoringListener.builder(monitor()).windowSize(10)
        .onReport(r -> {
          throw new IllegalStateException("listener bug");
        }).build();
    for (int i = 0; i < 10; i++) {
      watch.onPrediction(event(i, i));
    }
    assertEquals(1, watch.failures());
    assertEquals(1, watch.windowsChecked());
  }

  @Test
  void concurrentEventsAreAllCounted() throws InterruptedException {
    List<DriftReport> reports = Collections.synchronizedList(new ArrayList<>());
    ExecutorService checks = Executors.newSingleThreadExecutor();
    MonitoringListener watch = MonitoringListener.builder(monitor()).windowSize(100).executor(checks)
        .onReport(reports::add).build();
    int threads = 4;
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      long seed = t;
      new Thread(() -> {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 250; i++) {
          watch.onPrediction(event(DriftMonitorTest.gaussian(rng), i));
        }
        done.countDown();
      }).start();
    }
    assertTrue(done.await(30, TimeUnit.SECONDS));
    checks.shutdown();
    assertTrue(checks.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(10, reports.size());
    assertEquals(1000, reports.stream().mapToLong(DriftReport::currentRecords).sum());
  }

  @Test
  void builderNeedsExactlyOneWindow() {
    assertThrows(IllegalStateException.class, () -> MonitoringListener.builder(monitor()).build());
    assertThrows(IllegalStateException.class,
        () -> MonitoringListener.builder(monitor()).windowSize(5).timeWindow(Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> MonitoringListener.builder(monitor()).windowSize(0));
  }
}
