package dev.mlsys.models.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.models.Baselines;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.TestData;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
  private static final LabeledData TRAIN = TestData.blobs(90, 71);

  @TempDir
  Path tmp;

  @Test
  void concurrentRegistrationsGetDistinctVersions() throws Exception {
    TrainedModel model = Trainers.cart().maxDepth(2).fit(TRAIN);
    ModelArtifact artifact = ModelArtifact.builder(model).build();
    int perThread = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Integer>>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < 2; t++) {
        String who = "writer-" + t;
        futures.add(pool.submit(() -> {
          ModelRegistry own = ModelRegistry.open(tmp);   // separate instances, as separate processes would have
          start.await();
          List<Integer> versions = new java.util.ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            versions.add(own.register("spam", artifact, Map.of("by", who)).version());
          }
          return versions;
        }));
      }
      start.countDown();
      Set<Integer> all = new TreeSet<>();
      for (Future<List<Integer>> f : futures) {
        all.addAll(f.get());
      }
      assertEquals(2 * perThread, all.size());
      assertEquals(1, ((TreeSet<Integer>) all).first());
      assertEquals(2 * perThread, ((TreeSet<Integer>) all).last());
    } finally {
      pool.shutdownNow();
    }
    ModelRegistry registry = ModelRegistry.open(tmp);
    List<RegisteredModel> listed = registry.list("spam");
    assertEquals(2 * perThread, listed.size());
    for (RegisteredModel m : listed) {
      assertEquals(Stage.STAGING, m.stage());
      assertArrayEquals(model.output(TRAIN.features(0)), registry.load("spam", m.version()).model().output(TRAIN.features(0)));
    }
  }

  @Test
  void promoteArchivesAndRollbackRestores() {
    ModelRegistry registry = ModelRegistry.open(tmp);
    ModelArtifact artifact = ModelArtifact.builder(Baselines.prior().fit(TRAIN)).build();
    int v1 = registry.register("churn", artifact, Map.of("note", "first")).version();
    int v2 = registry.register("churn", artifact, Map.of()).version();
    int v3 = registry.register("churn", artifact, Map.of()).version();
    assertEquals(List.of(1, 2, 3), List.of(v1, v2, v3));
    assertEquals("first", registry.list("churn").get(0).metadata().get("note"));
    assertThrows(IllegalStateException.class, () -> registry.rollback("churn"));
    registry.promote("churn", v1, Stage.PRODUCTION);
    registry.promote("churn", v2, Stage.PRODUCTION);
    assertEquals(v2, registry.production("churn").orElseThrow().version());
    assertEquals(Stage.ARCHIVED, registry.list("churn").get(0).stage());
    registry.promote("churn", v3, Stage.PRODUCTION);
    assertEquals(v2, registry.rollback("churn").version());
    assertEquals(Stage.ARCHIVED, registry.list("churn").get(2).stage());
    assertEquals(v1, registry.rollback("churn").version());
    assertEquals(Stage.PRODUCTION, registry.list("churn").get(0).stage());
    assertThrows(IllegalStateException.class, () -> registry.rollback("churn"));
    assertThrows(IllegalArgumentException.class, () -> registry.promote("churn", 9, Stage.PRODUCTION));
    assertThrows(IllegalArgumentException.class, () -> registry.register("../x", artifact, Map.of()));
  }
}
