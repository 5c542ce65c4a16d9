package dev.mlsys.monitor.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Schema;
import dev.mlsys.monitor.stats.DriftTests;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReferenceProfileTest {
  static final Schema SCHEMA = Schema.builder()
      .numeric("age", 0, 130)
      .categorical("plan", "free", "pro")
      .bool("active")
      .text("note")
      .nullable("note")
      .label("churn", "no", "yes")
      .build();

  static Map<String, Object> record(Object age, Object plan, Object active) {
    Map<String, Object> m = new HashMap<>();
    m.put("age", age);
    m.put("plan", plan);
    m.put("active", active);
    m.put("note", "hello");
    return m;
  }

  @Test
  void countsMissingTypeErrorsAndRanges() {
    List<Map<String, ?>> records = new ArrayList<>();
    records.add(record(31, "pro", true));
    records.add(record("42.5", "free", "yes"));
    records.add(record("NA", "free", "0"));
    records.add(record("old", "gold", "maybe"));
    records.add(record(-3, " pro ", 1));
    Map<String, Object> noAge = record(null, "pro", false);
    noAge.remove("age");
    noAge.put("colour", "red");
    records.add(noAge);
    ReferenceProfile p = ReferenceProfile.of(SCHEMA, records);
    assertEquals(6, p.records());
    NumericProfile age = (NumericProfile) p.field("age").orElseThrow();
    assertEquals(6, age.count());
    assertEquals(2, age.missing());
    assertEquals(1, age.absent());
    assertEquals(1, age.typeErrors());
    assertEquals(3, age.valid());
    assertEquals(1, age.outOfRange());
    assertArrayEquals(new double[] {-3, 31, 42.5}, age.sortedValues().orElseThrow());
    assertEquals((31 + 42.5 - 3) / 3, age.mean(), 1e-12);
    CategoricalProfile plan = (CategoricalProfile) p.field("plan").orElseThrow();
    assertEquals(Map.of("free", 2L, "gold", 1L, "pro", 3L), plan.counts());
    CategoricalProfile active = (CategoricalProfile) p.field("active").orElseThrow();
    assertEquals(Map.of("false", 2L, "true", 3L), active.counts());
    assertEquals(1, active.typeErrors());
    FieldProfile churn = p.field("churn").orElseThrow();
    assertEquals(FieldRole.LABEL, churn.spec().role());
    assertEquals(6, churn.missing());
    assertEquals(Map.of("colour", 1L), p.unknownFields());
  }

  private static List<Map<String, ?>> numbers(int n, long seed, double shift) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Map<String, ?>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> m = record(Math.round((rng.nextDouble() * 60 + 18 + shift) * 100) / 100.0,
          rng.nextBoolean() ? "free" : "pro", rng.nextBoolean());
      if (i % 17 == 0) {
        m.put("age", null);
      }
      out.add(m);
    }
    return out;
  }

  @Test
  void mergedProfileEqualsOneOverBothPartitions() {
    List<Map<String, ?>> a = numbers(700, 1, 0);
    List<Map<String, ?>> b = numbers(500, 2, 3);
    List<Map<String, ?>> both = new ArrayList<>(a);
    both.addAll(b);
    ReferenceProfile merged = ReferenceProfile.of(SCHEMA, a).merge(ReferenceProfile.of(SCHEMA, b));
    ReferenceProfile whole = ReferenceProfile.of(SCHEMA, both);
    assertEquals(whole.records(), merged.records());
    NumericProfile m = (NumericProfile) merged.field("age").orElseThrow();
    NumericProfile w = (NumericProfile) whole.field("age").orElseThrow();
    assertEquals(w.count(), m.count());
    assertEquals(w.missing(), m.missing());
    assertEquals(w.mean(), m.mean(), 1e-12);
    assertEquals(w.variance(), m.variance(), 1e-9 * w.variance());
    assertEquals(w.min(), m.min());
    assertEquals(w.max(), m.max());
    assertArrayEquals(w.sortedValues().orElseThrow(), m.sortedValues().orElseThrow());
    assertEquals(((CategoricalProfile) whole.field("plan").orElseThrow()).counts(),
        ((CategoricalProfile) merged.field("plan").orElseThrow()).counts());
  }

  @Test
  void jsonRoundTripKeepsEverything() {
    ReferenceProfile p = ReferenceProfile.profiler(SCHEMA).sketchK(64).exactLimit(300).addAll(numbers(1000, 3, 0))
        .profile();
    String json = p.toJson();
    assertTrue(json.startsWith("{\"format\":\"mlsys.reference-profile\",\"formatVersion\":1"), json.substring(0, 60));
    ReferenceProfile back = ReferenceProfile.fromJson(json);
    assertEquals(json, back.toJson());
    NumericProfile age = (NumericProfile) back.field("age").orElseThrow();
    assertFalse(age.hasExactValues());
    assertEquals(((NumericProfile) p.field("age").orElseThrow()).quantile(0.5), age.quantile(0.5));
  }

  @Test
  void readersRejectOtherFormatsAndVersions() {
    String json = ReferenceProfile.of(SCHEMA, numbers(10, 4, 0)).toJson();
    CorruptArtifactException e = assertThrows(CorruptArtifactException.class,
        () -> ReferenceProfile.fromJson(json.replace("\"formatVersion\":1", "\"formatVersion\":2")));
    assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    assertThrows(CorruptArtifactException.class,
        () -> ReferenceProfile.fromJson(json.replace("mlsys.reference-profile", "mlsys.other")));
    assertThrows(CorruptArtifactException.class, () -> ReferenceProfile.fromJson("{\"format\": 3"));
  }

  @Test
  void mergingDifferentSchemasFails() {
    Schema other = Schema.builder().numeric("age").categorical("plan", "free", "pro").bool("active").text("note")
        .label("churn", "no", "yes").build();
    ReferenceProfile a = ReferenceProfile.of(SCHEMA, numbers(5, 1, 0));
    ReferenceProfile b = ReferenceProfile.of(other, numbers(5, 1, 0));
    assertThrows(IncompatibleSchemaException.class, () -> a.merge(b));
  }

  @Test
  void optionsAreSetBeforeTheFirstRecord() {
    Profiler p = ReferenceProfile.profiler(SCHEMA);
    p.add(record(1, "free", true));
    assertThrows(IllegalStateException.class, () -> p.sketchK(100));
    assertThrows(IllegalArgumentException.class, () -> ReferenceProfile.profiler(SCHEMA).exactLimit(-1));
  }

  @Test
  void predictionsBecomeColumns() {
    Profiler p = ReferenceProfile.profiler(SCHEMA);
    p.add(record(30, "free", true));
    p.add(record(31, "pro", true), Prediction.of("yes", Map.of("no", 0.2, "yes", 0.8)));
    p.add(record(32, "pro", false), Prediction.of("no", Map.of("no", 0.9, "yes", 0.1)));
    ReferenceProfile profile = p.profile();
    CategoricalProfile predicted = (CategoricalProfile) profile.field(Profiler.PREDICTION).orElseThrow();
    assertEquals(Map.of("no", 1L, "yes", 1L), predicted.counts());
    assertEquals(1, predicted.missing());
    NumericProfile yes = (NumericProfile) profile.field(Profiler.PROBABILITY_PREFIX + "yes").orElseThrow();
    assertEquals(3, yes.count());
    assertArrayEquals(new double[] {0.1, 0.8}, yes.sortedValues().orElseThrow());
  }

  /**
   * Sketch versus exact: KLL with k = 200 guarantees a normalised rank error of at most
   * {@code getNormalizedRankError(200, false)} (about 1.3%) with 99% confidence, so the sketch CDF,
   * the sketch-based KS statistic and the quantiles' ranks stay within that of the exact ones.
   * Sketch compaction is randomised, so we allow the stated error itself, not a tighter one.
   */
  @Test
  void sketchAnswersStayWithinTheStatedRankError() {
    Schema s = Schema.builder().numeric("x").build();
    SplittableRandom rng = new SplittableRandom(11);
    List<Map<String, ?>> ref = new ArrayList<>();
    double[] exactRef = new double[50_000];
    for (int i = 0; i < exactRef.length; i++) {
      exactRef[i] = rng.nextDouble() * rng.nextDouble() * 10;
      ref.add(Map.of("x", exactRef[i]));
    }
    NumericProfile sketch = (NumericProfile) ReferenceProfile.profiler(s).sketchK(200).exactLimit(0).addAll(ref)
        .profile().field("x").orElseThrow();
    assertFalse(sketch.hasExactValues());
    double eps = sketch.rankError();
    assertTrue(eps > 0.005 && eps < 0.02, "rank error " + eps);
    Arrays.sort(exactRef);
    for (double q = 0.01; q < 1; q += 0.01) {
      double x = sketch.quantile(q);
      double exactRank = upper(exactRef, x) / (double) exactRef.length;
      assertEquals(q, exactRank, eps + 1.0 / exactRef.length, "rank of the sketch's " + q + "-quantile");
      double v = exactRef[(int) (q * exactRef.length)];
      assertEquals(upper(exactRef, v) / (double) exactRef.length, sketch.cdf(v), eps, "cdf at " + v);
    }
  }

  private static int upper(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Test
  void exactProfilesGiveTheScipyValues() {
    List<Map<String, ?>> a = numbers(300, 5, 0);
    List<Map<String, ?>> b = numbers(200, 6, 2);
    double[] x = ((NumericProfile) ReferenceProfile.of(SCHEMA, a).field("age").orElseThrow()).sortedValues().orElseThrow();
    double[] y = ((NumericProfile) ReferenceProfile.of(SCHEMA, b).field("age").orElseThrow()).sortedValues().orElseThrow();
    assertEquals(DriftTests.kolmogorovSmirnov().test(x, y).statistic(),
        DriftTests.kolmogorovSmirnov().test(a.stream().filter(m -> m.get("age") != null)
            .mapToDouble(m -> ((Number) m.get("age")).doubleValue()).toArray(), y).statistic());
  }
}
