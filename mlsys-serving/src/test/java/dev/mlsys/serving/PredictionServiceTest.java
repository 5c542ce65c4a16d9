package dev.mlsys.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Field;
import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.MlsysException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Prediction.Origin;
import dev.mlsys.api.PredictionEvent;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.RowTransform;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PredictionServiceTest {
  static final Schema SCHEMA = Schema.builder()
      .numeric("age", 0, 130)
      .categorical("plan", "free", "pro")
      .label("churn", "no", "yes")
      .build();

  /** P(yes) = age / 100, given in reverse class order to check the reordering. */
  static final Predictor AGE_MODEL = row -> {
    double p = row.getDouble("age") / 100;
    Map<String, Double> probs = new LinkedHashMap<>();
    probs.put("yes", p);
    probs.put("no", 1 - p);
    return Prediction.of(p > 0.5 ? "yes" : "no", probs);
  };

  static Map<String, Object> record(double age, String plan) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("age", age);
    m.put("plan", plan);
    return m;
  }

  static final class CountingPredictor implements Predictor {
    final AtomicInteger calls = new AtomicInteger();
    final Predictor delegate;

    CountingPredictor(Predictor delegate) {
      this.delegate = delegate;
    }

    @Override
    public Prediction predict(Row row) {
      calls.incrementAndGet();
      return delegate.predict(row);
    }
  }

  @Test
  void aPredictionIsStampedWithVersionAndOriginAndItsProbabilitiesFollowTheSchemaOrder() {
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL).build()) {
      Prediction p = s.predict(record(30, "pro"));
      assertEquals("v1", p.modelVersion());
      assertEquals(Origin.MODEL, p.origin());
      assertEquals("no", p.label());
      assertFalse(p.calibrated());
      assertEquals(List.of("no", "yes"), List.copyOf(p.probabilities().keySet()));
      assertEquals(0.3, p.probability("yes"), 1e-15);
      assertEquals("v1", s.activeVersion());
      assertSame(SCHEMA, s.schema());
    }
  }

  @Test
  void theCacheServesEqualRowsWhateverTheFieldOrderAndIgnoresTheLabel() {
    CountingPredictor model = new CountingPredictor(AGE_MODEL);
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", model).cacheSize(100).build()) {
      Prediction first = s.predict(record(40, "free"));
      Map<String, Object> reversed = new LinkedHashMap<>();
      reversed.put("plan", "free");
      reversed.put("age", 40);          // an Integer: canonicalised to the same Double
      Prediction second = s.predict(reversed);
      Map<String, Object> labelled = record(40, "free");
      labelled.put("churn", "yes");
      Prediction third = s.predict(labelled);
      assertEquals(1, model.calls.get());
      assertEquals(Origin.MODEL, first.origin());
      assertEquals(Origin.CACHE, second.origin());
      assertEquals(Origin.CACHE, third.origin());
      assertEquals(first.withOrigin(Origin.CACHE), second);
      CacheStats cache = s.stats().cache();
      assertEquals(1, cache.size());
      assertEquals(2, cache.hits());
      assertEquals(1, cache.misses());
      VersionStats v1 = s.stats().version("v1").orElseThrow();
      assertEquals(2, v1.cacheHits());
      assertEquals(1, v1.modelAnswers());
      assertEquals(3, v1.requests());
    }
  }

  @Test
  void theCacheIsBoundedInSize() throws InterruptedException {
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL).cacheSize(4).build()) {
      for (int age = 0; age < 50; age++) {
        s.predict(record(age, "pro"));
      }
      // Caffeine evicts in its maintenance cycle, which may run a moment later
      CacheStats stats = s.stats().cache();
      for (int i = 0; i < 400 && (stats.size() > 4 || stats.evictions() < 46); i++) {
        Thread.sleep(5);
        stats = s.stats().cache();
      }
      assertTrue(stats.size() <= 4, stats.toString());
      assertEquals(46, stats.evictions(), stats.toString());
    }
  }

  @Test
  void cachedPredictionsExpire() throws InterruptedException {
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL).cacheSize(100)
        .cacheExpiry(java.time.Duration.ofMillis(300)).build()) {
      assertEquals(Origin.MODEL, s.predict(record(49, "pro")).origin());
      assertEquals(Origin.CACHE, s.predict(record(49, "pro")).origin());
      Thread.sleep(600);
      assertEquals(Origin.MODEL, s.predict(record(49, "pro")).origin(), "an expired entry is computed again");
    }
  }

  @Test
  void invalidInputThrowsNamingFieldValueAndRuleAndIsNeverPredictedOrCached() {
    CountingPredictor model = new CountingPredictor(AGE_MODEL);
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", model).cacheSize(100).build()) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> s.predict(record(-3, "gold")));
      assertEquals(2, e.violations().size());
      assertEquals("age", e.violations().get(0).field());
      assertEquals(Rule.OUT_OF_RANGE, e.violations().get(0).rule());
      assertTrue(e.getMessage().contains("field 'age': value -3.0"), e.getMessage());
      assertEquals(Rule.UNSEEN_CATEGORY, e.violations().get(1).rule());
      assertEquals(0, model.calls.get());
      assertEquals(0, s.stats().cache().size());
      assertEquals(1, s.stats().rejectedInputs());
      assertEquals(0, s.stats().version("v1").orElseThrow().requests());
    }
  }

  @Test
  void aRowOfAnotherSchemaIsRejected() {
    Schema other = Schema.builder().numeric("age").label("churn", "no", "yes").build();
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL).build()) {
      IncompatibleSchemaException e = assertThrows(IncompatibleSchemaException.class,
          () -> s.predict(other.row(Map.of("age", 3))));
      assertTrue(e.getMessage().startsWith("row has schema Schema[age:numeric"), e.getMessage());
      Row equalSchema = Schema.builder().numeric("age", 0, 130).categorical("plan", "free", "pro")
          .label("churn", "no", "yes").build().row(record(20, "pro"));
      assertEquals("no", s.predict(equalSchema).label());
    }
  }

  @Test
  void aBinaryCalibratorMapsTheSecondClassRenormalisesAndReDerivesTheLabel() {
    // the model says P(yes) = 0.3; the calibrator doubles it and pushes the label over to "yes"
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL)
        .calibrator(score -> Math.min(1, 2 * score)).build()) {
      Prediction p = s.predict(record(30, "pro"));
      assertTrue(p.calibrated());
      assertEquals(0.6, p.probability("yes"), 1e-15);
      assertEquals(0.4, p.probability("no"), 1e-15);
      assertEquals("yes", p.label());
      assertEquals(List.of("no", "yes"), List.copyOf(p.probabilities().keySet()));
      // a tie goes to the first class, as argmax does
      Prediction tie = s.predict(record(25, "pro"));
      assertEquals(0.5, tie.probability("yes"), 1e-15);
      assertEquals("no", tie.label());
    }
  }

  @Test
  void aVersionCanBringItsOwnCalibratorOrOptOutOfTheServicesOne() {
    try (PredictionService s = PredictionService.builder(SCHEMA)
        .model("v1", ServedModel.of(AGE_MODEL).withCalibrator(score -> 1.0))
        .calibrator(score -> 0.0).build()) {
      assertEquals(1.0, s.predict(record(30, "pro")).probability("yes"));
      s.deploy("v2", AGE_MODEL);
      assertEquals(0.0, s.predict(record(30, "pro")).probability("yes"));
      s.deploy("v3", ServedModel.of(AGE_MODEL).withoutCalibration());
      Prediction p = s.predict(record(30, "pro"));
      assertEquals(0.3, p.probability("yes"), 1e-15);
      assertFalse(p.calibrated());
    }
  }

  @Test
  void multiClassCalibrationIsOneVsRestRenormalised() {
    Schema three = Schema.builder().numeric("x").label("y", "a", "b", "c").build();
    Predictor model = row -> Prediction.of("a", Map.of("a", 0.5, "b", 0.3, "c", 0.2));
    try (PredictionService s = PredictionService.builder(three).model("v1", model)
        .calibrator(score -> score * score).build()) {
      Prediction p = s.predict(Map.of("x", 1.0));
      double sum = 0.25 + 0.09 + 0.04;
      assertEquals(0.25 / sum, p.probability("a"), 1e-15);
      assertEquals(0.09 / sum, p.probability("b"), 1e-15);
      assertEquals(0.04 / sum, p.probability("c"), 1e-15);
      assertEquals("a", p.label());
      assertTrue(p.calibrated());
    }
  }

  @Test
  void aCalibratorNeedsACategoricalLabel() {
    Schema regression = Schema.builder().numeric("x").label(Field.numeric("y")).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PredictionService.builder(regression).calibrator(s -> s));
    assertEquals("a calibrator needs a categorical label, but the schema's label is 'y' (numeric)", e.getMessage());
    try (PredictionService s = PredictionService.builder(regression).model("v1", row -> Prediction.ofValue(2.5))
        .build()) {
      Prediction p = s.predict(Map.of("x", 1.0));
      assertEquals(2.5, p.value());
      assertTrue(p.isRegression());
      IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
          () -> s.deploy("v2", ServedModel.of(row -> Prediction.ofValue(1)).withCalibrator(c -> c)));
      assertTrue(e2.getMessage().startsWith("version 'v2' has a calibrator, but the schema's label is 'y'"));
    }
  }

  @Test
  void answersThatDoNotFitTheLabelAreModelFailures() {
    Predictor unknownClass = row -> Prediction.of("maybe", Map.of("maybe", 1.0));
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", unknownClass).build()) {
      PredictionFailedException e = assertThrows(PredictionFailedException.class, () -> s.predict(record(1, "pro")));
      assertEquals("v1", e.version());
      assertFalse(e.deadlineExceeded());
      assertEquals("version 'v1' predicted class 'maybe' which label 'churn' does not declare; classes are [no, yes]",
          e.getCause().getMessage());
    }
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL).calibrator(x -> 1.5)
        .build()) {
      PredictionFailedException e = assertThrows(PredictionFailedException.class, () -> s.predict(record(1, "pro")));
      assertEquals("version 'v1': calibrator returned 1.5 for score 0.01; a calibrated probability must be in [0, 1]",
          e.getCause().getMessage());
    }
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", row -> null).build()) {
      PredictionFailedException e = assertThrows(PredictionFailedException.class, () -> s.predict(record(1, "pro")));
      assertTrue(e.getCause().getMessage().startsWith("version 'v1' returned null for Row{age=1.0, plan=pro}"));
    }
  }

  @Test
  void aFailingModelIsAnsweredByTheFallbackFlaggedCountedReportedAndNotCached() {
    CountingPredictor failing = new CountingPredictor(row -> {
      throw new IllegalStateException("model exploded");
    });
    List<PredictionEvent> events = new CopyOnWriteArrayList<>();
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", failing).cacheSize(10)
        .fallback(Prediction.of("no", Map.of("yes", 0.0, "no", 1.0))).listener(events::add).build()) {
      Prediction p = s.predict(record(50, "pro"));
      assertEquals(Origin.FALLBACK, p.origin());
      assertEquals("v1", p.modelVersion());
      assertEquals(List.of("no", "yes"), List.copyOf(p.probabilities().keySet()));
      s.predict(record(50, "pro"));
      assertEquals(2, failing.calls.get(), "a fallback answer must not be cached");
      VersionStats v1 = s.stats().version("v1").orElseThrow();
      assertEquals(2, v1.fallbacks());
      assertEquals(2, v1.errors());
      assertEquals(0, v1.failed());
      assertEquals(2, events.size());
      assertTrue(events.get(0).fallback());
      assertEquals("model exploded", events.get(0).error().getMessage());
      assertEquals(0, s.stats().cache().size());
    }
  }

  @Test
  void withoutAFallbackTheFailureIsThrownAndReportedWithNoPrediction() {
    List<PredictionEvent> events = new CopyOnWriteArrayList<>();
    Predictor failing = row -> {
      throw new IllegalStateException("model exploded");
    };
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", failing).listener(events::add)
        .build()) {
      PredictionFailedException e = assertThrows(PredictionFailedException.class, () -> s.predict(record(1, "pro")));
      assertEquals("version 'v1' failed: java.lang.IllegalStateException: model exploded", e.getMessage());
      assertEquals(1, events.size());
      assertNull(events.get(0).prediction());
      assertEquals("model exploded", events.get(0).error().getMessage());
      assertEquals(1, s.stats().version("v1").orElseThrow().failed());
    }
  }

  @Test
  void aFailingFallbackIsAttachedToTheModelFailure() {
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", row -> {
      throw new IllegalStateException("model exploded");
    }).fallback(row -> {
      throw new IllegalStateException("fallback exploded");
    }).build()) {
      PredictionFailedException e = assertThrows(PredictionFailedException.class, () -> s.predict(record(1, "pro")));
      assertEquals("fallback exploded", e.getSuppressed()[0].getMessage());
    }
  }

  @Test
  void listenersSeeEveryRequestAndTheirExceptionsAreCountedNotThrown() {
    List<PredictionEvent> events = new CopyOnWriteArrayList<>();
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL).cacheSize(10)
        .listener(e -> {
          throw new IllegalStateException("listener bug");
        }).build()) {
      dev.mlsys.api.PredictionListener listener = events::add;
      s.addListener(listener);
      s.predict(record(10, "pro"));
      s.predict(record(10, "pro"));
      assertEquals(2, events.size());
      assertFalse(events.get(0).cacheHit());
      assertTrue(events.get(1).cacheHit());
      assertEquals("v1", events.get(1).modelVersion());
      assertEquals(10.0, events.get(0).row().getDouble("age"));
      assertTrue(events.get(0).latencyNanos() > 0);
      assertTrue(Math.abs(events.get(0).epochMillis() - System.currentTimeMillis()) < 60_000);
      assertEquals(2, s.stats().listenerErrors());
      assertTrue(s.removeListener(listener));
      assertFalse(s.removeListener(listener));
      s.predict(record(10, "pro"));
      assertEquals(2, events.size(), "a removed listener hears nothing more");
    }
  }

  @Test
  void deployServesTheNewVersionAndRollbackRestoresTheOldOneWithItsCache() {
    CountingPredictor v1 = new CountingPredictor(AGE_MODEL);
    Predictor v2 = row -> Prediction.of("yes", Map.of("no", 0.1, "yes", 0.9));
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", v1).cacheSize(100).build()) {
      s.predict(record(10, "pro"));
      s.deploy("v2", v2);
      Prediction p = s.predict(record(10, "pro"));
      assertEquals("v2", p.modelVersion());
      assertEquals(Origin.MODEL, p.origin(), "a new version never serves an old version's entry");
      assertEquals("yes", p.label());
      assertEquals("v1", s.rollback());
      Prediction back = s.predict(record(10, "pro"));
      assertEquals("v1", back.modelVersion());
      assertEquals(Origin.CACHE, back.origin(), "the rolled-back version's entries are still valid");
      assertEquals(1, v1.calls.get());
      IllegalStateException e = assertThrows(IllegalStateException.class, s::rollback);
      assertEquals("there is no earlier version to roll back to; active version is 'v1'", e.getMessage());
    }
  }

  @Test
  void redeployingAVersionNameNeverServesTheOldEntries() {
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL).cacheSize(100).build()) {
      assertEquals("no", s.predict(record(10, "pro")).label());
      s.deploy("v1", row -> Prediction.of("yes", Map.of("no", 0.0, "yes", 1.0)));
      Prediction p = s.predict(record(10, "pro"));
      assertEquals("yes", p.label());
      assertEquals(Origin.MODEL, p.origin());
    }
  }

  @Test
  void historyIsBoundedAndStatsListEveryKnownVersion() {
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v0", AGE_MODEL).history(2).build()) {
      for (int i = 1; i <= 4; i++) {
        s.deploy("v" + i, AGE_MODEL);
      }
      List<VersionStats> versions = s.stats().versions();
      assertEquals(List.of("v4", "v3", "v2"), versions.stream().map(VersionStats::version).toList());
      assertEquals(VersionStats.Role.ACTIVE, versions.get(0).role());
      assertEquals(VersionStats.Role.PREVIOUS, versions.get(1).role());
      assertEquals("v3", s.rollback());
      assertEquals("v2", s.rollback());
      assertThrows(IllegalStateException.class, s::rollback);
    }
  }

  @Test
  void warmUpPredictsRecentRowsBeforeTheSwapAndFillsTheCache() {
    CountingPredictor v2 = new CountingPredictor(AGE_MODEL);
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL).cacheSize(100).warmUp(4)
        .build()) {
      for (int age = 1; age <= 6; age++) {
        s.predict(record(age, "pro"));
      }
      s.deploy("v2", v2);
      assertEquals(4, v2.calls.get(), "the last 4 rows that reached a model");
      Prediction p = s.predict(record(6, "pro"));
      assertEquals("v2", p.modelVersion());
      assertEquals(Origin.CACHE, p.origin());
      assertEquals(Origin.MODEL, s.predict(record(1, "pro")).origin(), "row 1 fell out of the ring");
    }
  }

  @Test
  void aVersionThatFailsWarmUpIsNeverDeployed() {
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL).warmUp(8).build()) {
      s.predict(record(7, "pro"));
      MlsysException e = assertThrows(MlsysException.class, () -> s.deploy("v2", row -> {
        throw new IllegalStateException("broken build");
      }));
      assertTrue(e.getMessage().startsWith("version 'v2' failed warm-up on Row{age=7.0, plan=pro}; it was not deployed"),
          e.getMessage());
      assertEquals("v1", s.activeVersion());
      assertEquals("v1", s.predict(record(7, "pro")).modelVersion());
    }
  }

  @Test
  void aTransformAndVectorModelServeAsOneVersion() {
    RowTransform transform = new RowTransform() {
      @Override
      public List<String> outputNames() {
        return List.of("age01", "pro");
      }

      @Override
      public void transform(Row row, double[] out) {
        out[0] = row.getDouble("age") / 100;
        out[1] = "pro".equals(row.getString("plan")) ? 1 : 0;
      }
    };
    try (PredictionService s = PredictionService.builder(SCHEMA)
        .model("v1", transform, v -> Prediction.of("no", Map.of("no", 1 - v[0] * v[1], "yes", v[0] * v[1])))
        .build()) {
      assertEquals(0.42, s.predict(record(42, "pro")).probability("yes"), 1e-15);
      assertEquals(0.0, s.predict(record(42, "free")).probability("yes"));
    }
  }

  @Test
  void predictAllKeepsOrderAndRejectsTheWholeBatchListingEveryViolation() {
    CountingPredictor model = new CountingPredictor(AGE_MODEL);
    try (PredictionService s = PredictionService.builder(SCHEMA).model("v1", model).build()) {
      List<Map<String, Object>> records = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        records.add(record(i % 101, "pro"));
      }
      List<Prediction> out = s.predictAll(records);
      for (int i = 0; i < 500; i++) {
        assertEquals((i % 101) / 100.0, out.get(i).probability("yes"), 1e-15);
      }
      List<Map<String, Object>> bad = List.of(record(1, "pro"), record(-1, "pro"), record(2, "gold"));
      int before = model.calls.get();
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> s.predictAll(bad));
      assertEquals(List.of("[1].age", "[2].plan"), e.violations().stream().map(v -> v.field()).toList());
      assertEquals(before, model.calls.get(), "nothing is predicted when a record is invalid");
      List<Prediction> streamed = s.predictAll(IntStream.range(0, 300).mapToObj(i -> record(i % 101, "free")))
          .toList();
      for (int i = 0; i < 300; i++) {
        assertEquals((i % 101) / 100.0, streamed.get(i).probability("yes"), 1e-15);
      }
      List<Row> rows = Stream.of(3, 1, 2).map(a -> SCHEMA.row(record(a, "pro"))).toList();
      assertEquals(List.of(0.03, 0.01, 0.02), s.predictRows(rows).stream().map(p -> p.probability("yes")).toList());
    }
  }

  @Test
  void theBuilderSetsEachOptionOnceAndNamesTheOldValue() {
    PredictionService.Builder b = PredictionService.builder(SCHEMA).cacheSize(10);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.cacheSize(20));
    assertEquals("cacheSize was already set to 10", e.getMessage());
    b.model("v1", AGE_MODEL);
    e = assertThrows(IllegalStateException.class, () -> b.model("v2", AGE_MODEL));
    assertTrue(e.getMessage().startsWith("model was already set to version 'v1': ServedModel["), e.getMessage());
    b.deadline(java.time.Duration.ofMillis(5));
    e = assertThrows(IllegalStateException.class, () -> b.deadline(java.time.Duration.ofMillis(9)));
    assertEquals("deadline was already set to PT0.005S", e.getMessage());
    b.fallback(Prediction.of("no"));
    e = assertThrows(IllegalStateException.class, () -> b.fallback(row -> Prediction.of("yes")));
    assertTrue(e.getMessage().startsWith("fallback was already set to Prediction[label=no"), e.getMessage());
    b.warmUp(3);
    assertEquals("warmUp was already set to 3", assertThrows(IllegalStateException.class, () -> b.warmUp(4))
        .getMessage());
    PredictionService s = b.build();
    s.close();
    e = assertThrows(IllegalStateException.class, b::build);
    assertEquals("this builder has built its service already; start a new builder", e.getMessage());
  }

  @Test
  void theBuilderRejectsIncompleteOrInconsistentConfigurations() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PredictionService.builder(SCHEMA).build());
    assertEquals("model(version, predictor) must be set before build()", e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> PredictionService.builder(SCHEMA).model("v1", AGE_MODEL)
        .cacheExpiry(java.time.Duration.ofSeconds(1)).build());
    assertEquals("cacheExpiry (PT1S) needs a cache, but cacheSize is unset", e.getMessage());
    IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
        () -> PredictionService.builder(SCHEMA).cacheSize(-1));
    assertEquals("cacheSize must be >= 0 but was: -1", a.getMessage());
    a = assertThrows(IllegalArgumentException.class, () -> PredictionService.builder(SCHEMA).model(" ", AGE_MODEL));
    assertEquals("version must be non-blank but was: ' '", a.getMessage());
    a = assertThrows(IllegalArgumentException.class,
        () -> PredictionService.builder(SCHEMA).deadline(java.time.Duration.ZERO));
    assertEquals("deadline must be positive but was: PT0S", a.getMessage());
  }

  @Test
  void aClosedServiceRefusesRequestsAndDeployments() {
    PredictionService s = PredictionService.builder(SCHEMA).model("v1", AGE_MODEL).cacheSize(10).build();
    s.predict(record(1, "pro"));
    s.close();
    s.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.predict(record(1, "pro")));
    assertEquals("the prediction service is closed", e.getMessage());
    assertThrows(IllegalStateException.class, () -> s.deploy("v2", AGE_MODEL));
    assertEquals(0, s.stats().cache().size());
  }
}
