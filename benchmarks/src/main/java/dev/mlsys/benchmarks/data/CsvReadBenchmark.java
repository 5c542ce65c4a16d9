package dev.mlsys.benchmarks.data;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.Table;
import dev.mlsys.data.io.CsvFormat;
import dev.mlsys.data.io.CsvReader;
import dev.mlsys.data.io.CsvRecord;
import dev.mlsys.data.io.RowReader;
import dev.mlsys.data.io.ValidationPolicy;
import dev.mlsys.data.schema.SchemaInference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * CSV read throughput: one pass over an in-memory file of mixed columns (seven numeric, four
 * categorical, one free-text column with quoted commas and quotes, a label; about 3 % of values
 * missing), generated with a fixed seed so every run reads the same bytes. Divide the file size
 * (printed at setup; 100,000 rows make 12.67 MB) by the time per pass for MB/s.
 *
 * <p>Two levels, each against Jackson CSV (jackson-dataformat-csv) in the same run:
 * <ul>
 *   <li>text records: {@code mlsysRecords} ({@link CsvReader}, values as strings) against
 *       {@code jacksonRecords} (Jackson into {@code String[]});
 *   <li>typed objects: {@code mlsysRows} ({@link RowReader}: parse, convert and validate every
 *       value against the schema into {@link Row}s, bad rows collected) and {@code mlsysTables}
 *       (the same into Arrow {@link Table} batches of 65,536 rows) against
 *       {@code jacksonObjects} (Jackson into a plain object with typed fields, no validation).
 * </ul>
 * Setup checks that all five read the same number of rows and that mlsys and Jackson agree on
 * the sum of a numeric column to the last bit.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * CsvReadBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx1g"})
@State(Scope.Benchmark)
public class CsvReadBenchmark {
  static final String[] MARITAL = {"Married", "Single, never married", "Divorced or separated", "Widowed"};
  static final String[] EDUCATION = {"Grade 8 or less", "Grades 9 to 11", "Graduated high school",
      "1 to 3 years of college", "College graduate", "Grad Study"};
  static final String[] OCCUPATION = {"Professional/Managerial", "Sales Worker", "Factory Worker/Laborer/Driver",
      "Clerical/Service Worker", "Homemaker", "Student, HS or College", "Military", "Retired", "Unemployed"};
  static final String[] HOME = {"House", "Condominium", "Apartment", "Mobile Home", "Other"};
  static final String[] WORDS = {"steady", "customer", "since", "renewed", "late", "payment", "called", "support",
      "twice", "upgraded", "plan", "moved", "new", "city"};

  /** Rows in the generated file. */
  @Param({"100000"})
  public int rows;

  private byte[] csv;
  private Schema schema;
  private ObjectReader jacksonStrings;
  private ObjectReader jacksonObjects;

  /** A plain object for Jackson: typed public fields, nulls for missing values. */
  public static final class Person {
    public Double age;
    public Double glucose;
    public Double pressure;
    public Double mass;
    public Double pedigree;
    public Double income;
    public Double visits;
    public String marital;
    public String education;
    public String occupation;
    public String home;
    public String note;
    public String label;
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    csv = generate(rows, 20_240_501L);
    try (CsvReader sample = CsvReader.open(new ByteArrayInputStream(csv), "bench", CsvFormat.DEFAULT)) {
      schema = SchemaInference.defaults().label("label").infer(sample).schema();
    }
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.EMPTY_STRING_AS_NULL);
    jacksonStrings = mapper.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
        .with(CsvParser.Feature.SKIP_EMPTY_LINES);
    jacksonObjects = mapper.readerFor(Person.class).with(CsvSchema.emptySchema().withHeader());
    Blackhole bh = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    long[] counts = {mlsysRecords(bh), mlsysRows(bh), mlsysTables(bh), jacksonRecords(bh) - 1, jacksonObjects(bh)};
    for (long c : counts) {
      if (c != rows) {
        throw new IllegalStateException("a reader saw " + c + " rows instead of " + rows + ": "
            + java.util.Arrays.toString(counts));
      }
    }
    double mlsysSum = 0;
    try (RowReader r = RowReader.csv(new ByteArrayInputStream(csv), "bench", schema).open()) {
      while (r.hasNext()) {
        double v = r.next().getDouble("mass");
        mlsysSum += Double.isNaN(v) ? 0 : v;
      }
    }
    double jacksonSum = 0;
    try (MappingIterator<Person> it = jacksonObjects.readValues(csv)) {
      while (it.hasNext()) {
        Double v = it.next().mass;
        jacksonSum += v == null ? 0 : v;
      }
    }
    if (Double.doubleToLongBits(mlsysSum) != Double.doubleToLongBits(jacksonSum)) {
      throw new IllegalStateException("mlsys and Jackson disagree: " + mlsysSum + " vs " + jacksonSum);
    }
    System.out.printf(Locale.ROOT, "%n[CsvReadBenchmark] %d rows, %d bytes (%.2f MB)%n", rows, csv.length,
        csv.length / 1e6);
  }

  /** mlsys: raw text records (strings, null for missing). */
  @Benchmark
  public long mlsysRecords(Blackhole bh) {
    long n = 0;
    try (CsvReader r = CsvReader.open(new ByteArrayInputStream(csv), "bench", CsvFormat.DEFAULT)) {
      while (r.hasNext()) {
        CsvRecord rec = r.next();
        bh.consume(rec.values());
        n++;
      }
    }
    return n;
  }

  /** Jackson: raw text records as {@code String[]} (the header is a record too). */
  @Benchmark
  public long jacksonRecords(Blackhole bh) throws IOException {
    long n = 0;
    try (MappingIterator<String[]> it = jacksonStrings.readValues(csv)) {
      while (it.hasNext()) {
        bh.consume(it.next());
        n++;
      }
    }
    return n;
  }

  /** mlsys: parsed, converted and validated rows. */
  @Benchmark
  public long mlsysRows(Blackhole bh) {
    long n = 0;
    try (RowReader r = RowReader.csv(new ByteArrayInputStream(csv), "bench", schema)
        .policy(ValidationPolicy.SKIP_AND_COLLECT).open()) {
      while (r.hasNext()) {
        bh.consume(r.next());
        n++;
      }
    }
    return n;
  }

  /** mlsys: validated rows gathered into Arrow tables of 65,536 rows. */
  @Benchmark
  public long mlsysTables(Blackhole bh) {
    long n = 0;
    try (RowReader r = RowReader.csv(new ByteArrayInputStream(csv), "bench", schema)
        .policy(ValidationPolicy.SKIP_AND_COLLECT).open()) {
      while (r.hasNext()) {
        try (Table t = r.nextBatch(65_536)) {
          bh.consume(t.rowCount());
          n += t.rowCount();
        }
      }
    }
    return n;
  }

  /** Jackson: plain objects with typed fields (no validation). */
  @Benchmark
  public long jacksonObjects(Blackhole bh) throws IOException {
    long n = 0;
    try (MappingIterator<Person> it = jacksonObjects.readValues(csv)) {
      while (it.hasNext()) {
        bh.consume(it.next());
        n++;
      }
    }
    return n;
  }

  /** A deterministic file: same seed, same bytes. */
  static byte[] generate(int rows, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(rows * 100);
    sb.append("age,glucose,pressure,mass,pedigree,income,visits,marital,education,occupation,home,note,label\n");
    for (int i = 0; i < rows; i++) {
      sb.append(rnd.nextInt(18, 90)).append(',');
      sb.append(missing(rnd) ? "" : String.format(Locale.ROOT, "%.1f", 40 + rnd.nextDouble() * 160)).append(',');
      sb.append(missing(rnd) ? "" : String.format(Locale.ROOT, "%.1f", 30 + rnd.nextDouble() * 90)).append(',');
      sb.append(missing(rnd) ? "" : String.format(Locale.ROOT, "%.1f", 15 + rnd.nextDouble() * 45)).append(',');
      sb.append(String.format(Locale.ROOT, "%.3f", rnd.nextDouble() * 2.4)).append(',');
      sb.append(String.format(Locale.ROOT, "%.2f", Math.exp(9 + rnd.nextDouble() * 3))).append(',');
      sb.append(rnd.nextInt(0, 40)).append(',');
      sb.append(quoted(MARITAL[rnd.nextInt(MARITAL.length)])).append(',');
      sb.append(EDUCATION[rnd.nextInt(EDUCATION.length)]).append(',');
      sb.append(missing(rnd) ? "" : quoted(OCCUPATION[rnd.nextInt(OCCUPATION.length)])).append(',');
      sb.append(HOME[rnd.nextInt(HOME.length)]).append(',');
      StringBuilder note = new StringBuilder();
      int words = rnd.nextInt(1, 8);
      for (int w = 0; w < words; w++) {
        note.append(w == 0 ? "" : rnd.nextInt(10) == 0 ? ", " : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
      }
      if (rnd.nextInt(50) == 0) {
        note.append(" \"urgent\"");
      }
      sb.append(quoted(note.toString())).append(',');
      sb.append(rnd.nextInt(3) == 0 ? "pos" : "neg").append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean missing(SplittableRandom rnd) {
    return rnd.nextInt(100) < 3;
  }

  private static String quoted(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
