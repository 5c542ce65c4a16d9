package dev.mlsys.benchmarks.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.Table;
import dev.mlsys.data.features.BucketEncoding;
import dev.mlsys.data.features.Feature;
import dev.mlsys.data.features.FeaturePipeline;
import dev.mlsys.data.features.Imputation;
import dev.mlsys.data.features.Unseen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Applying a fitted feature pipeline to one row, the serving path: nanoseconds per row over a batch
 * of {@value #BATCH} realistic rows (an income-survey-like schema: numeric age with 5 % missing,
 * log-normal income, hours; Zipf-distributed occupation, region and education; 126 output columns
 * from median imputation with an indicator, standard and min-max scaling, log1p with one-hot
 * quantile buckets, one-hot with an unseen bucket, hashing and a hashed cross). The baseline is
 * the same transform written by hand for this one schema with the fitted constants inlined (what a
 * team writes when it re-implements training features in the service), so the ratio is the price
 * of the generic, saved-and-loaded pipeline. {@code pipelineTable} is the training path: the same
 * rows held in an Arrow {@link Table} and transformed column by column into a new row-major matrix.
 *
 * <p>Every output of the three paths is checked to be identical in {@link #setUp()}.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * FeaturePipelineBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
@State(Scope.Benchmark)
public class FeaturePipelineBenchmark {
  static final int BATCH = 1024;
  private static final String[] OCCUPATIONS = {"professional", "clerical", "sales", "laborer", "homemaker",
      "retired", "student", "military", "unemployed", "service", "craft", "farming"};
  private static final String[] REGIONS = {"north", "south", "east", "west", "central", "islands"};
  private static final String[] EDUCATION = {"none", "primary", "some-high", "high", "some-college", "associate",
      "bachelor", "master", "doctorate", "professional-degree", "vocational", "apprentice", "online", "military",
      "religious", "other"};

  private List<Row> rows;
  private FeaturePipeline pipeline;
  private HandWritten handWritten;
  private double[] buffer;
  private Table table;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Schema schema = Schema.builder()
        .numeric("age", 0, 120).nullable("age")
        .numeric("income", 0, 1e8)
        .numeric("hours", 0, 100)
        .categorical("occupation", OCCUPATIONS)
        .categorical("region", REGIONS)
        .text("education")
        .label("churn", "no", "yes")
        .build();
    SplittableRandom r = new SplittableRandom(42);
    List<Row> train = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      train.add(row(schema, r));
    }
    rows = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      rows.add(row(schema, r).withoutLabel());
    }
    pipeline = FeaturePipeline.fromJson(FeaturePipeline.builder()
        .add(Feature.numeric("age").impute(Imputation.median()).missingIndicator().standardScaled())
        .add(Feature.numeric("income").log1p().quantileBuckets(8, BucketEncoding.ONE_HOT))
        .add(Feature.numeric("hours").minMaxScaled())
        .add(Feature.categorical("occupation").oneHot(Unseen.UNSEEN_BUCKET))
        .add(Feature.categorical("region").oneHot(Unseen.IGNORE))
        .add(Feature.categorical("education").hashed(32))
        .add(Feature.cross("region", "occupation").hashed(64))
        .fit(train).toJson());
    handWritten = new HandWritten(pipeline, schema);
    buffer = new double[pipeline.outputWidth()];
    double[] expected = new double[pipeline.outputWidth()];
    table = Table.fromRows(schema, rows);
    double[] columns = pipeline.transformColumns(table);
    for (int i = 0; i < rows.size(); i++) {
      pipeline.transform(rows.get(i), expected);
      handWritten.transform(rows.get(i), buffer);
      double[] slice = Arrays.copyOfRange(columns, i * expected.length, (i + 1) * expected.length);
      if (!Arrays.equals(expected, buffer) || !Arrays.equals(expected, slice)) {
        throw new IllegalStateException("the three paths disagree on row " + i + ":\n" + Arrays.toString(expected)
            + "\n" + Arrays.toString(buffer) + "\n" + Arrays.toString(slice));
      }
    }
  }

  private static Row row(Schema schema, SplittableRandom r) {
    Double age = r.nextInt(20) == 0 ? null : (double) (18 + r.nextInt(70));
    double income = Math.floor(Math.exp(10.5 + 0.8 * r.nextGaussian()));
    double hours = r.nextInt(81);
    return schema.rowOf(age, Math.min(income, 1e8), hours, zipf(OCCUPATIONS, r), zipf(REGIONS, r),
        zipf(EDUCATION, r), r.nextInt(5) == 0 ? "yes" : "no");
  }

  /** A Zipf-like draw: value k with probability proportional to 1 / (k + 1). */
  private static String zipf(String[] values, SplittableRandom r) {
    double total = 0;
    for (int k = 0; k < values.length; k++) {
      total += 1.0 / (k + 1);
    }
    double u = r.nextDouble() * total;
    for (int k = 0; k < values.length; k++) {
      u -= 1.0 / (k + 1);
      if (u <= 0) {
        return values[k];
      }
    }
    return values[values.length - 1];
  }

  /** mlsys: the fitted pipeline, loaded from its JSON, writing into a reused buffer. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double pipeline() {
    double sum = 0;
    for (Row row : rows) {
      pipeline.transform(row, buffer);
      sum += buffer[0] + buffer[buffer.length - 1];
    }
    return sum;
  }

  /** Baseline: the same features written by hand for this schema. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double handWritten() {
    double sum = 0;
    for (Row row : rows) {
      handWritten.transform(row, buffer);
      sum += buffer[0] + buffer[buffer.length - 1];
    }
    return sum;
  }

  /** mlsys, training path: the batch as a table, transformed column by column into one matrix. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double pipelineTable() {
    double[] m = pipeline.transformColumns(table);
    return m[0] + m[m.length - 1];
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    table.close();
  }

  /** The transform as a developer would write it for one schema, with the fitted constants. */
  static final class HandWritten {
    private static final HashFunction MURMUR = Hashing.murmur3_32_fixed();
    private final int age;
    private final int income;
    private final int hours;
    private final int occupation;
    private final int region;
    private final int education;
    private final double ageMedian;
    private final double ageMean;
    private final double ageStd;
    private final double[] incomeInner;
    private final double hoursMin;
    private final double hoursRange;
    private final Map<String, Integer> occupationCodes = new HashMap<>();
    private final Map<String, Integer> regionCodes = new HashMap<>();

    HandWritten(FeaturePipeline fitted, Schema schema) throws Exception {
      JsonNode f = new ObjectMapper().readTree(fitted.toJson()).get("features");
      age = schema.indexOf("age");
      income = schema.indexOf("income");
      hours = schema.indexOf("hours");
      occupation = schema.indexOf("occupation");
      region = schema.indexOf("region");
      education = schema.indexOf("education");
      ageMedian = f.get(0).get("impute").get("value").doubleValue();
      ageMean = f.get(0).get("scaling").get("mean").doubleValue();
      ageStd = f.get(0).get("scaling").get("scale").doubleValue();
      JsonNode edges = f.get(1).get("scaling").get("edges");
      incomeInner = new double[edges.size() - 2];
      for (int i = 0; i < incomeInner.length; i++) {
        incomeInner[i] = edges.get(i + 1).doubleValue();
      }
      hoursMin = f.get(2).get("scaling").get("min").doubleValue();
      hoursRange = f.get(2).get("scaling").get("range").doubleValue();
      JsonNode occ = f.get(3).get("categories");
      for (int i = 0; i < occ.size(); i++) {
        occupationCodes.put(occ.get(i).textValue(), i);
      }
      JsonNode reg = f.get(4).get("categories");
      for (int i = 0; i < reg.size(); i++) {
        regionCodes.put(reg.get(i).textValue(), i);
      }
    }

    void transform(Row row, double[] out) {
      int o = 0;
      double a = row.getDouble(age);
      boolean missing = Double.isNaN(a);
      out[o++] = ((missing ? ageMedian : a) - ageMean) / ageStd;
      out[o++] = missing ? 1 : 0;
      double logIncome = StrictMath.log1p(row.getDouble(income));
      int bucket = 0;
      while (bucket < incomeInner.length && incomeInner[bucket] <= logIncome) {
        bucket++;
      }
      Arrays.fill(out, o, o + incomeInner.length + 1, 0.0);
      out[o + bucket] = 1;
      o += incomeInner.length + 1;
      out[o++] = (row.getDouble(hours) - hoursMin) / hoursRange;
      Integer occ = occupationCodes.get((String) row.get(occupation));
      Arrays.fill(out, o, o + occupationCodes.size() + 1, 0.0);
      out[o + (occ == null ? occupationCodes.size() : occ)] = 1;
      o += occupationCodes.size() + 1;
      Integer reg = regionCodes.get((String) row.get(region));
      Arrays.fill(out, o, o + regionCodes.size(), 0.0);
      if (reg != null) {
        out[o + reg] = 1;
      }
      o += regionCodes.size();
      o = hashed("education=" + row.get(education), 32, out, o);
      hashed("region=" + row.get(region) + "\u001Foccupation=" + row.get(occupation), 64, out, o);
    }

    private static int hashed(String token, int buckets, double[] out, int o) {
      int h = MURMUR.hashString(token, StandardCharsets.UTF_8).asInt();
      Arrays.fill(out, o, o + buckets, 0.0);
      out[o + (int) (Math.abs((long) h) % buckets)] = h < 0 ? -1 : 1;
      return o + buckets;
    }
  }
}
