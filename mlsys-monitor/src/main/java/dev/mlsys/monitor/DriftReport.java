package dev.mlsys.monitor;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.json.Json;
import dev.mlsys.api.json.JsonObject;
import dev.mlsys.monitor.profile.FieldRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a drift check: the data-set verdict, one {@link FeatureDrift} per field (drifted
 * first, then by effect size) and the data-quality findings (most severe first).
 *
 * <p>{@link #toJson()} writes the versioned JSON form ({@value #FORMAT}, version
 * {@value #FORMAT_VERSION}; NaN is written as null); {@link #toHtml()} a self-contained page with
 * inline SVG charts of reference versus current distributions.
 *
 * <p>Thread-safety: immutable.
 *
 * @param referenceRecords records in the reference profile
 * @param currentRecords records checked
 * @param alpha significance level of the corrected p-values
 * @param correction multiple-testing correction used
 * @param minEffectSize effect threshold of p-value tests
 * @param drift whether any field drifted
 * @param testedFeatures fields tested
 * @param driftedFeatures fields that drifted
 * @param features per-field verdicts, ranked
 * @param findings data-quality findings, most severe first
 */
public record DriftReport(long referenceRecords, long currentRecords, double alpha, Correction correction,
    double minEffectSize, boolean drift, int testedFeatures, int driftedFeatures, List<FeatureDrift> features,
    List<DataQualityFinding> findings) {
  /** Format name of the JSON form. */
  public static final String FORMAT = "mlsys.drift-report";
  /** Version of the JSON form this build writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** Copies the lists. */
  public DriftReport {
    Objects.requireNonNull(correction, "correction");
    features = List.copyOf(features);
    findings = List.copyOf(findings);
  }

  /**
   * @param field a field name
   * @return its verdict, if the field was checked
   */
  public Optional<FeatureDrift> feature(String field) {
    return features.stream().filter(f -> f.field().equals(field)).findFirst();
  }

  /** @return the fields that drifted, ranked */
  public List<FeatureDrift> drifted() {
    return features.stream().filter(FeatureDrift::drifted).toList();
  }

  /**
   * @param kind a kind of finding
   * @return the findings of that kind
   */
  public List<DataQualityFinding> findings(FindingKind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /** @return whether a data-quality finding of severity {@link Severity#ERROR} was made */
  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** @return a self-contained HTML page (no external resources; inline SVG charts) */
  public String toHtml() {
    return HtmlReport.render(this);
  }

  // ------------------------------------------------------------------ JSON

  /** @return the report as indented JSON, starting with its format name and version */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("drift", drift);
    root.put("referenceRecords", referenceRecords);
    root.put("currentRecords", currentRecords);
    root.put("alpha", alpha);
    root.put("correction", correction.name());
    root.put("minEffectSize", minEffectSize);
    root.put("testedFeatures", testedFeatures);
    root.put("driftedFeatures", driftedFeatures);
    List<Object> fs = new ArrayList<>();
    for (FeatureDrift f : features) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", f.field());
      m.put("role", f.role().name());
      m.put("type", f.type());
      m.put("tested", f.tested());
      m.put("test", f.test());
      m.put("statistic", num(f.statistic()));
      m.put("pValue", num(f.pValue()));
      m.put("adjustedPValue", num(f.adjustedPValue()));
      m.put("threshold", num(f.threshold()));
      m.put("effectSizeMetric", f.effectSizeMetric());
      m.put("effectSize", num(f.effectSize()));
      m.put("effectThreshold", num(f.effectThreshold()));
      m.put("drifted", f.drifted());
      m.put("contribution", num(f.contribution()));
      m.put("referenceCount", f.referenceCount());
      m.put("currentCount", f.currentCount());
      m.put("note", f.note());
      Distribution d = f.distribution();
      if (d == null) {
        m.put("distribution", null);
      } else {
        Map<String, Object> dm = new LinkedHashMap<>();
        dm.put("labels", d.labels());
        dm.put("edges", d.edges());
        dm.put("reference", d.reference());
        dm.put("current", d.current());
        m.put("distribution", dm);
      }
      fs.add(m);
    }
    root.put("features", fs);
    List<Object> qs = new ArrayList<>();
    for (DataQualityFinding q : findings) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", q.field());
      m.put("kind", q.kind().name());
      m.put("severity", q.severity().name());
      m.put("count", q.count());
      m.put("rate", q.rate());
      m.put("message", q.message());
      qs.add(m);
    }
    root.put("findings", qs);
    return Json.pretty(root);
  }

  private static Object num(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /**
   * @param json text written by {@link #toJson()}
   * @return the report
   * @throws CorruptArtifactException if the text is not a drift report of a known version
   */
  public static DriftReport fromJson(String json) {
    JsonObject root = JsonObject.parse(json, "drift report");
    root.requireFormat(FORMAT, FORMAT_VERSION);
    List<FeatureDrift> features = new ArrayList<>();
    for (JsonObject m : root.getObjects("features")) {
      Distribution d = null;
      if (m.asMap().get("distribution") != null) {
        JsonObject dm = m.getObject("distribution");
        d = new Distribution(dm.getStrings("labels"), boxed(dm.getDoubles("edges")), boxed(dm.getDoubles("reference")),
            boxed(dm.getDoubles("current")));
      }
      features.add(new FeatureDrift(m.getString("field"), enumValue(FieldRole.class, m.getString("role")),
          m.getString("type"), m.getBoolean("tested"), m.getString("test"), m.getDouble("statistic"),
          m.getDouble("pValue"), m.getDouble("adjustedPValue"), m.getDouble("threshold"),
          m.getString("effectSizeMetric"), m.getDouble("effectSize"), m.getDouble("effectThreshold"),
          m.getBoolean("drifted"), m.getDouble("contribution"), m.getLong("referenceCount"), m.getLong("currentCount"),
          d, m.getString("note")));
    }
    List<DataQualityFinding> findings = new ArrayList<>();
    for (JsonObject q : root.getObjects("findings")) {
      findings.add(new DataQualityFinding(q.getString("field"), enumValue(FindingKind.class, q.getString("kind")),
          enumValue(Severity.class, q.getString("severity")), q.getLong("count"), q.getDouble("rate"),
          q.getString("message")));
    }
    return new DriftReport(root.getLong("referenceRecords"), root.getLong("currentRecords"), root.getDouble("alpha"),
        enumValue(Correction.class, root.getString("correction")), root.getDouble("minEffectSize"),
        root.getBoolean("drift"), root.getInt("testedFeatures"), root.getInt("driftedFeatures"), features, findings);
  }

  private static List<Double> boxed(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new CorruptArtifactException("drift report: unknown " + type.getSimpleName() + " '" + name + "'");
    }
  }
}
