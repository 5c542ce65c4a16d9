package dev.mlsys.data.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Row;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Schema;
import dev.mlsys.data.testdata.Golden;
import dev.mlsys.data.testdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Example-based tests; reference numbers come from scikit-learn (src/test/golden/features_golden.py). */
class FeaturePipelineTest {
  private static final JsonNode GOLDEN = Golden.load("features.json");

  /** Scaled values may differ from numpy's in the last bits of the mean: allow a few ulps. */
  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double tol = 8 * Math.ulp(Math.max(1.0, Math.abs(expected[i])));
      assertEquals(expected[i], actual[i], tol, what + "[" + i + "]");
    }
  }

  private static double[] column(FeaturePipeline p, List<Row> rows, int col) {
    double[][] m = p.transformAll(rows);
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i][col];
    }
    return out;
  }

  @Test
  void standardScalingMatchesScikitLearn() {
    for (String c : List.of("glucose", "mass", "pedigree")) {
      FeaturePipeline p = FeaturePipeline.builder().add(Feature.numeric(c).standardScaled()).fit(RealData.pima());
      JsonNode g = GOLDEN.get("standard_" + c);
      assertClose(Golden.doubles(g.get("values")), column(p, RealData.pima(), 0), "standard " + c);
      Map<?, ?> scaling = (Map<?, ?>) ((Map<?, ?>) ((List<?>) PipelineJson.parse(p.toJson(), "t").asMap()
          .get("features")).get(0)).get("scaling");
      assertEquals(g.get("mean").doubleValue(), (Double) scaling.get("mean"), 1e-12 * Math.abs(g.get("mean").doubleValue()));
      assertEquals(g.get("scale").doubleValue(), (Double) scaling.get("scale"), 1e-12 * g.get("scale").doubleValue());
    }
  }

  @Test
  void minMaxScalingMatchesScikitLearn() {
    for (String c : List.of("insulin", "age")) {
      FeaturePipeline p = FeaturePipeline.builder().add(Feature.numeric(c).minMaxScaled()).fit(RealData.pima());
      double[] actual = column(p, RealData.pima(), 0);
      assertClose(Golden.doubles(GOLDEN.get("minmax_" + c).get("values")), actual, "min-max " + c);
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (double v : actual) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      // (x - min) / range hits the ends exactly, unlike scikit-learn's x * scale + offset
      assertEquals(0.0, min);
      assertEquals(1.0, max);
    }
  }

  @Test
  void imputationThenScalingMatchesScikitLearn() {
    List<Row> rows = RealData.pimaWithMissing();
    Map<String, Imputation> strategies = Map.of("mean", Imputation.mean(), "median", Imputation.median(),
        "most_frequent", Imputation.mostFrequent());
    for (var e : strategies.entrySet()) {
      for (String c : List.of("glucose", "pressure", "mass")) {
        FeaturePipeline p = FeaturePipeline.builder()
            .add(Feature.numeric(c).impute(e.getValue()).missingIndicator().standardScaled()).fit(rows);
        JsonNode g = GOLDEN.get("impute_" + e.getKey() + "_" + c);
        Map<?, ?> feature = (Map<?, ?>) ((List<?>) PipelineJson.parse(p.toJson(), "t").asMap().get("features")).get(0);
        double statistic = (Double) ((Map<?, ?>) feature.get("impute")).get("value");
        assertEquals(g.get("statistic").doubleValue(), statistic, 1e-12 * statistic, e.getKey() + " " + c);
        assertClose(Golden.doubles(g.get("values")), column(p, rows, 0), e.getKey() + " " + c);
        double[] indicator = column(p, rows, 1);
        for (int i = 0; i < rows.size(); i++) {
          assertEquals(rows.get(i).isMissing(c) ? 1.0 : 0.0, indicator[i], "indicator row " + i);
        }
      }
    }
  }

  @Test
  void log1pThenScalingMatchesScikitLearn() {
    FeaturePipeline p = FeaturePipeline.builder().add(Feature.numeric("insulin").log1p().standardScaled())
        .fit(RealData.pima());
    assertClose(Golden.doubles(GOLDEN.get("log1p_standard_insulin").get("values")), column(p, RealData.pima(), 0),
        "log1p insulin");
  }

  @Test
  void quantileBucketsMatchScikitLearnExactly() {
    for (String key : List.of("pedigree_4", "age_5", "insulin_4", "pregnant_10")) {
      String c = key.substring(0, key.indexOf('_'));
      int n = Integer.parseInt(key.substring(key.indexOf('_') + 1));
      FeaturePipeline p = FeaturePipeline.builder()
          .add(Feature.numeric(c).quantileBuckets(n, BucketEncoding.ORDINAL)).fit(RealData.pima());
      JsonNode g = GOLDEN.get("quantile_" + key);
      double[] edges = Stats.quantileEdges(Stats.observedSorted(RealData.pima().stream()
          .mapToDouble(r -> r.getDouble(c)).toArray()), n);
      // numpy's linear percentile reproduced operation for operation: equal to the last bit
      assertArrayEquals(Golden.doubles(g.get("edges")), edges, 0.0, key);
      assertArrayEquals(Golden.doubles(g.get("values")), column(p, RealData.pima(), 0), 0.0, key);
    }
  }

  @Test
  void quantileBucketsMergeCoincidingEdgesAndOneHotNamesTheRanges() {
    FeaturePipeline p = FeaturePipeline.builder()
        .add(Feature.numeric("insulin").quantileBuckets(4, BucketEncoding.ONE_HOT)).fit(RealData.pima());
    // insulin is 0 for 374 of 768 rows, so the 0 and 25 % quantiles coincide: 3 buckets remain
    assertEquals(List.of("insulin[0.0,30.5)", "insulin[30.5,127.25)", "insulin[127.25,846.0)"), p.outputNames());
    double[] v = p.transform(RealData.pima().get(0));
    assertEquals(1.0, v[0] + v[1] + v[2]);
  }

  @Test
  void oneHotMatchesScikitLearnIncludingMissingAsACategory() {
    List<Row> rows = RealData.income();
    for (String c : List.of("OCCUPATION", "AREA", "HOUSEHOLD.SIZE")) {
      FeaturePipeline p = FeaturePipeline.builder().add(Feature.categorical(c).oneHot(Unseen.IGNORE)).fit(rows);
      JsonNode g = GOLDEN.get("onehot_" + c);
      List<String> expectedNames = new java.util.ArrayList<>();
      for (JsonNode cat : g.get("categories")) {
        expectedNames.add(c + "=" + (cat.isNull() ? "<missing>" : cat.textValue()));
      }
      assertEquals(expectedNames, p.outputNames(), c);
      int[] hot = Golden.ints(g.get("hot"));
      double[][] m = p.transformAll(rows);
      for (int i = 0; i < rows.size(); i++) {
        double[] expected = new double[expectedNames.size()];
        expected[hot[i]] = 1;
        assertArrayEquals(expected, m[i], 0.0, c + " row " + i);
      }
    }
  }

  @Test
  void mostFrequentImputationAndOrdinalCodesMatchScikitLearn() {
    List<Row> rows = RealData.income();
    for (String c : List.of("OCCUPATION", "AREA", "HOUSEHOLD.SIZE")) {
      FeaturePipeline p = FeaturePipeline.builder()
          .add(Feature.categorical(c).ordinal(Unseen.ERROR).impute(Imputation.mostFrequent())).fit(rows);
      String statistic = GOLDEN.get("impute_most_frequent_" + c).get("statistic").textValue();
      assertTrue(p.toJson().contains("\"value\" : \"" + statistic + "\""), c + " imputes " + statistic);
      assertArrayEquals(Golden.doubles(GOLDEN.get("ordinal_imputed_" + c).get("values")), column(p, rows, 0), 0.0, c);
    }
  }

  @Test
  void hashingTrickMatchesScikitLearnFeatureHasher() {
    List<Row> rows = RealData.income();
    for (String key : List.of("OCCUPATION_16", "EDUCATION_8")) {
      String c = key.substring(0, key.lastIndexOf('_'));
      int n = Integer.parseInt(key.substring(key.lastIndexOf('_') + 1));
      FeaturePipeline p = FeaturePipeline.builder().add(Feature.categorical(c).hashed(n)).fit(rows);
      JsonNode g = GOLDEN.get("hashed_" + key);
      int[] col = Golden.ints(g.get("column"));
      int[] sign = Golden.ints(g.get("sign"));
      double[][] m = p.transformAll(rows);
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).isMissing(c)) {
          continue; // scikit-learn was given no token; mlsys hashes the missing mark
        }
        double[] expected = new double[n];
        expected[col[i]] = sign[i];
        assertArrayEquals(expected, m[i], 0.0, key + " row " + i);
      }
    }
  }

  private static final Schema PLAN = Schema.builder().categorical("plan", "free", "pro", "team", "enterprise")
      .nullable("plan").numeric("seats").label("churn", "no", "yes").build();

  private static List<Row> planRows() {
    return List.of(PLAN.rowOf("free", 1, "no"), PLAN.rowOf("free", 1, "yes"), PLAN.rowOf("pro", 5, "no"),
        PLAN.rowOf("free", 2, "no"), PLAN.rowOf("team", 20, "no"), PLAN.rowOf("pro", 3, "yes"));
  }

  @Test
  void everyUnseenPolicyEncodesAnUnseenValueAsDocumented() {
    Row unseen = PLAN.rowOf("enterprise", 100, "no");
    Row seen = PLAN.rowOf("pro", 100, "no");
    var error = FeaturePipeline.builder().add(Feature.categorical("plan").oneHot(Unseen.ERROR)).fit(planRows());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> error.transform(unseen));
    assertEquals("plan", e.violations().get(0).field());
    assertEquals("enterprise", e.violations().get(0).value());
    assertEquals(Rule.UNSEEN_CATEGORY, e.violations().get(0).rule());
    assertTrue(e.getMessage().contains("[free, pro, team]"), e.getMessage());

    var ignore = FeaturePipeline.builder().add(Feature.categorical("plan").oneHot(Unseen.IGNORE)).fit(planRows());
    assertArrayEquals(new double[] {0, 0, 0}, ignore.transform(unseen));
    assertArrayEquals(new double[] {0, 1, 0}, ignore.transform(seen));

    var bucket = FeaturePipeline.builder().add(Feature.categorical("plan").oneHot(Unseen.UNSEEN_BUCKET)).fit(planRows());
    assertEquals(List.of("plan=free", "plan=pro", "plan=team", "plan=<unseen>"), bucket.outputNames());
    assertArrayEquals(new double[] {0, 0, 0, 1}, bucket.transform(unseen));

    var frequent = FeaturePipeline.builder().add(Feature.categorical("plan").oneHot(Unseen.MOST_FREQUENT)).fit(planRows());
    assertArrayEquals(new double[] {1, 0, 0}, frequent.transform(unseen));

    var ordinalIgnore = FeaturePipeline.builder().add(Feature.categorical("plan").ordinal(Unseen.IGNORE)).fit(planRows());
    assertArrayEquals(new double[] {-1}, ordinalIgnore.transform(unseen));
    var ordinalBucket = FeaturePipeline.builder().add(Feature.categorical("plan").ordinal(Unseen.UNSEEN_BUCKET))
        .fit(planRows());
    assertArrayEquals(new double[] {3}, ordinalBucket.transform(unseen));
    assertArrayEquals(new double[] {1}, ordinalBucket.transform(seen));
  }

  @Test
  void minCountFoldsRareTrainingValuesIntoTheUnseenBucket() {
    var p = FeaturePipeline.builder()
        .add(Feature.categorical("plan").oneHot(Unseen.UNSEEN_BUCKET).minCount(2)).fit(planRows());
    // team occurs once in training: it is treated as unseen, so the unseen column is trained
    assertEquals(List.of("plan=free", "plan=pro", "plan=<unseen>"), p.outputNames());
    assertArrayEquals(new double[] {0, 0, 1}, p.transform(PLAN.rowOf("team", 1, "no")));
    assertThrows(IllegalArgumentException.class,
        () -> Feature.categorical("plan").oneHot(Unseen.ERROR).minCount(2));
  }

  @Test
  void categoriesFollowTheDeclaredOrderOfACategoricalField() {
    Schema s = Schema.builder().categorical("size", "small", "medium", "large").build();
    var p = FeaturePipeline.builder().add(Feature.categorical("size").ordinal(Unseen.ERROR))
        .fit(List.of(s.rowOf("large"), s.rowOf("small"), s.rowOf("medium")));
    assertArrayEquals(new double[] {0}, p.transform(s.rowOf("small")));
    assertArrayEquals(new double[] {2}, p.transform(s.rowOf("large")));
  }

  @Test
  void missingValuesWithoutImputationAreNaN() {
    Schema s = Schema.builder().numeric("x").nullable("x").build();
    var p = FeaturePipeline.builder()
        .add(Feature.numeric("x").standardScaled())
        .add(Feature.numeric("x").quantileBuckets(2, BucketEncoding.ONE_HOT).missingIndicator())
        .fit(List.of(s.rowOf(1.0), s.rowOf(3.0), s.rowOf((Object) null)));
    double[] v = p.transform(s.rowOf((Object) null));
    assertTrue(Double.isNaN(v[0]) && Double.isNaN(v[1]) && Double.isNaN(v[2]));
    assertEquals(1.0, v[3]);
    assertArrayEquals(new double[] {1, 0, 1, 0}, p.transform(s.rowOf(3.0)), 0.0);
  }

  @Test
  void fixedBucketsPutEdgeValuesInTheUpperBucket() {
    Schema s = Schema.builder().numeric("age").build();
    var p = FeaturePipeline.builder().add(Feature.numeric("age").buckets(BucketEncoding.ORDINAL, 18, 65))
        .fit(List.of(s.rowOf(30)));
    assertArrayEquals(new double[] {0}, p.transform(s.rowOf(17.999)));
    assertArrayEquals(new double[] {1}, p.transform(s.rowOf(18)));
    assertArrayEquals(new double[] {2}, p.transform(s.rowOf(65)));
  }

  @Test
  void crossesEncodeTheTupleOfValues() {
    Schema s = Schema.builder().categorical("plan", "free", "pro").categorical("region", "eu", "us").build();
    List<Row> rows = List.of(s.rowOf("free", "eu"), s.rowOf("pro", "us"), s.rowOf("pro", "eu"));
    var p = FeaturePipeline.builder().add(Feature.cross("plan", "region").oneHot(Unseen.IGNORE))
        .add(Feature.cross("plan", "region").hashed(4)).fit(rows);
    assertEquals(List.of("plan^region=free^eu", "plan^region=pro^eu", "plan^region=pro^us",
        "plan^region#0", "plan^region#1", "plan^region#2", "plan^region#3"), p.outputNames());
    assertArrayEquals(new double[] {0, 0, 0}, java.util.Arrays.copyOf(p.transform(s.rowOf("free", "us")), 3));
    double[] v = p.transform(s.rowOf("pro", "us"));
    assertArrayEquals(new double[] {0, 0, 1}, java.util.Arrays.copyOf(v, 3));
    // the hashed cross equals the hash of "plan=pro<US>region=us"
    int h = com.google.common.hash.Hashing.murmur3_32_fixed()
        .hashString("plan=pro\u001Fregion=us", java.nio.charset.StandardCharsets.UTF_8).asInt();
    double[] expected = new double[4];
    expected[(int) (Math.abs((long) h) % 4)] = h < 0 ? -1 : 1;
    assertArrayEquals(expected, java.util.Arrays.copyOfRange(v, 3, 7));
  }

  @Test
  void refusesToReadTheLabel() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FeaturePipeline.builder().add(Feature.categorical("churn").oneHot(Unseen.IGNORE)).fit(planRows()));
    assertTrue(e.getMessage().contains("target leakage"), e.getMessage());
  }

  @Test
  void servesRowsOfAnotherSchemaByFieldName() {
    var p = FeaturePipeline.builder().add(Feature.numeric("seats").standardScaled())
        .add(Feature.categorical("plan").oneHot(Unseen.IGNORE)).fit(planRows());
    Schema serving = Schema.builder().numeric("seats").categorical("plan", "free", "pro", "team").build();
    assertArrayEquals(p.transform(PLAN.rowOf("pro", 7)), p.transform(serving.rowOf(7, "pro")), 0.0);
    Schema lacking = Schema.builder().numeric("seats").build();
    IncompatibleSchemaException missing = assertThrows(IncompatibleSchemaException.class,
        () -> p.transform(lacking.rowOf(7)));
    assertTrue(missing.getMessage().contains("'plan'"), missing.getMessage());
    Schema retyped = Schema.builder().bool("seats").categorical("plan", "free").build();
    assertThrows(IncompatibleSchemaException.class, () -> p.transform(retyped.rowOf(true, "free")));
  }

  @Test
  void logOfANonPositiveValueIsRejectedWithTheField() {
    Schema s = Schema.builder().numeric("x").build();
    var p = FeaturePipeline.builder().add(Feature.numeric("x").log()).fit(List.of(s.rowOf(1), s.rowOf(10)));
    assertEquals(StrictMath.log(10), p.transform(s.rowOf(10))[0]);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> p.transform(s.rowOf(0)));
    assertEquals("x", e.violations().get(0).field());
    assertEquals(Rule.OUT_OF_RANGE, e.violations().get(0).rule());
  }

  @Test
  void fitFailsClearlyOnUnusableData() {
    Schema s = Schema.builder().numeric("x").nullable("x").text("t").build();
    List<Row> allMissing = List.of(s.rowOf(null, "a"), s.rowOf(null, "b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FeaturePipeline.builder().add(Feature.numeric("x").impute(Imputation.median())).fit(allMissing));
    assertTrue(e.getMessage().contains("field 'x'") && e.getMessage().contains("all 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> FeaturePipeline.builder().add(Feature.numeric("t")).fit(allMissing));
    assertThrows(IllegalArgumentException.class,
        () -> FeaturePipeline.builder().add(Feature.numeric("nope")).fit(allMissing));
    assertThrows(IllegalArgumentException.class,
        () -> FeaturePipeline.builder().add(Feature.numeric("x")).fit(List.of()));
    assertThrows(IllegalArgumentException.class, () -> FeaturePipeline.builder()
        .add(Feature.categorical("t").hashed(2)).add(Feature.categorical("t").hashed(2)).fit(allMissing));
    assertThrows(IllegalStateException.class, () -> Feature.numeric("x").standardScaled().minMaxScaled());
    assertThrows(IllegalArgumentException.class, () -> Feature.numeric("x").impute(Imputation.constant("a")));
    assertThrows(IllegalArgumentException.class, () -> Feature.categorical("t").hashed(0));
  }

  private static FeaturePipeline pimaStyle() {
    return FeaturePipeline.builder()
        .add(Feature.numeric("glucose").impute(Imputation.mean()).missingIndicator().standardScaled())
        .add(Feature.numeric("insulin").impute(Imputation.constant(0)).log1p().minMaxScaled())
        .add(Feature.numeric("pedigree").log().quantileBuckets(5, BucketEncoding.ONE_HOT))
        .add(Feature.numeric("age").buckets(BucketEncoding.ORDINAL, 30, 40, 50))
        .add(Feature.numeric("mass").impute(Imputation.median()).quantileBuckets(3, BucketEncoding.ORDINAL))
        .add(Feature.numeric("pregnant"))
        .fit(RealData.pimaWithMissing());
  }

  private static FeaturePipeline incomeStyle() {
    return FeaturePipeline.builder()
        .add(Feature.categorical("OCCUPATION").oneHot(Unseen.UNSEEN_BUCKET).minCount(50)
            .impute(Imputation.mostFrequent()).missingIndicator())
        .add(Feature.categorical("AREA").ordinal(Unseen.MOST_FREQUENT))
        .add(Feature.categorical("EDUCATION").hashed(8))
        .add(Feature.cross("SEX", "AGE").hashed(16).alternateSign(false))
        .add(Feature.cross("SEX", "MARITAL.STATUS").oneHot(Unseen.IGNORE))
        .add(Feature.categorical("LANGUAGE").oneHot(Unseen.ERROR).impute(Imputation.constant("unknown")))
        .fit(RealData.income());
  }

  @Test
  void savedAndLoadedPipelineGivesBitIdenticalOutputs(@TempDir Path dir) {
    List<FeaturePipeline> pipelines = List.of(incomeStyle(), pimaStyle());
    List<List<Row>> data = List.of(RealData.income(), RealData.pimaWithMissing());
    for (int k = 0; k < 2; k++) {
      FeaturePipeline p = pipelines.get(k);
      Path file = dir.resolve("pipeline" + k + ".json");
      p.save(file);
      FeaturePipeline back = FeaturePipeline.load(file);
      assertEquals(p.toJson(), back.toJson());
      assertEquals(p, back);
      assertEquals(p.features(), back.features());
      double[][] a = p.transformAll(data.get(k));
      double[][] b = back.transformAll(data.get(k));
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < a[i].length; j++) {
          assertEquals(Double.doubleToRawLongBits(a[i][j]), Double.doubleToRawLongBits(b[i][j]), "row " + i + " col " + j);
        }
      }
    }
  }

  @Test
  void readsTheCommittedVersion1Artifact() throws Exception {
    // a pipeline saved by an earlier build must stay readable and give the same numbers
    for (String name : List.of("income", "pima")) {
      String v1 = new String(FeaturePipelineTest.class.getResourceAsStream("/golden/feature-pipeline-v1-" + name
          + ".json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      FeaturePipeline p = FeaturePipeline.fromJson(v1);
      FeaturePipeline refit = name.equals("income") ? incomeStyle() : pimaStyle();
      assertEquals(refit.toJson(), p.toJson());
      List<Row> rows = name.equals("income") ? RealData.income() : RealData.pimaWithMissing();
      assertArrayEquals(refit.transformAll(rows), p.transformAll(rows));
    }
  }

  @Test
  void rejectsUnknownVersionsAndInconsistentArtifacts() {
    String json = incomeStyle().toJson();
    CorruptArtifactException version = assertThrows(CorruptArtifactException.class,
        () -> FeaturePipeline.fromJson(json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2")));
    assertTrue(version.getMessage().contains("version 2") && version.getMessage().contains("1 to 1"),
        version.getMessage());
    assertThrows(CorruptArtifactException.class,
        () -> FeaturePipeline.fromJson(json.replace("mlsys.feature-pipeline", "mlsys.schema")));
    assertThrows(CorruptArtifactException.class,
        () -> FeaturePipeline.fromJson(json.replace("\"minCount\" : 50", "\"minCount\" : 0")));
    assertThrows(CorruptArtifactException.class,
        () -> FeaturePipeline.fromJson(json.replace("\"buckets\" : 8", "\"buckets\" : 9")));
    assertThrows(CorruptArtifactException.class, () -> FeaturePipeline.fromJson(json.substring(0, json.length() / 2)));
    assertThrows(CorruptArtifactException.class, () -> FeaturePipeline.fromJson("[]"));
  }

  @Test
  void bufferTooShortIsRejected() {
    var p = FeaturePipeline.builder().add(Feature.categorical("plan").oneHot(Unseen.IGNORE)).fit(planRows());
    assertThrows(IllegalArgumentException.class, () -> p.transform(planRows().get(0), new double[2]));
    double[] buf = new double[5];
    p.transform(planRows().get(2), buf, 2);
    assertArrayEquals(new double[] {0, 0, 0, 1, 0}, buf);
  }

  /** Writes the committed version-1 artifact; run by hand only when the format version changes. */
  static void main(String[] args) throws Exception {
    Files.writeString(Path.of("src/test/resources/golden/feature-pipeline-v1-income.json"), incomeStyle().toJson());
    Files.writeString(Path.of("src/test/resources/golden/feature-pipeline-v1-pima.json"), pimaStyle().toJson());
  }

  @Test
  void defaultsForASchemaAreTheDocumentedFeaturesAndLeaveTextTimeAndLabelOut() {
    Schema schema = Schema.builder().numeric("age").nullable("age").numeric("income").bool("member")
        .categorical("plan", "basic", "pro").nullable("plan").text("note").timestamp("at").label("y", "no", "yes")
        .build();
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Map<String, Object> v = new java.util.HashMap<>();
      v.put("age", i % 5 == 0 ? null : 20.0 + i);
      v.put("income", 1000.0 * (i % 7));
      v.put("member", i % 3 == 0);
      v.put("plan", i % 6 == 0 ? null : i % 2 == 0 ? "basic" : "pro");
      v.put("note", "row " + i);
      v.put("at", 1_700_000_000_000L + i);
      v.put("y", i % 2 == 0 ? "no" : "yes");
      rows.add(schema.row(v));
    }
    FeaturePipeline defaults = FeaturePipeline.defaultsFor(schema).fit(rows);
    FeaturePipeline explicit = FeaturePipeline.builder()
        .add(Feature.numeric("age").impute(Imputation.median()).missingIndicator().standardScaled())
        .add(Feature.numeric("income").impute(Imputation.median()).standardScaled())
        .add(Feature.numeric("member").impute(Imputation.mostFrequent()))
        .add(Feature.categorical("plan").oneHot(Unseen.IGNORE).impute(Imputation.mostFrequent()))
        .fit(rows);
    assertEquals(explicit.toJson(), defaults.toJson());
    assertTrue(defaults.outputNames().stream().noneMatch(n -> n.startsWith("note") || n.startsWith("at")
        || n.startsWith("y")), defaults.outputNames().toString());
  }
}
