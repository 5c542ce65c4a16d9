package dev.mlsys.models.artifact;

import dev.mlsys.models.LabeledData;
import dev.mlsys.models.ModelTrainer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a model came from: enough to retrain it and to tell which data it saw.
 *
 * @param dataFingerprint SHA-256 of the training data ({@link LabeledData#fingerprint()})
 * @param trainingRows the number of training examples
 * @param seed the trainer's seed
 * @param trainer the trainer's description
 * @param trainerParams the trainer's parameters, as text
 * @param mlsysVersion the mlsys build that trained it
 * @param tribuoVersion the Tribuo version that trained it
 * @param javaVersion the Java runtime that trained it
 * @param createdAt when it was trained, ISO-8601
 */
public record Provenance(String dataFingerprint, int trainingRows, long seed, String trainer,
    Map<String, String> trainerParams, String mlsysVersion, String tribuoVersion, String javaVersion, String createdAt) {

  /** Checks presence and copies the parameters. */
  public Provenance {
    Objects.requireNonNull(dataFingerprint, "dataFingerprint");
    Objects.requireNonNull(trainer, "trainer");
    trainerParams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trainerParams));
    Objects.requireNonNull(mlsysVersion, "mlsysVersion");
    Objects.requireNonNull(tribuoVersion, "tribuoVersion");
    Objects.requireNonNull(javaVersion, "javaVersion");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * @param trainer the trainer that fitted the model
   * @param data the training data
   * @return provenance stamped with this runtime's versions and the current time
   */
  public static Provenance of(ModelTrainer trainer, LabeledData data) {
    Map<String, String> params = new LinkedHashMap<>();
    trainer.params().forEach((k, v) -> params.put(k, String.valueOf(v)));
    return new Provenance(data.fingerprint(), data.size(), trainer.seed(), trainer.describe(), params, currentMlsysVersion(),
        org.tribuo.Tribuo.VERSION, System.getProperty("java.version"), Instant.now().toString());
  }

  static String currentMlsysVersion() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "mlsys.provenance");
    m.put("formatVersion", 1);
    m.put("dataFingerprint", dataFingerprint);
    m.put("trainingRows", trainingRows);
    m.put("seed", seed);
    m.put("trainer", trainer);
    m.put("trainerParams", trainerParams);
    m.put("mlsysVersion", mlsysVersion);
    m.put("tribuoVersion", tribuoVersion);
    m.put("javaVersion", javaVersion);
    m.put("createdAt", createdAt);
    return m;
  }

  static Provenance fromJson(dev.mlsys.api.json.JsonObject o) {
    o.requireFormat("mlsys.provenance", 1);
    Map<String, String> params = new LinkedHashMap<>();
    o.getObject("trainerParams").asMap().forEach((k, v) -> params.put(k, String.valueOf(v)));
    return new Provenance(o.getString("dataFingerprint"), o.getInt("trainingRows"), o.getLong("seed"),
        o.getString("trainer"), params, o.getString("mlsysVersion"), o.getString("tribuoVersion"),
        o.getString("javaVersion"), o.getString("createdAt"));
  }
}
