package dev.mlsys.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Calibrator;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Schema;
import dev.mlsys.serving.routing.AbTest;
import dev.mlsys.serving.routing.AbTestReport;
import dev.mlsys.serving.routing.Canary;
import dev.mlsys.serving.routing.Routers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of the serving Javadoc, compiled and run so that they cannot rot. */
class ServingExamplesTest {
  private final Schema schema = Schema.builder()
      .numeric("age", 0, 130)
      .categorical("plan", "free", "pro")
      .label("churn", "no", "yes")
      .build();
  private final Predictor model = row -> Prediction.of("no", Map.of("no", 0.8, "yes", 0.2));
  private final Predictor retrained = row -> Prediction.of("no", Map.of("no", 0.7, "yes", 0.3));
  private final Calibrator platt = score -> 1 / (1 + Math.exp(-(2 * score - 1)));

  @Test
  void predictionServiceClassExample() {
    try (PredictionService service = PredictionService.builder(schema)
        .model("v1", model)
        .calibrator(platt)
        .cacheSize(100_000)
        .deadline(Duration.ofMillis(20))
        .fallback(Prediction.of("no", Map.of("no", 1.0, "yes", 0.0)))
        .build()) {
      Prediction p = service.predict(Map.of("age", 31, "plan", "pro"));
      service.deploy("v2", retrained);
      service.rollback();
      assertEquals("v1", p.modelVersion());
      assertEquals("v1", service.activeVersion());
    }
  }

  @Test
  void routingExamples() {
    try (PredictionService service = PredictionService.builder(schema).model("v1", model).build()) {
      service.stage("v2", ServedModel.of(retrained));
      Canary canary = Routers.canary("v2", 0.01);
      service.route(canary);
      canary.share(0.10);

      AbTest test = Routers.abTest("v1", "v2", 0.5);
      service.route(test);
      Prediction p = service.predict(Map.of("age", 31, "plan", "pro"), "user-42");
      service.recordOutcome(p, true);
      AbTestReport report = test.report();
      assertEquals(1, report.control().trials() + report.treatment().trials());
    }
  }
}
