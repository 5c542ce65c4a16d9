package dev.mlsys.serving;

import static dev.mlsys.serving.PredictionServiceTest.AGE_MODEL;
import static dev.mlsys.serving.PredictionServiceTest.SCHEMA;
import static dev.mlsys.serving.PredictionServiceTest.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.serving.routing.AbTest;
import dev.mlsys.serving.routing.AbTestReport;
import dev.mlsys.serving.routing.Bandit;
import dev.mlsys.serving.routing.Canary;
import dev.mlsys.serving.routing.Routers;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RoutingTest {
  static final Predictor ALWAYS_YES = row -> Prediction.of("yes", Map.of("no", 0.2, "yes", 0.8));

  static PredictionService service() {
    PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL).cacheSize(10_000).build();
    s.stage("v2", ServedModel.of(ALWAYS_YES));
    return s;
  }

  @Test
  void aCanarySendsAFixedShareOfEntitiesAndTheSameEntityAlwaysToTheSameVersion() {
    try (PredictionService s = service()) {
      Canary canary = Routers.canary("v2", 0.2);
      s.route(canary);
      int n = 10_000;
      int toCanary = 0;
      boolean[] first = new boolean[n];
      for (int i = 0; i < n; i++) {
        String v = s.predict(record(30, "pro"), "user-" + i).modelVersion();
        first[i] = v.equals("v2");
        toCanary += first[i] ? 1 : 0;
        assertEquals(v, s.predict(record(31, "free"), "user-" + i).modelVersion(), "sticky per entity");
      }
      // binomial(10,000, 0.2): standard deviation 40; allow 5 of them
      assertEquals(0.2 * n, toCanary, 5 * Math.sqrt(n * 0.2 * 0.8));
      // widening the canary only moves entities towards it
      canary.share(0.5);
      int widened = 0;
      for (int i = 0; i < n; i++) {
        boolean now = s.predict(record(30, "pro"), "user-" + i).modelVersion().equals("v2");
        assertTrue(now || !first[i], "user-" + i + " left the canary when it widened");
        widened += now ? 1 : 0;
      }
      assertEquals(0.5 * n, widened, 5 * Math.sqrt(n * 0.25));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> canary.share(1.2));
      assertEquals("share must be in [0, 1] but was: 1.2", e.getMessage());
    }
  }

  @Test
  void requestsWithoutAnEntityKeyRouteByTheirRow() {
    try (PredictionService s = service()) {
      s.route(Routers.canary("v2", 0.5));
      for (int age = 0; age < 50; age++) {
        String v = s.predict(record(age, "pro")).modelVersion();
        assertEquals(v, s.predict(record(age, "pro")).modelVersion());
      }
      s.stopRouting();
      assertTrue(s.router().isEmpty());
      assertEquals("v1", s.predict(record(3, "pro")).modelVersion());
    }
  }

  @Test
  void anAbTestSplitsByKeyRecordsOutcomesThroughTheServiceAndDecides() {
    try (PredictionService s = service()) {
      AbTest test = Routers.abTest("v1", "v2", 0.5);
      s.route(test);
      SplittableRandom world = new SplittableRandom(11);
      for (int i = 0; i < 4_000; i++) {
        Prediction p = s.predict(record(40, "pro"), "user-" + i);
        double rate = p.modelVersion().equals("v2") ? 0.15 : 0.10;
        s.recordOutcome(p, world.nextDouble() < rate);
      }
      AbTestReport r = test.report();
      assertEquals(4_000, r.control().trials() + r.treatment().trials());
      assertEquals(2_000, r.control().trials(), 5 * Math.sqrt(4_000 * 0.25));
      assertTrue(r.treatment().rate() > r.control().rate(), r.toString());
      assertTrue(r.significant(0.05), r.toString());
      assertEquals(AbTestReport.of("v1", r.control().trials(), r.control().successes(), "v2",
          r.treatment().trials(), r.treatment().successes(), 0.95), r);
    }
  }

  @Test
  void aBanditRoutesTrafficToTheVersionThatEarnsRewards() {
    try (PredictionService s = service()) {
      s.stage("v3", ServedModel.of(AGE_MODEL));
      Bandit bandit = Routers.thompsonSampling(5, "v1", "v2", "v3");
      s.route(bandit);
      SplittableRandom world = new SplittableRandom(3);
      Map<String, Double> rates = Map.of("v1", 0.2, "v2", 0.6, "v3", 0.3);
      for (int i = 0; i < 3_000; i++) {
        Prediction p = s.predict(record(i % 100, "pro"));
        s.recordOutcome(p, world.nextDouble() < rates.get(p.modelVersion()));
      }
      assertEquals("v2", bandit.bestArm());
      long v2 = bandit.arms().get(1).selections();
      assertTrue(v2 > 2_500, "v2 served only " + v2 + " of 3,000: " + bandit.arms());
    }
  }

  @Test
  void routersMayOnlyNameDeployedVersionsAndUsedVersionsCannotBeUnstaged() {
    try (PredictionService s = service()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> s.route(Routers.canary("v9", 0.1)));
      assertEquals("router Canary[v9, share=0.1000] routes to version 'v9', which is neither active ('v1') nor "
          + "staged [v2]; stage it first", e.getMessage());
      s.route(Routers.abTest("v1", "v2", 0.5));
      IllegalStateException busy = assertThrows(IllegalStateException.class, () -> s.unstage("v2"));
      assertEquals("version 'v2' is still used by router AbTest[v1 vs v2, treatment share=0.5000]; stop it first",
          busy.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> s.recordOutcome(Prediction.of("no"), 1.0));
      assertEquals("prediction has no model version; pass a prediction this service returned", e.getMessage());
      s.stopRouting();
      IllegalStateException none = assertThrows(IllegalStateException.class,
          () -> s.recordOutcome(s.predict(record(1, "pro")), true));
      assertEquals("no router is set to record the outcome of version 'v1'; record it on the A/B test or bandit "
          + "directly", none.getMessage());
    }
  }

  @Test
  void deployingOverAnActiveVersionThatARouterUsesKeepsItServing() {
    try (PredictionService s = service()) {
      s.route(Routers.abTest("v1", "v2", 0.5));
      s.deploy("v3", AGE_MODEL);
      assertEquals("v3", s.activeVersion());
      assertEquals(Set.of("v1", "v2"), s.stagedVersions());
      for (int i = 0; i < 200; i++) {
        String v = s.predict(record(20, "pro"), "u" + i).modelVersion();
        assertTrue(v.equals("v1") || v.equals("v2"), v);
      }
      s.stopRouting();
      s.unstage("v1");
      assertEquals(Set.of("v2"), s.stagedVersions());
    }
  }

  @Test
  void promoteMakesAStagedVersionActiveAndKeepsTheOldOneForRollback() {
    try (PredictionService s = service()) {
      s.promote("v2");
      assertEquals("v2", s.activeVersion());
      assertEquals(Set.of(), s.stagedVersions());
      assertEquals("yes", s.predict(record(1, "pro")).label());
      assertEquals("v1", s.rollback());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.promote("v7"));
      assertEquals("version 'v7' is not staged; staged versions are []", e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> s.stage("v1", ServedModel.of(AGE_MODEL)));
      assertEquals("version 'v1' is active; stage it under another name or deploy it", e.getMessage());
    }
  }

  @Test
  void aShadowComparesWithThePrimaryWithoutChangingItsAnswers() throws Exception {
    try (PredictionService s = service()) {
      s.shadow("v2");
      int n = 200;
      for (int i = 0; i < n; i++) {
        Prediction p = s.predict(record(i % 100, "pro"));
        assertEquals("v1", p.modelVersion());
      }
      ShadowStats stats = awaitCompared(s, n);
      // v1 says "yes" only for age > 50 (98 of 200 rows: ages 51..99 twice); v2 always says yes
      assertEquals(n, stats.compared());
      assertEquals(98, stats.agreed());
      assertEquals(0, stats.failures());
      double tv = 0;
      for (int i = 0; i < n; i++) {
        tv += Math.abs(0.8 - (i % 100) / 100.0);
      }
      assertEquals(tv / n, stats.meanDifference(), 1e-12);
      s.stopShadow();
      s.predict(record(5, "pro"));
      assertEquals(n, s.shadowStats().orElseThrow().compared(), "the last shadow's statistics stay readable");
      s.unstage("v2");
    }
  }

  @Test
  void aFailingOrSlowShadowNeverFailsOrDelaysThePrimary() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL).shadowQueue(4).build()) {
      s.stage("broken", ServedModel.of(row -> {
        throw new IllegalStateException("shadow bug");
      }));
      s.shadow("broken");
      for (int i = 0; i < 10; i++) {
        assertEquals("v1", s.predict(record(i, "pro")).modelVersion());
      }
      ShadowStats broken = awaitCompared(s, 10);
      // the queue holds 4: some copies may have been dropped, none compared, none lost
      assertEquals(10, broken.failures() + broken.dropped(), broken.toString());
      assertTrue(broken.failures() >= 5, broken.toString());
      assertEquals(0, broken.compared());
      s.stage("slow", ServedModel.of(row -> {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return AGE_MODEL.predict(row);
      }));
      s.shadow("slow");
      long start = System.nanoTime();
      for (int i = 0; i < 50; i++) {
        s.predict(record(i, "pro"));
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < 5_000, "the primary waited for the shadow: " + ms + " ms");
      ShadowStats slow = s.shadowStats().orElseThrow();
      // at most one call is running and 4 wait in the queue: the rest were dropped
      assertTrue(slow.dropped() >= 50 - 1 - 4 && slow.dropped() <= 50 - 4, slow.toString());
      release.countDown();
    }
  }

  private static ShadowStats awaitCompared(PredictionService s, long n) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      ShadowStats st = s.shadowStats().orElseThrow();
      if (st.compared() + st.failures() + st.dropped() >= n) {
        return st;
      }
      Thread.sleep(10);
    }
    return s.shadowStats().orElseThrow();
  }

  @Test
  void promotingTheShadowVersionEndsTheShadow() throws Exception {
    try (PredictionService s = service()) {
      s.shadow("v2");
      s.predict(record(1, "pro"));
      ShadowStats before = awaitCompared(s, 1);
      s.promote("v2");
      for (int i = 0; i < 20; i++) {
        assertEquals("v2", s.predict(record(i, "pro")).modelVersion());
      }
      Thread.sleep(50);
      assertEquals(before, s.shadowStats().orElseThrow());
      assertTrue(s.toString().startsWith("PredictionService[active='v2' (generation 2)"), s.toString());
    }
  }

  @Test
  void shadowingNeedsAStagedVersion() {
    try (PredictionService s = service()) {
      assertFalse(s.shadowStats().isPresent());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.shadow("v1"));
      assertEquals("version 'v1' is not staged; stage it before shadowing; staged versions are [v2]", e.getMessage());
    }
  }
}
