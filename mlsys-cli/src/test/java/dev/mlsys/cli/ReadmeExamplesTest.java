package dev.mlsys.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Calibrator;
import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Schema;
import dev.mlsys.api.Violation;
import dev.mlsys.data.features.Feature;
import dev.mlsys.data.features.FeaturePipeline;
import dev.mlsys.data.io.CsvFormat;
import dev.mlsys.data.io.RowReader;
import dev.mlsys.data.io.ValidationPolicy;
import dev.mlsys.data.sampling.ReservoirSampler;
import dev.mlsys.data.sampling.Samplers;
import dev.mlsys.data.schema.SchemaInference;
import dev.mlsys.data.split.Part;
import dev.mlsys.data.split.Split;
import dev.mlsys.data.split.Splits;
import dev.mlsys.eval.behavior.Perturbations;
import dev.mlsys.eval.calibration.CalibrationMetrics;
import dev.mlsys.eval.calibration.Calibrators;
import dev.mlsys.eval.junit.ModelAssertions;
import dev.mlsys.eval.metrics.BinaryMetrics;
import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.artifact.Artifacts;
import dev.mlsys.models.artifact.ModelArtifact;
import dev.mlsys.models.ensemble.Ensembles;
import dev.mlsys.monitor.DriftMonitor;
import dev.mlsys.monitor.DriftReport;
import dev.mlsys.monitor.stats.DriftTests;
import dev.mlsys.monitor.stats.TestResult;
import dev.mlsys.monitor.stream.DriftDetector;
import dev.mlsys.monitor.stream.DriftDetectors;
import dev.mlsys.monitor.stream.DriftState;
import dev.mlsys.serving.PredictionService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every Java example of README.md. Each example lives here between {@code // example: NAME}
 * and {@code // end}; README.md shows it after {@code <!-- example: NAME -->}, and this test
 * checks the two texts are the same, so the README can never show code that does not compile or
 * run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeExamplesTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCE = Path.of("src/test/java/dev/mlsys/cli/ReadmeExamplesTest.java");

  @TempDir
  static Path dir;
  static Path csv;
  // what the data example hands to the later ones, as a reader would carry it through a program
  static Schema schema;
  static List<Row> rows;
  static List<Row> train;
  static List<Row> test;
  static FeaturePipeline pipeline;
  static Predictor served;
  static Calibrator platt;

  @BeforeAll
  static void copyData() throws IOException {
    csv = dir.resolve("breast_cancer.csv");
    try (InputStream in = ReadmeExamplesTest.class.getResourceAsStream("/dev/mlsys/cli/quickstart/breast_cancer.csv")) {
      Files.copy(in, csv);
    }
  }

  @Test
  @Order(1)
  void api() {
    // example: api
    Schema schema = Schema.builder()
        .numeric("age", 0, 130)
        .categorical("plan", "free", "pro")
        .text("note").nullable("note")
        .label("churn", "no", "yes")
        .build();

    List<Violation> problems = schema.validate(Map.of("age", -3, "plan", "gold"));
    // field 'age': value -3 is below min 0.0 (OUT_OF_RANGE)
    // field 'plan': value 'gold' is not one of [free, pro] (UNSEEN_CATEGORY)

    Row row = schema.row(Map.of("age", 31, "plan", "pro"));   // throws InvalidInputException if invalid
    Predictor model = r -> Prediction.of("yes", Map.of("no", 0.2, "yes", 0.8));
    Prediction p = model.predict(row);
    // end
    assertEquals(List.of("field 'age': value -3 is below min 0.0 (OUT_OF_RANGE)",
        "field 'plan': value 'gold' is not one of [free, pro] (UNSEEN_CATEGORY)"),
        problems.stream().map(Violation::message).toList());
    assertEquals(0.8, p.probability("yes"));
    assertThrows(InvalidInputException.class, () -> schema.row(Map.of("age", 31)));
    assertEquals(Rule.MISSING_REQUIRED, schema.validate(Map.of("age", 31)).get(0).rule());
  }

  @Test
  @Order(2)
  void data() {
    // example: data
    Schema schema = SchemaInference.defaults().label("diagnosis").inferCsv(csv, CsvFormat.DEFAULT).schema();
    List<Row> rows;
    try (RowReader reader = RowReader.csv(csv, schema).policy(ValidationPolicy.SKIP_AND_COLLECT).open()) {
      rows = reader.stream().toList();
      System.out.println(reader.report());      // rows read = accepted + rejected; rejected rows kept whole
    }
    Split split = Splits.stratified(0.8, 0.2).seed(42).split(rows, Row::label);
    List<Row> train = split.take(Part.TRAIN, rows);
    List<Row> test = split.take(Part.TEST, rows);
    FeaturePipeline pipeline = FeaturePipeline.builder()
        .add(Feature.numeric("mean_radius").standardScaled())
        .add(Feature.numeric("mean_concave_points").standardScaled())
        .add(Feature.numeric("worst_texture").log())
        .fit(train);                              // fitted on the training part only
    // end
    assertEquals(569, rows.size());
    assertEquals(455, train.size());
    assertEquals(3, pipeline.outputWidth());
    ReadmeExamplesTest.schema = schema;
    ReadmeExamplesTest.rows = rows;
    ReadmeExamplesTest.train = train;
    ReadmeExamplesTest.test = test;
    ReadmeExamplesTest.pipeline = pipeline;
  }

  @Test
  @Order(3)
  void sampling() {
    List<String> firstHalf = new ArrayList<>();
    List<String> secondHalf = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      (i < 5_000 ? firstHalf : secondHalf).add("record-" + i);
    }
    // example: sampling
    ReservoirSampler<String> left = Samplers.<String>reservoir(100).seed(7).partition(0).build();
    ReservoirSampler<String> right = Samplers.<String>reservoir(100).seed(7).partition(1).build();
    firstHalf.forEach(left::add);                 // e.g. on two threads or two Spark tasks
    secondHalf.forEach(right::add);
    List<String> sample = left.merge(right).sample();   // uniform over both halves, reproducible
    // end
    assertEquals(100, sample.size());
    assertEquals(10_000, left.merge(right).count());
    assertEquals(sample, left.merge(right).sample());
  }

  @Test
  @Order(4)
  void models() {
    Path dir = ReadmeExamplesTest.dir.resolve("model");
    // example: models
    LabeledData data = LabeledData.fromRows(train, pipeline);
    EnsembleModel forest = Ensembles.bagging(Trainers.cart().maxDepth(6)).members(25).seed(42).fit(data);
    Artifacts.save(ModelArtifact.builder(forest).schema(schema).pipeline(pipeline).build(), dir);
    Predictor served = Artifacts.load(dir).predictor();     // every SHA-256 checksum verified first
    Predictor fast = Artifacts.load(dir).compiledPredictor();  // flat arrays, the same outputs
    // end
    assertEquals(forest.onRows(pipeline).predict(test.get(0)), served.predict(test.get(0)));
    for (Row r : test) {
      Prediction slow = served.predict(r);
      Prediction quick = fast.predict(r);
      assertEquals(slow.label(), quick.label());
      assertEquals(slow.probability("malignant"), quick.probability("malignant"), 1e-12);
    }
    ReadmeExamplesTest.served = served;
  }

  @Test
  @Order(5)
  void eval() {
    double[] scores = test.stream().mapToDouble(r -> served.predict(r).probability("malignant")).toArray();
    int[] labels = test.stream().mapToInt(r -> "malignant".equals(r.label()) ? 1 : 0).toArray();
    // example: eval
    double auc = BinaryMetrics.rocAuc(scores, labels);            // equal to scikit-learn's
    Calibrator platt = Calibrators.platt().fit(scores, labels);   // as scikit-learn's sigmoid calibration
    double ece = CalibrationMetrics.expectedCalibrationError(platt.calibrateAll(scores), labels, 10);

    // in a JUnit 5 test: fails with the worst cases and the seed to reproduce them
    ModelAssertions.assertThat(served)
        .isInvariantTo(Perturbations.gaussianNoise("mean_radius", 0.01))
        .allowingFailureRate(0.02)
        .on(test);
    // end
    assertTrue(auc > 0.9, "AUC " + auc);
    assertTrue(ece >= 0 && ece < 0.2, "ECE " + ece);
    ReadmeExamplesTest.platt = platt;
  }

  @Test
  @Order(6)
  void serving() {
    // example: serving
    try (PredictionService service = PredictionService.builder(schema)
        .model("v1", served)
        .calibrator(platt)                        // applied to P(malignant), the second class
        .cacheSize(10_000)
        .build()) {
      Prediction p = service.predict(test.get(0).withoutLabel().toMap());   // stamped "v1", calibrated
      service.deploy("v2", served);               // atomic hot swap, no request fails
    }
    // end
    try (PredictionService service = PredictionService.builder(schema).model("v1", served).calibrator(platt)
        .cacheSize(10).build()) {
      Prediction p = service.predict(test.get(0).withoutLabel().toMap());
      assertEquals("v1", p.modelVersion());
      assertTrue(p.calibrated());
      assertEquals(Prediction.Origin.CACHE, service.predict(test.get(0)).origin());
    }
  }

  @Test
  @Order(7)
  void monitor() {
    List<Map<String, ?>> reference = new ArrayList<>();
    List<Map<String, ?>> today = new ArrayList<>();
    for (Row r : rows) {
      reference.add(r.toMap());
      Map<String, Object> shifted = new LinkedHashMap<>(r.toMap());
      shifted.put("mean_radius", r.getDouble("mean_radius") * 1.3);
      today.add(shifted);
    }
    double[] errors = new double[2000];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < errors.length; i++) {
      errors[i] = random.nextDouble() < (i < 1000 ? 0.1 : 0.5) ? 1 : 0;
    }
    boolean alerted = false;
    // example: monitor
    TestResult ks = DriftTests.kolmogorovSmirnov().test(
        rows.stream().mapToDouble(r -> r.getDouble("mean_radius")).toArray(),
        today.stream().mapToDouble(r -> (Double) r.get("mean_radius")).toArray());   // p-value as scipy's ks_2samp
    DriftReport report = DriftMonitor.builder(schema).reference(reference).build().check(today);
    report.drifted().forEach(f -> System.out.println(f.field() + ": " + f.test() + ", adjusted p " + f.adjustedPValue()));

    DriftDetector adwin = DriftDetectors.adwin();              // River's defaults
    for (double error : errors) {
      if (adwin.update(error) == DriftState.DRIFT) {
        alerted = true;                                        // page someone
      }
    }
    // end
    assertTrue(ks.pValue() < 1e-6, ks.toString());
    assertEquals(List.of("mean_radius"), report.drifted().stream().map(f -> f.field()).toList());
    assertTrue(alerted);
  }

  @Test
  @Order(8)
  void readmeShowsExactlyTheseExamples() throws IOException {
    Map<String, String> inTests = examples(Files.readString(SOURCE),
        Pattern.compile("(?m)^ {4}// example: (\\S+)\\n(.*?)^ {4}// end$", Pattern.DOTALL), 4);
    Map<String, String> inReadme = examples(Files.readString(README),
        Pattern.compile("(?m)^<!-- example: (\\S+) -->\\n```java\\n(.*?)^```$", Pattern.DOTALL), 0);
    assertEquals(List.of("api", "data", "sampling", "models", "eval", "serving", "monitor"),
        List.copyOf(inReadme.keySet()), "README.md shows these examples, in this order");
    for (Map.Entry<String, String> e : inReadme.entrySet()) {
      assertTrue(inTests.containsKey(e.getKey()), "README example '" + e.getKey() + "' has no test here");
      assertEquals(inTests.get(e.getKey()), e.getValue(), "README example '" + e.getKey() + "' differs from its test");
    }
  }

  private static Map<String, String> examples(String text, Pattern pattern, int indent) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      List<String> lines = new ArrayList<>();
      for (String line : m.group(2).split("\n", -1)) {
        lines.add(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line.strip());
      }
      out.put(m.group(1), String.join("\n", lines).strip());
    }
    return out;
  }
}
