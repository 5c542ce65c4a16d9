package dev.mlsys.serving.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Schema;
import dev.mlsys.serving.PredictionFailedException;
import dev.mlsys.serving.PredictionService;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrometerMetricsTest {
  private static final Schema SCHEMA = Schema.builder().numeric("x", 0, 10).label("y", "a", "b").build();

  @Test
  void timersCountRequestsPerVersionAndOriginAndCacheStatisticsAreExposed() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (PredictionService s = PredictionService.builder(SCHEMA)
        .model("v1", row -> Prediction.of("a", Map.of("a", 0.9, "b", 0.1))).cacheSize(10).build();
        MicrometerMetrics metrics = MicrometerMetrics.bind(s, registry, Tags.of("model", "demo"))) {
      s.predict(Map.of("x", 1.0));
      s.predict(Map.of("x", 1.0));
      s.predict(Map.of("x", 2.0));
      assertThrows(RuntimeException.class, () -> s.predict(Map.of("x", 11.0)));
      s.deploy("v2", row -> {
        throw new IllegalStateException("bad");
      });
      assertThrows(PredictionFailedException.class, () -> s.predict(Map.of("x", 1.0)));

      assertEquals(2, registry.get("mlsys.serving.requests").tags("model", "demo", "version", "v1", "origin", "model")
          .timer().count());
      assertEquals(1, registry.get("mlsys.serving.requests").tags("version", "v1", "origin", "cache").timer().count());
      assertEquals(1, registry.get("mlsys.serving.requests").tags("version", "v2", "origin", "failed").timer()
          .count());
      assertEquals(1.0, registry.get("mlsys.serving.failures").tags("version", "v2", "kind", "error").counter()
          .count());
      assertEquals(1.0, registry.get("mlsys.serving.cache.hits").functionCounter().count());
      assertEquals(3.0, registry.get("mlsys.serving.cache.misses").functionCounter().count());
      assertEquals(2.0, registry.get("mlsys.serving.cache.size").gauge().value());
      assertEquals(1.0, registry.get("mlsys.serving.rejected").functionCounter().count());
      metrics.close();
      assertNull(registry.find("mlsys.serving.requests").timer());
      assertNull(registry.find("mlsys.serving.cache.hits").functionCounter());
    }
  }
}
