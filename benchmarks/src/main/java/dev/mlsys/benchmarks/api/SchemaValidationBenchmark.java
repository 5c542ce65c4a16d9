package dev.mlsys.benchmarks.api;

import dev.mlsys.api.Coercion;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validating one record into a {@link Row}: the first step of every served prediction. The
 * baseline is a hand-written check of the same rules (types, ranges, finiteness, categories)
 * into an {@code Object[]}, the least a service would write by hand.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * SchemaValidationBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
@State(Scope.Benchmark)
public class SchemaValidationBenchmark {
  /** Number of numeric features; two categorical features come on top. */
  @Param({"30"})
  public int numericFeatures;

  private Schema schema;
  private Map<String, Object> record;
  private Map<String, Object> textRecord;
  private String[] names;
  private double[] min;
  private double[] max;

  @Setup(Level.Trial)
  public void setUp() {
    Schema.Builder b = Schema.builder();
    record = new HashMap<>();
    textRecord = new HashMap<>();
    names = new String[numericFeatures];
    min = new double[numericFeatures];
    max = new double[numericFeatures];
    for (int i = 0; i < numericFeatures; i++) {
      names[i] = "x" + i;
      min[i] = -1e6;
      max[i] = 1e6;
      b.numeric(names[i], min[i], max[i]);
      double v = i * 1.5 - 7;
      record.put(names[i], v);
      textRecord.put(names[i], Double.toString(v));
    }
    b.categorical("plan", "free", "pro", "team").categorical("region", "eu", "us", "apac");
    record.put("plan", "pro");
    record.put("region", "eu");
    textRecord.put("plan", "pro");
    textRecord.put("region", "eu");
    schema = b.label("churn", "no", "yes").build();
    if (!schema.validate(record).isEmpty() || handWritten() == null) {
      throw new IllegalStateException("benchmark input must be valid");
    }
  }

  /** mlsys: validate a typed record (numbers as Double) into a Row. */
  @Benchmark
  public Row schemaRowStrict() {
    return schema.row(record);
  }

  /** mlsys: validate a text record (numbers as strings, as read from CSV) into a Row. */
  @Benchmark
  public Row schemaRowLenientFromText() {
    return schema.row(textRecord, Coercion.LENIENT);
  }

  /** Baseline: the same checks written by hand for this one schema. */
  @Benchmark
  public Object[] handWritten() {
    Object[] out = new Object[numericFeatures + 2];
    for (int i = 0; i < numericFeatures; i++) {
      Object v = record.get(names[i]);
      if (!(v instanceof Double d) || !Double.isFinite(d) || d < min[i] || d > max[i]) {
        throw new IllegalArgumentException(names[i]);
      }
      out[i] = d;
    }
    Object plan = record.get("plan");
    if (!"free".equals(plan) && !"pro".equals(plan) && !"team".equals(plan)) {
      throw new IllegalArgumentException("plan");
    }
    Object region = record.get("region");
    if (!"eu".equals(region) && !"us".equals(region) && !"apac".equals(region)) {
      throw new IllegalArgumentException("region");
    }
    if (record.size() != numericFeatures + 2) {
      throw new IllegalArgumentException("unknown field");
    }
    out[numericFeatures] = plan;
    out[numericFeatures + 1] = region;
    return out;
  }
}
