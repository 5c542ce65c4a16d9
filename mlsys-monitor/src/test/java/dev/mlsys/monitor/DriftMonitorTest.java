package dev.mlsys.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Schema;
import dev.mlsys.monitor.profile.FieldRole;
import dev.mlsys.monitor.profile.Profiler;
import dev.mlsys.monitor.profile.ReferenceProfile;
import dev.mlsys.monitor.stats.DriftTests;
import dev.mlsys.monitor.stats.TestResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {
  static final Schema SCHEMA = Schema.builder()
      .numeric("age", 0, 130)
      .numeric("income")
      .nullable("income")
      .numeric("children", 0, 20)
      .categorical("plan", "free", "pro", "team")
      .bool("active")
      .text("comment")
      .nullable("comment")
      .label("churn", "no", "yes")
      .build();

  /** Synthetic customers; shift moves age and income, proPlan is the share of "pro". */
  static List<Map<String, ?>> customers(int n, long seed, double shift, double proPlan) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Map<String, ?>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> m = new HashMap<>();
      m.put("age", Math.round(30 + 10 * gaussian(rng) + shift));
      m.put("income", rng.nextDouble() < 0.1 ? null : 40_000 + 10_000 * gaussian(rng) + 2_000 * shift);
      m.put("children", (double) rng.nextInt(4));
      m.put("plan", rng.nextDouble() < proPlan ? "pro" : rng.nextDouble() < 0.2 ? "team" : "free");
      m.put("active", rng.nextBoolean());
      m.put("comment", "ok");
      m.put("churn", rng.nextDouble() < 0.2 ? "yes" : "no");
      out.add(m);
    }
    return out;
  }

  static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log1p(-rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  static DriftMonitor monitor() {
    return DriftMonitor.builder(SCHEMA).reference(customers(2000, 1, 0, 0.3)).build();
  }

  @Test
  void noDriftOnDataFromTheSameProcess() {
    DriftReport r = monitor().check(customers(1500, 2, 0, 0.3));
    assertFalse(r.drift(), r.toJson());
    assertEquals(6, r.testedFeatures()); // age, income, children, plan, active, churn
    assertEquals(Correction.HOLM, r.correction());
  }

  @Test
  void shiftedFeaturesDriftAndRankFirst() {
    DriftReport r = monitor().check(customers(1500, 3, 8, 0.6));
    assertTrue(r.drift());
    List<String> drifted = r.drifted().stream().map(FeatureDrift::field).toList();
    assertTrue(drifted.containsAll(List.of("age", "income", "plan")), drifted.toString());
    assertFalse(drifted.contains("children"));
    assertTrue(r.features().get(0).drifted());
    FeatureDrift age = r.feature("age").orElseThrow();
    assertEquals("ks", age.test());
    assertEquals("wasserstein/std", age.effectSizeMetric());
    assertEquals(0.8, age.effectSize(), 0.1); // a shift of 8 on a deviation of 10
    FeatureDrift children = r.feature("children").orElseThrow();
    assertEquals("chi2", children.test()); // four distinct values: tested as categories
    FeatureDrift plan = r.feature("plan").orElseThrow();
    assertEquals("jensen-shannon", plan.effectSizeMetric());
    double shares = r.features().stream().filter(FeatureDrift::tested).mapToDouble(FeatureDrift::contribution).sum();
    assertEquals(1.0, shares, 1e-12);
  }

  @Test
  void theFeatureTestEqualsTheScipyTestOnTheSameValues() {
    List<Map<String, ?>> ref = customers(800, 4, 0, 0.3);
    List<Map<String, ?>> cur = customers(600, 5, 2, 0.3);
    FeatureDrift age = DriftMonitor.builder(SCHEMA).reference(ref).build().check(cur).feature("age").orElseThrow();
    TestResult direct = DriftTests.kolmogorovSmirnov().test(values(ref, "age"), values(cur, "age"));
    assertEquals(direct.statistic(), age.statistic());
    assertEquals(direct.pValue(), age.pValue());
  }

  static double[] values(List<Map<String, ?>> records, String field) {
    return records.stream().map(m -> m.get(field)).filter(v -> v != null).mapToDouble(v -> ((Number) v).doubleValue())
        .toArray();
  }

  /**
   * With 200,000 values per side, a shift of 0.02 standard deviations is "significant" (KS
   * p-value far below 0.05) but trivial; the effect gate keeps it from raising an alarm.
   */
  @Test
  void largeSamplesDoNotAlarmOnTrivialShifts() {
    Schema s = Schema.builder().numeric("x").build();
    SplittableRandom rng = new SplittableRandom(9);
    List<Map<String, ?>> ref = new ArrayList<>();
    List<Map<String, ?>> cur = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      ref.add(Map.of("x", gaussian(rng)));
      cur.add(Map.of("x", gaussian(rng) + 0.02));
    }
    DriftMonitor gated = DriftMonitor.builder(s).reference(ref).build();
    FeatureDrift x = gated.check(cur).feature("x").orElseThrow();
    assertTrue(x.pValue() < 1e-6, "p " + x.pValue());
    assertTrue(x.effectSize() < 0.05, "effect " + x.effectSize());
    assertFalse(x.drifted());
    DriftMonitor ungated = DriftMonitor.builder(s).reference(gated.reference()).minEffectSize(0).build();
    assertTrue(ungated.check(cur).drift());
  }

  @Test
  void dataQualityFindingsInsteadOfCrashes() {
    List<Map<String, ?>> cur = new ArrayList<>();
    for (Map<String, ?> m : customers(300, 6, 0, 0.3)) {
      Map<String, Object> r = new HashMap<>(m);
      r.remove("active");                         // missing entirely
      r.put("plan", "enterprise");                // undeclared category
      r.put("age", r.hashCode() % 7 == 0 ? "old" : 150); // type errors and out-of-range values
      r.put("income", null);                      // missing rate 100% against 10%
      r.put("region", "eu");                      // not in the schema
      cur.add(r);
    }
    DriftReport r = monitor().check(cur);
    assertEquals(List.of("active"), fields(r, FindingKind.MISSING_FEATURE));
    assertEquals(List.of("plan"), fields(r, FindingKind.UNSEEN_CATEGORY));
    assertEquals(List.of("age"), fields(r, FindingKind.TYPE_ERROR));
    assertEquals(List.of("age"), fields(r, FindingKind.OUT_OF_RANGE));
    assertEquals(List.of("income"), fields(r, FindingKind.MISSING_VALUES));
    assertEquals(List.of("region"), fields(r, FindingKind.UNKNOWN_FIELD));
    assertTrue(r.hasErrors());
    assertFalse(r.feature("active").orElseThrow().tested());
    assertFalse(r.feature("income").orElseThrow().tested()); // no valid current values
    DataQualityFinding range = r.findings(FindingKind.OUT_OF_RANGE).get(0);
    assertEquals(Severity.ERROR, range.severity());
    assertTrue(range.message().contains("[0.00000, 130.000]"), range.message());
    assertEquals(Severity.ERROR, r.findings().get(0).severity()); // most severe first
  }

  private static List<String> fields(DriftReport r, FindingKind kind) {
    return r.findings(kind).stream().map(DataQualityFinding::field).toList();
  }

  @Test
  void requiredFieldsWithMissingValuesAreErrors() {
    List<Map<String, ?>> cur = new ArrayList<>();
    for (Map<String, ?> m : customers(100, 7, 0, 0.3)) {
      Map<String, Object> r = new HashMap<>(m);
      if (cur.size() % 10 == 0) {
        r.put("age", "");
      }
      cur.add(r);
    }
    DataQualityFinding f = monitor().check(cur).findings(FindingKind.MISSING_VALUES).get(0);
    assertEquals("age", f.field());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(10, f.count());
  }

  @Test
  void overridesChangeTheTest() {
    DriftMonitor m = DriftMonitor.builder(SCHEMA).reference(customers(1000, 1, 0, 0.3))
        .test("age", DriftTests.psi(10), 0.2)
        .test("income", DriftTests.cramerVonMises())
        .test("plan", DriftTests.lInfinity(), 0.05)
        .correction(Correction.BONFERRONI)
        .alpha(0.01)
        .build();
    DriftReport r = m.check(customers(800, 3, 8, 0.6));
    FeatureDrift age = r.feature("age").orElseThrow();
    assertEquals("psi(10)", age.test());
    assertTrue(Double.isNaN(age.pValue()));
    assertEquals(0.2, age.threshold());
    assertEquals(age.statistic() >= 0.2, age.drifted());
    assertEquals("cramer-von-mises", r.feature("income").orElseThrow().test());
    assertEquals(0.01, r.feature("income").orElseThrow().threshold());
    assertTrue(r.feature("plan").orElseThrow().drifted());
  }

  @Test
  void builderRulesAreEnforced() {
    DriftMonitor.Builder b = DriftMonitor.builder(SCHEMA).alpha(0.01);
    assertEquals("alpha was already set to 0.01", assertThrows(IllegalStateException.class, () -> b.alpha(0.05))
        .getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.test("plan", DriftTests.kolmogorovSmirnov()));
    assertThrows(IllegalArgumentException.class, () -> b.test("age", DriftTests.psi(10)));
    assertThrows(IllegalArgumentException.class, () -> b.test("nope", DriftTests.kolmogorovSmirnov()));
    b.test("age", DriftTests.kolmogorovSmirnov());
    assertThrows(IllegalStateException.class, () -> b.test("age", DriftTests.cramerVonMises()));
    assertThrows(IllegalStateException.class, b::build); // no reference
    Schema other = Schema.builder().numeric("age").build();
    assertThrows(IncompatibleSchemaException.class,
        () -> DriftMonitor.builder(other).reference(ReferenceProfile.of(SCHEMA, customers(10, 1, 0, 0.3))));
    assertThrows(IllegalArgumentException.class, () -> monitor().check(List.of()));
  }

  @Test
  void labelAndPredictionDrift() {
    List<Map<String, ?>> ref = customers(1000, 1, 0, 0.3);
    List<Prediction> refPredictions = new ArrayList<>();
    for (int i = 0; i < ref.size(); i++) {
      double p = 0.2 + 0.1 * (i % 3);
      refPredictions.add(Prediction.of(p > 0.5 ? "yes" : "no", Map.of("no", 1 - p, "yes", p)));
    }
    List<Map<String, ?>> cur = new ArrayList<>();
    List<Prediction> curPredictions = new ArrayList<>();
    for (Map<String, ?> m : customers(1000, 2, 0, 0.3)) {
      Map<String, Object> r = new HashMap<>(m);
      r.put("churn", cur.size() % 2 == 0 ? "yes" : "no"); // label drift: 50% churn against 20%
      cur.add(r);
      double p = 0.6 + 0.1 * (cur.size() % 3);
      curPredictions.add(Prediction.of("yes", Map.of("no", 1 - p, "yes", p)));
    }
    DriftReport r = DriftMonitor.builder(SCHEMA).reference(ref, refPredictions).build().check(cur, curPredictions);
    FeatureDrift churn = r.feature("churn").orElseThrow();
    assertEquals(FieldRole.LABEL, churn.role());
    assertTrue(churn.drifted());
    FeatureDrift predicted = r.feature(Profiler.PREDICTION).orElseThrow();
    assertEquals(FieldRole.PREDICTION, predicted.role());
    assertTrue(predicted.drifted());
    assertTrue(r.feature(Profiler.PROBABILITY_PREFIX + "yes").orElseThrow().drifted());
    // without predictions on the current side there is no prediction drift to report
    assertTrue(DriftMonitor.builder(SCHEMA).reference(ref, refPredictions).build().check(cur)
        .feature(Profiler.PREDICTION).isEmpty());
  }

  @Test
  void tooFewValuesAreAFindingNotATest() {
    DriftReport r = monitor().check(customers(3, 8, 0, 0.3));
    assertEquals(0, r.testedFeatures());
    assertFalse(r.findings(FindingKind.INSUFFICIENT_DATA).isEmpty());
  }

  /**
   * Sketch mode: with the reference kept only as a KLL sketch, KS's statistic is within the
   * sketch's rank error of the exact one (|F_sketch - F| <= eps everywhere moves the supremum by
   * at most eps), and the verdict on a clear shift is the same.
   */
  @Test
  void sketchReferencesGiveTheExactAnswerWithinTheRankError() {
    Schema s = Schema.builder().numeric("x").build();
    SplittableRandom rng = new SplittableRandom(21);
    List<Map<String, ?>> ref = new ArrayList<>();
    List<Map<String, ?>> cur = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      ref.add(Map.of("x", gaussian(rng)));
    }
    for (int i = 0; i < 3_000; i++) {
      cur.add(Map.of("x", gaussian(rng) * 1.2 + 0.15));
    }
    ReferenceProfile exact = ReferenceProfile.of(s, ref);
    ReferenceProfile sketch = ReferenceProfile.profiler(s).sketchK(200).exactLimit(0).addAll(ref).profile();
    FeatureDrift e = DriftMonitor.builder(s).reference(exact).build().check(cur).feature("x").orElseThrow();
    FeatureDrift k = DriftMonitor.builder(s).reference(sketch).build().check(cur).feature("x").orElseThrow();
    double eps = ((dev.mlsys.monitor.profile.NumericProfile) sketch.field("x").orElseThrow()).rankError();
    assertEquals(e.statistic(), k.statistic(), eps);
    assertEquals(e.effectSize(), k.effectSize(), 0.05 * e.effectSize());
    assertTrue(e.drifted() && k.drifted());
    assertTrue(k.note().contains("sketch"), k.note());
  }

  @Test
  void reportsRoundTripThroughJson() {
    DriftReport r = monitor().check(customers(500, 3, 5, 0.5));
    String json = r.toJson();
    assertTrue(json.startsWith("{\n  \"format\": \"mlsys.drift-report\",\n  \"formatVersion\": 1"), json);
    assertEquals(r, DriftReport.fromJson(json));
    assertThrows(CorruptArtifactException.class,
        () -> DriftReport.fromJson(json.replace("\"formatVersion\": 1", "\"formatVersion\": 9")));
  }

  @Test
  void htmlIsSelfContainedWithInlineCharts() {
    DriftReport r = monitor().check(customers(500, 3, 5, 0.5));
    String html = r.toHtml();
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<svg"));
    assertTrue(html.contains("Drift detected"));
    assertFalse(html.contains("http://") && !html.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    assertFalse(html.contains("https://"), "no external resources");
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<link"));
    assertEquals(r.features().stream().filter(f -> f.distribution() != null).count(),
        html.split("<svg ", -1).length - 1);
  }

  @Test
  void htmlEscapesFieldNamesAndValues() {
    Schema s = Schema.builder().categorical("<b>", "x").build();
    List<Map<String, ?>> ref = new ArrayList<>();
    List<Map<String, ?>> cur = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ref.add(Map.of("<b>", "x"));
      cur.add(Map.of("<b>", "<script>alert(1)</script>"));
    }
    String html = DriftMonitor.builder(s).reference(ref).build().check(cur).toHtml();
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("&lt;script&gt;"));
    assertFalse(html.contains("<b>"));
  }
}
