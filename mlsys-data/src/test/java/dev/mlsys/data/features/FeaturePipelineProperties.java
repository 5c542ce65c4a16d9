package dev.mlsys.data.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Laws of the feature pipeline over generated data and generated pipelines. */
class FeaturePipelineProperties {
  static final Schema SCHEMA = Schema.builder()
      .numeric("x").nullable("x")
      .numeric("y", 0.001, 1e6).nullable("y")
      .categorical("c", "a", "b", "c", "d").nullable("c")
      .text("t").nullable("t")
      .bool("b")
      .label("label", "no", "yes")
      .build();

  /** Every specification is valid on every generated data set (the first row has no missing value). */
  static final List<Feature> MENU = List.of(
      Feature.numeric("x"),
      Feature.numeric("x").standardScaled().named("x1"),
      Feature.numeric("x").minMaxScaled().missingIndicator().named("x2"),
      Feature.numeric("x").impute(Imputation.mean()).missingIndicator().standardScaled().named("x3"),
      Feature.numeric("x").impute(Imputation.median()).quantileBuckets(3, BucketEncoding.ONE_HOT).named("x4"),
      Feature.numeric("x").impute(Imputation.mostFrequent()).buckets(BucketEncoding.ORDINAL, -1, 0, 1).named("x5"),
      Feature.numeric("y").log().standardScaled(),
      Feature.numeric("y").impute(Imputation.constant(1)).log1p().quantileBuckets(4, BucketEncoding.ORDINAL)
          .named("y1"),
      Feature.numeric("b"),
      Feature.categorical("c").oneHot(Unseen.ERROR),
      Feature.categorical("c").oneHot(Unseen.UNSEEN_BUCKET).minCount(2).missingIndicator().named("c1"),
      Feature.categorical("c").ordinal(Unseen.MOST_FREQUENT).impute(Imputation.mostFrequent()).named("c2"),
      Feature.categorical("c").hashed(8).named("c3"),
      Feature.categorical("t").hashed(4).alternateSign(false).impute(Imputation.constant("none")),
      Feature.categorical("t").oneHot(Unseen.IGNORE).named("t1"),
      Feature.categorical("b").oneHot(Unseen.IGNORE).named("b1"),
      Feature.categorical("x").ordinal(Unseen.IGNORE).named("x6"),
      Feature.cross("c", "t").hashed(8),
      Feature.cross("c", "b").oneHot(Unseen.IGNORE).missingIndicator());

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Double> x = Arbitraries.oneOf(
        Arbitraries.of(-2.0, -1.0, 0.0, 0.5, 1.0, 1.0, 3.0),
        Arbitraries.doubles().between(-1e3, 1e3));
    Arbitrary<Double> y = Arbitraries.doubles().between(0.001, 1e6).ofScale(3);
    Arbitrary<String> c = Arbitraries.of("a", "b", "c", "d");
    Arbitrary<String> t = Arbitraries.strings().withChars("xyzé€字=\u001F").ofMinLength(0).ofMaxLength(4);
    Arbitrary<Row> row = Combinators.combine(
        x.injectNull(0.2), y.injectNull(0.2), c.injectNull(0.2), t.injectNull(0.2), Arbitraries.of(true, false),
        Arbitraries.of("no", "yes")).as((a, b, cc, d, e, l) -> SCHEMA.rowOf(a, b, cc, d, e, l));
    Row full = SCHEMA.rowOf(1.0, 2.0, "a", "x", true, "no");
    return row.list().ofMinSize(0).ofMaxSize(40).map(list -> {
      List<Row> out = new ArrayList<>();
      out.add(full);
      out.addAll(list);
      return out;
    });
  }

  @Provide
  Arbitrary<List<Feature>> pipelines() {
    return Arbitraries.of(MENU).list().ofMinSize(1).ofMaxSize(6).uniqueElements();
  }

  private static FeaturePipeline fit(List<Feature> features, List<Row> rows) {
    return FeaturePipeline.builder().addAll(features).fit(rows);
  }

  private static void assertBitIdentical(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
          what + " at " + i + ": " + expected[i] + " vs " + actual[i]);
    }
  }

  @Property(tries = 200)
  void rowPathAndColumnPathGiveIdenticalBits(@ForAll("pipelines") List<Feature> features,
      @ForAll("rows") List<Row> rows) {
    FeaturePipeline p = fit(features, rows);
    double[] columnar = p.transformColumns(rows);
    int w = p.outputWidth();
    for (int i = 0; i < rows.size(); i++) {
      double[] single = new double[w];
      p.transform(rows.get(i), single);
      double[] slice = java.util.Arrays.copyOfRange(columnar, i * w, (i + 1) * w);
      assertBitIdentical(single, slice, "row " + i);
    }
  }

  @Property(tries = 200)
  void aLoadedPipelineGivesBitIdenticalOutputs(@ForAll("pipelines") List<Feature> features,
      @ForAll("rows") List<Row> train, @ForAll("rows") List<Row> serve) {
    FeaturePipeline p = fit(features, train);
    FeaturePipeline back = FeaturePipeline.fromJson(p.toJson());
    assertEquals(p.toJson(), back.toJson());
    assertEquals(p.outputNames(), back.outputNames());
    assertEquals(features, back.features());
    for (Row r : train) {
      assertBitIdentical(p.transform(r), back.transform(r), "training row");
    }
    // serving rows may hold unseen categories; under every policy but ERROR both must agree
    for (Row r : serve) {
      double[] a;
      try {
        a = p.transform(r);
      } catch (dev.mlsys.api.InvalidInputException unseen) {
        continue;
      }
      assertBitIdentical(a, back.transform(r), "serving row");
    }
  }

  @Property(tries = 200)
  void standardScaledTrainingValuesHaveMeanZeroAndUnitDeviation(@ForAll("rows") List<Row> rows) {
    FeaturePipeline p = fit(List.of(Feature.numeric("x").impute(Imputation.mean()).standardScaled()), rows);
    double[] v = p.transformColumns(rows);
    double mean = Stats.mean(v);
    double std = Stats.std(v, mean);
    // values are at most 1e3 in size: float error of the mean is far below 1e-9
    assertEquals(0.0, mean, 1e-9);
    double[] raw = rows.stream().mapToDouble(r -> r.getDouble("x")).filter(d -> !Double.isNaN(d)).toArray();
    boolean constant = java.util.Arrays.stream(raw).distinct().count() == 1;
    assertEquals(constant ? 0.0 : 1.0, std, 1e-9);
  }

  @Property(tries = 200)
  void minMaxScaledTrainingValuesSpanZeroToOne(@ForAll("rows") List<Row> rows) {
    FeaturePipeline p = fit(List.of(Feature.numeric("x").impute(Imputation.median()).minMaxScaled()), rows);
    double[] v = p.transformColumns(rows);
    double min = java.util.Arrays.stream(v).min().orElseThrow();
    double max = java.util.Arrays.stream(v).max().orElseThrow();
    assertEquals(0.0, min);
    assertTrue(max == 1.0 || max == 0.0, "max " + max);
  }

  @Property(tries = 300)
  void bucketsAreMonotoneInTheValue(@ForAll("rows") List<Row> rows,
      @ForAll @Size(min = 2, max = 20) List<@net.jqwik.api.constraints.DoubleRange(min = -2e3, max = 2e3) Double> probes) {
    FeaturePipeline p = fit(List.of(Feature.numeric("x").quantileBuckets(4, BucketEncoding.ORDINAL)), rows);
    double[] sorted = probes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double previous = -1;
    for (double x : sorted) {
      double bucket = p.transform(SCHEMA.rowOf(x, 1.0, "a", "x", true, "no"))[0];
      assertTrue(bucket >= previous, "bucket " + bucket + " after " + previous + " at " + x);
      assertTrue(bucket >= 0 && bucket < 4, "bucket " + bucket);
      previous = bucket;
    }
  }

  @Property(tries = 200)
  void oneHotRowsHaveExactlyOneHotColumnForTrainingValues(@ForAll("rows") List<Row> rows) {
    FeaturePipeline p = fit(List.of(Feature.categorical("c").oneHot(Unseen.ERROR),
        Feature.cross("c", "t").oneHot(Unseen.ERROR)), rows);
    int split = p.outputNames().indexOf(p.outputNames().stream().filter(n -> n.startsWith("c^t")).findFirst()
        .orElseThrow());
    for (double[] v : p.transformAll(rows)) {
      double first = 0;
      double second = 0;
      for (int j = 0; j < v.length; j++) {
        assertTrue(v[j] == 0 || v[j] == 1);
        if (j < split) {
          first += v[j];
        } else {
          second += v[j];
        }
      }
      assertEquals(1.0, first);
      assertEquals(1.0, second);
    }
  }

  @Property(tries = 1000)
  void streamingMurmur3EqualsGuavasOnTheWholeText(@ForAll String field, @ForAll String value,
      @ForAll("unicode") String other) {
    // the pipeline hashes field bytes, '=', then the value's UTF-8 without building the string
    long h = Murmur3.putBytes(Murmur3.START, field.getBytes(StandardCharsets.UTF_8));
    h = Murmur3.putString(Murmur3.putByte(h, '='), value);
    h = Murmur3.putString(Murmur3.putByte(h, 0x1F), other);
    String whole = field + "=" + value + "\u001F" + other;
    byte[] bytes = whole.getBytes(StandardCharsets.UTF_8);
    int length = field.getBytes(StandardCharsets.UTF_8).length + 2 + Murmur3.utf8Length(value)
        + Murmur3.utf8Length(other);
    assertEquals(bytes.length, length);
    assertEquals(Hashing.murmur3_32_fixed().hashString(whole, StandardCharsets.UTF_8).asInt(), Murmur3.hash(h, length));
    assertEquals(Hashing.murmur3_32_fixed().hashBytes(bytes).asInt(), Murmur3.hash(h, length));
  }

  @Property(tries = 500)
  void hashedFeaturesEqualGuavasMurmur3OfTheToken(@ForAll("unicode") String first, @ForAll("unicode") String second) {
    Schema s = Schema.builder().text("tëxt").text("u").build();
    FeaturePipeline p = FeaturePipeline.builder().add(Feature.categorical("tëxt").hashed(97))
        .add(Feature.cross("tëxt", "u").hashed(89)).fit(List.of(s.rowOf("a", "b")));
    double[] v = p.transform(s.rowOf(first, second));
    double[] columns = p.transformColumns(List.of(s.rowOf(first, second)));
    assertArrayEquals(v, columns);
    String single = "tëxt=" + first;
    String cross = "tëxt=" + first + "\u001Fu=" + second;
    for (String token : List.of(single, cross)) {
      int h = Hashing.murmur3_32_fixed().hashString(token, StandardCharsets.UTF_8).asInt();
      int buckets = token == single ? 97 : 89;
      int offset = token == single ? 0 : 97;
      double[] expected = new double[buckets];
      expected[(int) (Math.abs((long) h) % buckets)] = h < 0 ? -1 : 1;
      assertArrayEquals(expected, java.util.Arrays.copyOfRange(v, offset, offset + buckets), token);
    }
  }

  @Provide
  Arbitrary<String> unicode() {
    // every code unit, unpaired surrogates included; and ASCII runs that hash four bytes at a time
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12), Arbitraries.strings().ascii().ofMaxLength(30),
        Arbitraries.strings().withChars("ab\u00e9\u20ac").ofMaxLength(20));
  }

  @Property(tries = 100)
  void fittingIsDeterministicAndOrderOfRowsDoesNotChangeStatistics(@ForAll("pipelines") List<Feature> features,
      @ForAll("rows") List<Row> rows) {
    FeaturePipeline a = fit(features, rows);
    List<Row> reversed = new ArrayList<>(rows);
    java.util.Collections.reverse(reversed);
    FeaturePipeline b = fit(features, reversed);
    // sums are compensated and sorted statistics are order-free, so only last-bit differences of
    // a mean are allowed: compare outputs with a tolerance of a few ulps
    for (Row r : rows) {
      double[] x = a.transform(r);
      double[] y = b.transform(r);
      for (int j = 0; j < x.length; j++) {
        if (Double.isNaN(x[j])) {
          assertTrue(Double.isNaN(y[j]));
        } else {
          assertEquals(x[j], y[j], 1e-9 * Math.max(1, Math.abs(x[j])));
        }
      }
    }
    assertEquals(a.outputNames(), b.outputNames());
    assertArrayEquals(a.transformColumns(rows), fit(features, rows).transformColumns(rows));
  }
}
