package dev.mlsys.models.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.features.Feature;
import dev.mlsys.data.features.FeaturePipeline;
import dev.mlsys.data.features.Imputation;
import dev.mlsys.data.features.Unseen;
import dev.mlsys.eval.calibration.Calibrators;
import dev.mlsys.eval.calibration.FittedCalibrator;
import dev.mlsys.eval.calibration.MulticlassCalibrator;
import dev.mlsys.models.Baselines;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.TestData;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.ensemble.Ensembles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {
  private static final LabeledData TRAIN = TestData.blobs(150, 61);
  private static final LabeledData TEST = TestData.blobs(90, 62);

  @TempDir
  Path tmp;

  static List<ModelTrainer> classifiers() {
    return List.of(Trainers.logisticRegression(), Trainers.linearSgd(), Trainers.cart().maxDepth(4),
        Trainers.randomForest().trees(5), Trainers.extraTrees().trees(5), Trainers.xgboost().trees(5),
        Baselines.prior(), Baselines.stratified().withSeed(3), Baselines.uniform(),
        Ensembles.bagging(Trainers.cart().maxDepth(3)).members(4),
        Ensembles.adaBoost(Trainers.cart().maxDepth(1)).rounds(5),
        Ensembles.stacking(Trainers.cart().maxDepth(3), Trainers.logisticRegression()).folds(3),
        Ensembles.voting(Trainers.logisticRegression(), Trainers.xgboost().trees(5)).hard());
  }

  @Test
  void everyModelKindLoadsBackWithIdenticalOutputs() {
    int n = 0;
    for (ModelTrainer t : classifiers()) {
      TrainedModel model = t.fit(TRAIN);
      ModelArtifact artifact = ModelArtifact.builder(model).provenance(Provenance.of(t, TRAIN))
          .metrics(Map.of("accuracy", 0.5)).build();
      // directories and zips alternate: both formats meet every kind of model across the loop
      Path p = tmp.resolve("m" + n + (n % 2 == 0 ? "" : ".zip"));
      if (n++ % 2 == 0) {
        Artifacts.save(artifact, p);
      } else {
        Artifacts.saveZip(artifact, p);
      }
      ModelArtifact loaded = Artifacts.load(p);
      assertEquals(model.getClass(), loaded.model().getClass());
      assertEquals(model.name(), loaded.model().name());
      double[][] rows = TEST.rows();
      double[][] before = model.outputs(rows);
      double[][] after = loaded.model().outputs(rows);
      for (int i = 0; i < rows.length; i++) {
        assertArrayEquals(before[i], after[i], t.describe());
      }
      for (int i = 0; i < 10; i++) {
        assertArrayEquals(model.output(rows[i]), after[i], t.describe());
      }
      assertEquals(model.predict(rows[0]), loaded.model().predict(rows[0]));
      assertEquals(TRAIN.fingerprint(), loaded.provenance().orElseThrow().dataFingerprint());
      assertEquals(artifact.metrics(), loaded.metrics());
    }
  }

  @Test
  void regressionModelsLoadBackToo() {
    LabeledData train = TestData.linear(120, 5);
    for (ModelTrainer t : List.of(Trainers.linearSgd(), Trainers.cart().maxDepth(4), Trainers.xgboost().trees(5),
        Baselines.median(), Ensembles.bagging(Trainers.cart().maxDepth(3)).members(3))) {
      TrainedModel model = t.fit(train);
      Path dir = tmp.resolve("r-" + t.name());
      Artifacts.save(ModelArtifact.builder(model).build(), dir);
      TrainedModel loaded = Artifacts.load(dir).model();
      for (int i = 0; i < 50; i++) {
        assertArrayEquals(model.output(train.features(i)), loaded.output(train.features(i)), t.describe());
      }
    }
  }

  @Test
  void schemaAndPipelineMakeARowPredictor() {
    Schema schema = Schema.builder().numeric("x0").numeric("x1").nullable("x1").categorical("tint", "red", "blue")
        .label("y", "c0", "c1", "c2").build();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < TRAIN.size(); i++) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("x0", TRAIN.value(i, 0));
      v.put("x1", i % 10 == 0 ? null : TRAIN.value(i, 1));
      v.put("tint", i % 2 == 0 ? "red" : "blue");
      v.put("y", TRAIN.classes().get(TRAIN.classOf(i)));
      rows.add(schema.row(v));
    }
    FeaturePipeline pipeline = FeaturePipeline.builder().add(Feature.numeric("x0"))
        .add(Feature.numeric("x1").impute(Imputation.median())).add(Feature.categorical("tint").oneHot(Unseen.IGNORE))
        .fit(rows);
    LabeledData data = LabeledData.fromRows(rows, pipeline);
    TrainedModel model = Trainers.cart().maxDepth(5).fit(data);
    ModelArtifact artifact = ModelArtifact.builder(model).schema(schema).pipeline(pipeline)
        .calibratorJson("{\"format\":\"mlsys.calibrator\",\"formatVersion\":1}").build();
    Path zip = tmp.resolve("rows.zip");
    Artifacts.saveZip(artifact, zip);
    ModelArtifact loaded = Artifacts.load(zip);
    assertEquals(schema, loaded.schema().orElseThrow());
    assertEquals(pipeline.toJson(), loaded.pipeline().orElseThrow().toJson());
    assertTrue(loaded.calibratorJson().orElseThrow().contains("mlsys.calibrator"));
    Predictor before = artifact.predictor();
    Predictor after = loaded.predictor();
    Predictor compiled = loaded.compiledPredictor();
    for (Row r : rows.subList(0, 30)) {
      Prediction p = after.predict(r.withoutLabel());
      assertEquals(before.predict(r.withoutLabel()), p);
      assertEquals(model.predict(pipeline.transform(r)), p);
      Prediction c = compiled.predict(r.withoutLabel());
      assertEquals(p.label(), c.label());
      assertEquals(p.probabilities().keySet(), c.probabilities().keySet());
      for (String cls : p.probabilities().keySet()) {
        assertEquals(p.probability(cls), c.probability(cls), 1e-12, cls);
      }
    }
  }

  @Test
  void calibratorsAreStoredAsMlsysEvalWritesThemAndReadBackTyped() throws IOException {
    LabeledData cancer = TestData.breastCancer();
    TrainedModel binary = Trainers.cart().maxDepth(3).fit(cancer);
    double[][] out = binary.outputs(cancer.rows());
    double[] scores = new double[out.length];
    for (int i = 0; i < out.length; i++) {
      scores[i] = out[i][1];
    }
    for (FittedCalibrator c : List.of(Calibrators.platt().fit(scores, cancer.classIndices()),
        Calibrators.isotonic().fit(scores, cancer.classIndices()))) {
      ModelArtifact artifact = ModelArtifact.builder(binary).calibrator(c).build();
      assertEquals(c.toJson(), artifact.calibratorJson().orElseThrow());
      Path dir = tmp.resolve("calibrated-" + c.method());
      Artifacts.save(artifact, dir);
      // the file holds the calibrator's own JSON, as before the typed accessor existed
      assertEquals(c.toJson(), Files.readString(dir.resolve("calibrator.json"), StandardCharsets.UTF_8));
      FittedCalibrator back = Artifacts.load(dir).calibrator().orElseThrow();
      assertEquals(c.method(), back.method());
      assertEquals(c.toJson(), back.toJson());
      for (double s = 0; s <= 1; s += 1 / 64.0) {
        assertEquals(Double.doubleToRawLongBits(c.calibrate(s)), Double.doubleToRawLongBits(back.calibrate(s)), c + " at " + s);
      }
      CorruptArtifactException e = assertThrows(CorruptArtifactException.class,
          () -> Artifacts.load(dir).multiclassCalibrator());
      assertTrue(e.getMessage().contains(c.method()), e.getMessage());
    }

    TrainedModel threeClasses = Trainers.logisticRegression().fit(TRAIN);
    MulticlassCalibrator temperature = Calibrators.temperature().fit(threeClasses.outputs(TEST.rows()), TEST.classIndices());
    Path zip = tmp.resolve("temperature.zip");
    Artifacts.saveZip(ModelArtifact.builder(threeClasses).calibrator(temperature).build(), zip);
    ModelArtifact loaded = Artifacts.load(zip);
    assertEquals(temperature, loaded.multiclassCalibrator().orElseThrow());
    assertThrows(CorruptArtifactException.class, loaded::calibrator);

    FittedCalibrator platt = Calibrators.platt().fit(scores, cancer.classIndices());
    IllegalArgumentException notBinary = assertThrows(IllegalArgumentException.class,
        () -> ModelArtifact.builder(threeClasses).calibrator(platt));
    assertTrue(notBinary.getMessage().contains("[c0, c1, c2]"), notBinary.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ModelArtifact.builder(binary).calibrator(temperature));
    ModelArtifact none = ModelArtifact.builder(binary).calibrator(platt).calibrator((FittedCalibrator) null).build();
    assertTrue(none.calibrator().isEmpty() && none.multiclassCalibrator().isEmpty() && none.calibratorJson().isEmpty());
  }

  @Test
  void tamperedTruncatedAndForeignFilesAreRefused() throws IOException {
    TrainedModel model = Trainers.cart().maxDepth(3).fit(TRAIN);
    Path dir = tmp.resolve("a");
    Artifacts.save(ModelArtifact.builder(model).build(), dir);
    assertTrue(Artifacts.verify(dir).containsKey("tribuo/0.pb"));

    Path changed = copy(dir, "changed");
    byte[] json = Files.readAllBytes(changed.resolve("model.json"));
    json[json.length / 2] ^= 1;
    Files.write(changed.resolve("model.json"), json);
    assertRefused(changed, "model.json", "SHA-256");

    Path truncated = copy(dir, "truncated");
    byte[] pb = Files.readAllBytes(truncated.resolve("tribuo/0.pb"));
    Files.write(truncated.resolve("tribuo/0.pb"), java.util.Arrays.copyOf(pb, pb.length - 10));
    assertRefused(truncated, "tribuo/0.pb", "truncated");

    Path missing = copy(dir, "missing");
    Files.delete(missing.resolve("metrics.json"));
    assertRefused(missing, "metrics.json", "missing");

    Path extra = copy(dir, "extra");
    Files.writeString(extra.resolve("payload.class"), "x");
    assertRefused(extra, "payload.class", "not listed");

    Path newer = copy(dir, "newer");
    String manifest = Files.readString(newer.resolve(Artifacts.MANIFEST)).replace("\"formatVersion\": 1", "\"formatVersion\": 2");
    Files.writeString(newer.resolve(Artifacts.MANIFEST), manifest);
    assertRefused(newer, "version 2", "newer than this build");

    Path zip = tmp.resolve("cut.zip");
    Artifacts.saveZip(ModelArtifact.builder(model).build(), zip);
    byte[] whole = Files.readAllBytes(zip);
    for (int cut : new int[] {10, whole.length / 2, whole.length - 30}) {
      Path part = tmp.resolve("cut-" + cut + ".zip");
      Files.write(part, java.util.Arrays.copyOf(whole, cut));
      assertRefused(part, "truncated or damaged");
    }

    Path none = copy(dir, "none");
    Files.delete(none.resolve(Artifacts.MANIFEST));
    assertRefused(none, "manifest.json", "not an mlsys model artifact");
  }

  @Test
  void onlyTribuoClassesAreDeserialised() throws IOException {
    TrainedModel model = Trainers.cart().maxDepth(2).fit(TRAIN);
    Map<String, byte[]> files = Artifacts.files(ModelArtifact.builder(model).build());
    org.tribuo.protos.core.ModelProto proto = org.tribuo.protos.core.ModelProto.parseFrom(files.get("tribuo/0.pb"));
    files.put("tribuo/0.pb", proto.toBuilder().setClassName("com.example.Evil").build().toByteArray());
    files.remove(Artifacts.MANIFEST);
    Path dir = tmp.resolve("foreign");
    // a consistent manifest over the forged file: checksums alone cannot stop this, the class check must
    Files.createDirectories(dir.resolve("tribuo"));
    List<Object> listed = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
      listed.add(Map.of("path", e.getKey(), "bytes", e.getValue().length, "sha256", Artifacts.sha256(e.getValue())));
    }
    Files.writeString(dir.resolve(Artifacts.MANIFEST), dev.mlsys.api.json.Json.write(
        Map.of("format", Artifacts.FORMAT, "formatVersion", 1, "files", listed)));
    assertRefused(dir, "com.example.Evil", "only Tribuo model classes");
  }

  @Test
  void zipEntriesCannotEscape() throws IOException {
    for (String evil : List.of("../evil.txt", "/abs.txt", "a/../../evil.txt", "a\\..\\evil.txt")) {
      Path zip = tmp.resolve("slip-" + Math.abs(evil.hashCode()) + ".zip");
      try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
        z.putNextEntry(new ZipEntry("manifest.json"));
        z.write("{}".getBytes(StandardCharsets.UTF_8));
        z.putNextEntry(new ZipEntry(evil));
        z.write("pwned".getBytes(StandardCharsets.UTF_8));
      }
      CorruptArtifactException e = assertThrows(CorruptArtifactException.class, () -> Artifacts.load(zip));
      assertTrue(e.getMessage().contains("not a plain relative path"), e.getMessage());
      Path target = tmp.resolve("out").resolve("x");
      assertThrows(CorruptArtifactException.class, () -> Artifacts.unzip(zip, target));
      assertFalse(Files.exists(tmp.resolve("evil.txt")));
      assertFalse(Files.exists(tmp.resolve("out").resolve("evil.txt")));
      assertFalse(Files.exists(target));
    }
  }

  @Test
  void unzipExtractsAVerifiedArtifactAndSavingNeverOverwrites() {
    TrainedModel model = Baselines.prior().fit(TRAIN);
    Path zip = tmp.resolve("ok.zip");
    Artifacts.saveZip(ModelArtifact.builder(model).build(), zip);
    Path dir = tmp.resolve("ok");
    Artifacts.unzip(zip, dir);
    assertArrayEquals(model.output(TEST.features(0)), Artifacts.load(dir).model().output(TEST.features(0)));
    assertThrows(java.io.UncheckedIOException.class, () -> Artifacts.save(ModelArtifact.builder(model).build(), dir));
    assertThrows(java.io.UncheckedIOException.class, () -> Artifacts.saveZip(ModelArtifact.builder(model).build(), zip));
  }

  private Path copy(Path dir, String name) throws IOException {
    Path target = tmp.resolve(name);
    try (var walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path t = target.resolve(dir.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }

  private static void assertRefused(Path p, String... parts) {
    CorruptArtifactException e = assertThrows(CorruptArtifactException.class, () -> Artifacts.load(p));
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    }
  }
}
