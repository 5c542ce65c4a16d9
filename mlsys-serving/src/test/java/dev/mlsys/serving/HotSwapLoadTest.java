package dev.mlsys.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Schema;
import dev.mlsys.serving.routing.Routers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hot swap under load: several threads predict while another deploys a new version every
 * millisecond or so (and rolls back now and then). Each version k has its own predictor and its
 * own calibrator, and a prediction reveals both: P(pos) = ((k * 31 + x) mod 97 / 97 + k mod 3) / 3
 * only when version k's predictor and calibrator both answered. Any failed request, or any answer
 * whose probability does not match the version it is stamped with, fails the test.
 *
 * <p>About 2 s in the default build; 30 s with {@code -Plong}.
 */
class HotSwapLoadTest {
  private static final Schema SCHEMA = Schema.builder().numeric("x").label("y", "neg", "pos").build();
  private static final int WORKERS = 3;
  private static final int CANARY = 1_000_000;
  private static final int MIN_DEPLOYMENTS = 30;

  static Predictor predictor(int k) {
    return row -> {
      double p = ((k * 31L + (long) row.getDouble("x")) % 97) / 97.0;
      return Prediction.of(p > 0.5 ? "pos" : "neg", Map.of("pos", p, "neg", 1 - p));
    };
  }

  static ServedModel version(int k) {
    return ServedModel.of(predictor(k)).withCalibrator(s -> (s + k % 3) / 3);
  }

  static double expected(int k, double x) {
    return (((k * 31L + (long) x) % 97) / 97.0 + k % 3) / 3;
  }

  enum Mode { CACHE_AND_WARM_UP, NO_CACHE, CANARY_ROUTING }

  record Result(long predictions, List<String> problems, Set<String> versionsSeen, int deployments) {}

  static Result run(Mode mode, Duration duration) throws InterruptedException {
    PredictionService.Builder b = PredictionService.builder(SCHEMA).model("v0", version(0)).history(4);
    if (mode != Mode.NO_CACHE) {
      b.cacheSize(1_000).warmUp(16);
    }
    Queue<String> problems = new ConcurrentLinkedQueue<>();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    LongAdder predictions = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    int deployments = 0;
    try (PredictionService service = b.build()) {
      if (mode == Mode.CANARY_ROUTING) {
        service.stage("v" + CANARY, version(CANARY));
        service.route(Routers.canary("v" + CANARY, 0.3));
      }
      List<Thread> workers = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        long seed = w;
        Thread t = new Thread(() -> {
          SplittableRandom random = new SplittableRandom(seed);
          while (!stop.get()) {
            double x = random.nextInt(200);
            String key = mode == Mode.CANARY_ROUTING ? "user-" + random.nextInt(1_000) : null;
            try {
              Prediction p = service.predict(Map.of("x", x), key);
              int k = Integer.parseInt(p.modelVersion().substring(1));
              seen.add(p.modelVersion());
              double want = expected(k, x);
              if (p.probability("pos") != want || !p.calibrated() || p.origin() == Prediction.Origin.FALLBACK
                  || !p.label().equals(want > 1 - want ? "pos" : "neg")) {
                problems.add("mixed answer for x=" + x + ": " + p + ", expected P(pos)=" + want);
              }
            } catch (RuntimeException e) {
              problems.add("failed request for x=" + x + ": " + e);
            }
            predictions.increment();
          }
        }, "load-" + w);
        workers.add(t);
        t.start();
      }
      // run for the duration, and on a loaded machine until at least MIN_DEPLOYMENTS swaps
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      long giveUp = start + 20 * duration.toNanos();
      int k = 1;
      while (System.nanoTime() < end || (deployments < MIN_DEPLOYMENTS && System.nanoTime() < giveUp)) {
        service.deploy("v" + k, version(k));
        k++;
        deployments++;
        if (k % 7 == 0) {
          service.rollback();
        }
        // spin rather than park: on a loaded machine a parked thread wakes tens of ms late
        long next = System.nanoTime() + 1_000_000;
        while (System.nanoTime() < next) {
          Thread.yield();
        }
      }
      stop.set(true);
      for (Thread t : workers) {
        t.join(10_000);
      }
    }
    return new Result(predictions.sum(), List.copyOf(problems), Set.copyOf(seen), deployments);
  }

  private static void check(Mode mode, Duration duration) throws InterruptedException {
    Result r = run(mode, duration);
    assertEquals(List.of(), r.problems().subList(0, Math.min(10, r.problems().size())),
        mode + ": " + r.problems().size() + " problems in " + r.predictions() + " predictions");
    // floors that prove the swaps overlapped the load even on a busy machine (typically a few
    // hundred deployments per second)
    assertTrue(r.deployments() >= MIN_DEPLOYMENTS, mode + ": only " + r.deployments() + " deployments");
    assertTrue(r.versionsSeen().size() >= 10, mode + ": answers came from only " + r.versionsSeen().size()
        + " versions; the swaps did not overlap the load");
    assertTrue(r.predictions() > 1_000, mode + ": only " + r.predictions() + " predictions");
    if (mode == Mode.CANARY_ROUTING) {
      assertTrue(r.versionsSeen().contains("v" + CANARY));
    }
  }

  @Test
  void noRequestFailsOrMixesVersionsWhileVersionsAreSwapped() throws InterruptedException {
    for (Mode mode : Mode.values()) {
      check(mode, Duration.ofMillis(700));
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "mlsys.long", matches = "true")
  void noRequestFailsOrMixesVersionsOverALongRun() throws InterruptedException {
    for (Mode mode : Mode.values()) {
      check(mode, Duration.ofSeconds(10));
    }
  }
}
