package dev.mlsys.monitor;

import dev.mlsys.api.FieldType;
import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Schema;
import dev.mlsys.monitor.profile.CategoricalProfile;
import dev.mlsys.monitor.profile.FieldProfile;
import dev.mlsys.monitor.profile.FieldRole;
import dev.mlsys.monitor.profile.FieldSpec;
import dev.mlsys.monitor.profile.NumericProfile;
import dev.mlsys.monitor.profile.Profiler;
import dev.mlsys.monitor.profile.ReferenceProfile;
import dev.mlsys.monitor.stats.CategoricalDriftTest;
import dev.mlsys.monitor.stats.DriftTests;
import dev.mlsys.monitor.stats.KolmogorovSmirnov;
import dev.mlsys.monitor.stats.NumericDriftTest;
import dev.mlsys.monitor.stats.TestResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares current data with a reference (training) profile, field by field, and reports drift
 * with multiple-testing control, effect sizes and data-quality findings.
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder(schema)
 *     .reference(trainingRecords)                  // or a ReferenceProfile built elsewhere
 *     .correction(Correction.HOLM)
 *     .build();
 * DriftReport report = monitor.check(todaysRecords);
 * if (report.drift()) { ... report.toJson() ... report.toHtml() ... }
 * }</pre>
 *
 * <h2>Automatic test choice</h2>
 * <table>
 *   <caption>Per field, unless overridden with {@link Builder#test}</caption>
 *   <tr><th>field</th><th>test</th><th>effect size (default threshold 0.1)</th></tr>
 *   <tr><td>numeric, more than 20 distinct reference values (or fewer values than 5 per distinct
 *       value)</td><td>two-sample Kolmogorov-Smirnov
 *       (exact p-value up to 10,000 values per side, asymptotic beyond)</td><td>Wasserstein-1
 *       distance divided by the reference standard deviation (ddof 0)</td></tr>
 *   <tr><td>numeric, at most 20 distinct reference values, each seen at least 5 times on
 *       average (a discrete variable)</td><td>chi-squared on the values as
 *       categories (KS is conservative under heavy ties)</td><td>Jensen-Shannon distance (base 2)</td></tr>
 *   <tr><td>categorical, boolean</td><td>chi-squared, no Yates correction</td><td>Jensen-Shannon
 *       distance (base 2)</td></tr>
 *   <tr><td>text, timestamp</td><td>none: data-quality checks only</td><td>-</td></tr>
 *   <tr><td>fewer than {@code minSamples} (default 5) valid values on either side</td><td>none;
 *       an {@link FindingKind#INSUFFICIENT_DATA} finding</td><td>-</td></tr>
 * </table>
 * The label is tested like a feature (label drift) when both sides carry it; predictions
 * ({@value Profiler#PREDICTION}, {@value Profiler#PROBABILITY_PREFIX}class) likewise when both
 * sides carry them (prediction drift).
 *
 * <h2>Verdict</h2>
 * The p-values of all tested fields are corrected together ({@link Correction#HOLM} by default);
 * a field drifted when its corrected p-value is below alpha (0.05) <em>and</em> its effect size
 * reaches the effect threshold (0.1), so that large samples do not raise alarms on trivial
 * shifts. A distance test given by override drifts when its statistic reaches its threshold. The
 * data set drifted when any field drifted. Fields are ranked drifted first, then by effect size.
 *
 * <h2>Sketches</h2>
 * When the reference keeps exact values (up to {@link Profiler#DEFAULT_EXACT_LIMIT} per field),
 * every test is exact and agrees with scipy. Beyond that, KS uses the quantile sketch's CDF with
 * the true sample sizes (its statistic is off by at most the sketch's rank error), and other
 * numeric tests run on a stand-in sample of up to 10,000 sketch quantiles; the feature's
 * {@link FeatureDrift#note()} says so.
 *
 * <p>Thread-safety: immutable once built; {@link #check} may be called from many threads.
 */
public final class DriftMonitor {
  /** Largest stand-in sample drawn from a sketch for tests that need values. */
  static final int SKETCH_SAMPLE = 10_000;
  private static final int HISTOGRAM_BINS = 20;
  /** A numeric field is discrete when its few distinct values repeat this often on average. */
  private static final int DISCRETE_REPEATS = 5;
  private static final int TOP_CATEGORIES = 15;

  private final Schema schema;
  private final ReferenceProfile reference;
  private final double alpha;
  private final Correction correction;
  private final double minEffectSize;
  private final int minSamples;
  private final double missingRateTolerance;
  private final Map<String, TestOverride> overrides;
  private final Set<String> skipped;

  /** A test chosen by the user for one field. */
  private record TestOverride(NumericDriftTest numeric, CategoricalDriftTest categorical, double threshold) {
    String name() {
      return numeric != null ? numeric.name() : categorical.name();
    }

    boolean hasPValue() {
      return numeric != null ? numeric.hasPValue() : categorical.hasPValue();
    }
  }

  private DriftMonitor(Builder b) {
    this.schema = b.schema;
    this.reference = b.reference;
    this.alpha = b.alpha;
    this.correction = b.correction;
    this.minEffectSize = b.minEffectSize;
    this.minSamples = b.minSamples;
    this.missingRateTolerance = b.missingRateTolerance;
    this.overrides = Map.copyOf(b.overrides);
    this.skipped = Set.copyOf(b.skipped);
  }

  /**
   * @param schema the features (and label) of the data to monitor
   * @return a one-shot builder
   * @throws NullPointerException if the schema is null
   */
  public static Builder builder(Schema schema) {
    return new Builder(schema);
  }

  /** @return the reference profile */
  public ReferenceProfile reference() {
    return reference;
  }

  /** @return the monitored schema */
  public Schema schema() {
    return schema;
  }

  /**
   * Checks a batch of records (raw maps of field name to value).
   *
   * @param records the current data
   * @return the report
   * @throws IllegalArgumentException if there are no records
   */
  public DriftReport check(Iterable<? extends Map<String, ?>> records) {
    Profiler p = ReferenceProfile.profiler(schema).sketchK(reference.sketchK()).exactLimit(Integer.MAX_VALUE - 16);
    p.addAll(records);
    return check(p.profile());
  }

  /**
   * Checks a batch of records with the model's predictions for them (prediction drift).
   *
   * @param records the current data
   * @param predictions one per record, in the same order (null entries are missing predictions)
   * @return the report
   * @throws IllegalArgumentException if the lists differ in size or are empty
   */
  public DriftReport check(List<? extends Map<String, ?>> records, List<Prediction> predictions) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(predictions, "predictions");
    if (records.size() != predictions.size()) {
      throw new IllegalArgumentException("records (" + records.size() + ") and predictions (" + predictions.size()
          + ") must line up one to one");
    }
    Profiler p = ReferenceProfile.profiler(schema).sketchK(reference.sketchK()).exactLimit(Integer.MAX_VALUE - 16);
    for (int i = 0; i < records.size(); i++) {
      p.add(records.get(i), predictions.get(i));
    }
    return check(p.profile());
  }

  /**
   * Checks a profile of the current data (for example merged from partitions).
   *
   * @param current the current profile, of the same schema
   * @return the report
   * @throws IllegalArgumentException if the profile holds no records
   * @throws IncompatibleSchemaException if a field's type or role differs from the reference
   */
  public DriftReport check(ReferenceProfile current) {
    Objects.requireNonNull(current, "current");
    if (current.records() == 0) {
      throw new IllegalArgumentException("current data holds no records; nothing to check");
    }
    List<DataQualityFinding> findings = new ArrayList<>();
    List<FeatureDrift> results = new ArrayList<>();
    for (FieldProfile r : reference.fields()) {
      if (skipped.contains(r.name())) {
        continue;
      }
      FieldProfile c = current.field(r.name()).orElse(null);
      if (c == null) {
        if (r.spec().role() != FieldRole.PREDICTION) {
          throw new IncompatibleSchemaException("current data has no column '" + r.name()
              + "' although the reference has; profile it with the monitor's schema");
        }
        continue; // no predictions on the current side: no prediction drift to test
      }
      if (!sameType(r.spec(), c.spec())) {
        throw new IncompatibleSchemaException("field '" + r.name() + "' is " + r.spec().type().id()
            + " in the reference but " + c.spec().type().id() + " in the current data");
      }
      results.add(evaluate(r, c, current.records(), findings));
    }
    current.unknownFields().forEach((key, n) -> findings.add(new DataQualityFinding(key, FindingKind.UNKNOWN_FIELD,
        Severity.INFO, n, Math.min(1.0, (double) n / current.records()),
        String.format(Locale.ROOT, "field '%s' is not declared in the schema but appears in %d of %d records",
            key, n, current.records()))));
    return verdict(current.records(), results, findings);
  }

  private static boolean sameType(FieldSpec a, FieldSpec b) {
    return a.type() == b.type() && a.role() == b.role();
  }

  // ------------------------------------------------------------------ one field

  private FeatureDrift evaluate(FieldProfile r, FieldProfile c, long currentRecords, List<DataQualityFinding> findings) {
    FieldSpec spec = r.spec();
    String name = spec.name();
    String type = spec.type().id();
    if (c.count() > 0 && c.absent() == c.count() && spec.role() != FieldRole.PREDICTION) {
      if (spec.role() == FieldRole.FEATURE) {
        findings.add(new DataQualityFinding(name, FindingKind.MISSING_FEATURE, Severity.ERROR, c.count(), 1.0,
            String.format(Locale.ROOT, "field '%s' is absent from all %d current records", name, c.count())));
      }
      return untested(r, c, "absent from the current data");
    }
    qualityChecks(r, c, currentRecords, findings);
    if (spec.type() == FieldType.TEXT || spec.type() == FieldType.TIMESTAMP) {
      return untested(r, c, spec.type().id() + " fields get data-quality checks only");
    }
    if (r.valid() < minSamples || c.valid() < minSamples) {
      findings.add(new DataQualityFinding(name, FindingKind.INSUFFICIENT_DATA, Severity.INFO, c.valid(),
          rate(c.valid(), currentRecords), String.format(Locale.ROOT,
              "field '%s' has %d valid reference and %d valid current values; the drift test needs at least %d on each side",
              name, r.valid(), c.valid(), minSamples)));
      return untested(r, c, "fewer than " + minSamples + " valid values on one side");
    }
    TestOverride override = overrides.get(name);
    if (r instanceof NumericProfile rn) {
      return numeric(rn, (NumericProfile) c, override, type);
    }
    return categorical(spec, ((CategoricalProfile) r).counts(), ((CategoricalProfile) c).counts(), r.valid(),
        c.valid(), override, type, "");
  }

  private FeatureDrift numeric(NumericProfile r, NumericProfile c, TestOverride override, String type) {
    FieldSpec spec = r.spec();
    boolean exact = r.hasExactValues() && c.hasExactValues();
    double std = r.standardDeviation();
    double w = exact ? DriftTests.wasserstein().test(r.sortedValues().orElseThrow(), c.sortedValues().orElseThrow())
        .statistic() : Comparisons.wasserstein(r.weightedValues(), c.weightedValues());
    double effect = std > 0 ? w / std : w;
    Distribution chart = Comparisons.numericHistogram(r, c, HISTOGRAM_BINS);
    if (override == null && r.distinctValues().isPresent()
        && r.valid() >= (long) DISCRETE_REPEATS * r.distinctValues().get().size()) {
      Map<String, Long> cur = valueCounts(c);
      if (cur != null) {
        Map<String, Long> ref = new TreeMap<>();
        r.distinctValues().get().forEach((v, n) -> ref.put(label(v), n));
        return categorical(spec, ref, cur, r.valid(), c.valid(), null, type,
            "at most " + NumericProfile.MAX_DISTINCT + " distinct reference values, each seen "
                + DISCRETE_REPEATS + " times on average: tested as categories");
      }
    }
    String note = exact ? "" : "reference or current kept as a quantile sketch (rank error "
        + String.format(Locale.ROOT, "%.4f", Math.max(r.rankError(), c.rankError())) + ")";
    TestResult result;
    String testName;
    boolean hasP;
    double threshold;
    if (override == null) {
      testName = "ks";
      hasP = true;
      threshold = alpha;
      if (exact) {
        result = DriftTests.kolmogorovSmirnov().test(r.sortedValues().orElseThrow(), c.sortedValues().orElseThrow());
      } else {
        double d = Comparisons.ksStatistic(r.weightedValues(), c.weightedValues());
        double p = KolmogorovSmirnov.asymptoticPValue(d, (int) Math.min(r.valid(), Integer.MAX_VALUE),
            (int) Math.min(c.valid(), Integer.MAX_VALUE));
        result = new TestResult("ks", d, p);
      }
    } else if (override.numeric() != null) {
      testName = override.name();
      hasP = override.hasPValue();
      threshold = hasP ? alpha : override.threshold();
      result = override.numeric().test(Comparisons.sample(r, SKETCH_SAMPLE), Comparisons.sample(c, SKETCH_SAMPLE));
      if (!exact) {
        note = note + "; " + testName + " ran on up to " + SKETCH_SAMPLE + " sketch quantiles per side";
      }
    } else {
      throw new AssertionError("categorical override on numeric field " + spec.name());
    }
    return new FeatureDrift(spec.name(), spec.role(), type, true, testName, result.statistic(),
        hasP ? result.pValue() : Double.NaN, Double.NaN, threshold, "wasserstein/std", effect,
        hasP ? minEffectSize : Double.NaN, false, 0.0, r.valid(), c.valid(), chart, note);
  }

  private FeatureDrift categorical(FieldSpec spec, Map<String, Long> ref, Map<String, Long> cur, long refValid,
      long curValid, TestOverride override, String type, String note) {
    double effect = DriftTests.jensenShannonCategorical().test(ref, cur).statistic();
    Distribution chart = Comparisons.categoricalHistogram(ref, cur, TOP_CATEGORIES);
    CategoricalDriftTest test = override == null ? DriftTests.chiSquared() : override.categorical();
    boolean hasP = test.hasPValue();
    double threshold = override == null || hasP ? alpha : override.threshold();
    TestResult result = test.test(ref, cur);
    return new FeatureDrift(spec.name(), spec.role(), type, true, test.name(), result.statistic(),
        hasP ? result.pValue() : Double.NaN, Double.NaN, threshold, "jensen-shannon", effect,
        hasP ? minEffectSize : Double.NaN, false, 0.0, refValid, curValid, chart, note);
  }

  /** Counts of the current values as categories, or null when they are not kept exactly. */
  private static Map<String, Long> valueCounts(NumericProfile c) {
    if (c.distinctValues().isPresent()) {
      Map<String, Long> out = new TreeMap<>();
      c.distinctValues().get().forEach((v, n) -> out.merge(label(v), n, Long::sum));
      return out;
    }
    if (!c.hasExactValues()) {
      return null;
    }
    Map<String, Long> out = new TreeMap<>();
    for (double v : c.sortedValues().orElseThrow()) {
      out.merge(label(v), 1L, Long::sum);
    }
    return out;
  }

  private static String label(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private FeatureDrift untested(FieldProfile r, FieldProfile c, String note) {
    FieldSpec spec = r.spec();
    return new FeatureDrift(spec.name(), spec.role(), spec.type().id(), false, "none", Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, "none", Double.NaN, Double.NaN, false, 0.0, r.valid(), c.valid(), null, note);
  }

  private void qualityChecks(FieldProfile r, FieldProfile c, long currentRecords, List<DataQualityFinding> findings) {
    FieldSpec spec = r.spec();
    String name = spec.name();
    if (c.typeErrors() > 0) {
      findings.add(new DataQualityFinding(name, FindingKind.TYPE_ERROR, Severity.ERROR, c.typeErrors(),
          rate(c.typeErrors(), currentRecords), String.format(Locale.ROOT,
              "field '%s': %d of %d current values cannot be read as %s", name, c.typeErrors(), c.count(),
              spec.type().id())));
    }
    if (spec.role() == FieldRole.FEATURE && c.missing() > 0) {
      double delta = c.missingRate() - r.missingRate();
      if (!spec.nullable()) {
        findings.add(new DataQualityFinding(name, FindingKind.MISSING_VALUES, Severity.ERROR, c.missing(),
            c.missingRate(), String.format(Locale.ROOT,
                "field '%s' is required but %d of %d current values are missing (%.1f%%)", name, c.missing(),
                c.count(), 100 * c.missingRate())));
      } else if (delta > missingRateTolerance) {
        findings.add(new DataQualityFinding(name, FindingKind.MISSING_VALUES, Severity.WARNING, c.missing(),
            c.missingRate(), String.format(Locale.ROOT,
                "field '%s': missing rate rose from %.1f%% in the reference to %.1f%% (tolerance %.1f points)", name,
                100 * r.missingRate(), 100 * c.missingRate(), 100 * missingRateTolerance)));
      }
    }
    if (r instanceof NumericProfile rn && c instanceof NumericProfile cn) {
      if (spec.hasRange() && cn.outOfRange() > 0) {
        findings.add(new DataQualityFinding(name, FindingKind.OUT_OF_RANGE,
            spec.role() == FieldRole.PREDICTION ? Severity.WARNING : Severity.ERROR, cn.outOfRange(),
            rate(cn.outOfRange(), currentRecords), String.format(Locale.ROOT,
                "field '%s': %d current values lie outside the declared range [%s, %s]", name, cn.outOfRange(),
                fmt(spec.min()), fmt(spec.max()))));
      }
      if (rn.valid() > 0 && cn.valid() > 0) {
        long outside = outsideReferenceRange(rn, cn);
        if (outside > 0) {
          findings.add(new DataQualityFinding(name, FindingKind.OUT_OF_REFERENCE_RANGE, Severity.INFO, outside,
              rate(outside, currentRecords), String.format(Locale.ROOT,
                  "field '%s': %d current values lie outside the reference range [%s, %s] (current range [%s, %s])",
                  name, outside, fmt(rn.min()), fmt(rn.max()), fmt(cn.min()), fmt(cn.max()))));
        }
      }
    }
    if (r instanceof CategoricalProfile rc && c instanceof CategoricalProfile cc) {
      List<String> unseen = new ArrayList<>();
      long n = 0;
      boolean undeclared = false;
      for (Map.Entry<String, Long> e : cc.counts().entrySet()) {
        boolean notDeclared = !spec.values().isEmpty() && !spec.values().contains(e.getKey());
        if (!rc.counts().containsKey(e.getKey()) || notDeclared) {
          unseen.add(e.getKey());
          n += e.getValue();
          undeclared |= notDeclared;
        }
      }
      if (!unseen.isEmpty()) {
        List<String> shown = unseen.size() > 10 ? unseen.subList(0, 10) : unseen;
        findings.add(new DataQualityFinding(name, FindingKind.UNSEEN_CATEGORY,
            undeclared && spec.role() == FieldRole.FEATURE ? Severity.ERROR : Severity.WARNING, n,
            rate(n, currentRecords), String.format(Locale.ROOT,
                "field '%s': %d current values fall in %d categories %s: %s%s", name, n, unseen.size(),
                undeclared ? "not declared by the schema or not seen in the reference" : "never seen in the reference",
                shown, unseen.size() > shown.size() ? " and " + (unseen.size() - shown.size()) + " more" : "")));
      }
    }
  }

  private static long outsideReferenceRange(NumericProfile r, NumericProfile c) {
    if (c.hasExactValues()) {
      long n = 0;
      for (double v : c.sortedValues().orElseThrow()) {
        if (v < r.min() || v > r.max()) {
          n++;
        }
      }
      return n;
    }
    // from the sketch: the share below the reference minimum and above its maximum
    double below = r.min() > c.min() ? c.cdf(Math.nextDown(r.min())) : 0;
    double above = r.max() < c.max() ? 1 - c.cdf(r.max()) : 0;
    return Math.round((below + above) * c.valid());
  }

  private static double rate(long n, long total) {
    return total == 0 ? 0.0 : Math.min(1.0, (double) n / total);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  // ------------------------------------------------------------------ verdict

  private DriftReport verdict(long currentRecords, List<FeatureDrift> results, List<DataQualityFinding> findings) {
    List<Integer> withP = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      FeatureDrift f = results.get(i);
      if (f.tested() && !Double.isNaN(f.pValue())) {
        withP.add(i);
      }
    }
    double[] raw = new double[withP.size()];
    for (int k = 0; k < raw.length; k++) {
      raw[k] = results.get(withP.get(k)).pValue();
    }
    double[] adjusted = correction.adjust(raw);
    Map<Integer, Double> adjustedByIndex = new HashMap<>();
    for (int k = 0; k < raw.length; k++) {
      adjustedByIndex.put(withP.get(k), adjusted[k]);
    }
    double effectSum = 0;
    for (FeatureDrift f : results) {
      if (f.tested() && Double.isFinite(f.effectSize())) {
        effectSum += f.effectSize();
      }
    }
    List<FeatureDrift> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      FeatureDrift f = results.get(i);
      if (!f.tested()) {
        out.add(f);
        continue;
      }
      Double adj = adjustedByIndex.get(i);
      boolean drifted = adj != null
          ? adj < alpha && f.effectSize() >= minEffectSize
          : f.statistic() >= f.threshold();
      double share = effectSum > 0 && Double.isFinite(f.effectSize()) ? f.effectSize() / effectSum : 0.0;
      out.add(f.withVerdict(adj == null ? Double.NaN : adj, drifted, share));
    }
    out.sort(Comparator.comparing((FeatureDrift f) -> !f.drifted())
        .thenComparing((FeatureDrift f) -> !f.tested())
        .thenComparingDouble(f -> Double.isNaN(f.effectSize()) ? 0 : -f.effectSize()));
    int tested = (int) out.stream().filter(FeatureDrift::tested).count();
    int drifted = (int) out.stream().filter(FeatureDrift::drifted).count();
    findings.sort(Comparator.comparing((DataQualityFinding f) -> -f.severity().ordinal())
        .thenComparing(DataQualityFinding::field));
    return new DriftReport(reference.records(), currentRecords, alpha, correction, minEffectSize, drifted > 0, tested,
        drifted, out, findings);
  }

  /**
   * Sets up a {@link DriftMonitor}. Each option may be set once; a second call throws
   * {@link IllegalStateException} naming the value already set.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private final Schema schema;
    private ReferenceProfile reference;
    private double alpha = 0.05;
    private Correction correction = Correction.HOLM;
    private double minEffectSize = 0.1;
    private int minSamples = 5;
    private double missingRateTolerance = 0.05;
    private final Map<String, TestOverride> overrides = new LinkedHashMap<>();
    private final Set<String> skipped = new LinkedHashSet<>();
    private final Set<String> set = new LinkedHashSet<>();

    private Builder(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    private void once(String option, Object current) {
      if (!set.add(option)) {
        throw new IllegalStateException(option + " was already set to " + current);
      }
    }

    /**
     * @param profile the reference profile, of this builder's schema
     * @return this builder
     * @throws IncompatibleSchemaException if the profile's columns differ from the schema's
     */
    public Builder reference(ReferenceProfile profile) {
      once("reference", reference);
      Objects.requireNonNull(profile, "profile");
      Map<String, FieldSpec> specs = new HashMap<>();
      profile.specs().forEach(s -> specs.put(s.name(), s));
      List<FieldSpec> expected = new ArrayList<>();
      schema.fields().forEach(f -> expected.add(FieldSpec.of(f, FieldRole.FEATURE)));
      schema.label().ifPresent(l -> expected.add(FieldSpec.of(l, FieldRole.LABEL)));
      for (FieldSpec e : expected) {
        FieldSpec actual = specs.get(e.name());
        if (actual == null || actual.type() != e.type() || actual.role() != e.role()) {
          throw new IncompatibleSchemaException("reference profile does not match the schema: field '" + e.name()
              + "' is " + (actual == null ? "missing" : actual.type().id() + " " + actual.role()) + " but the schema has "
              + e.type().id() + " " + e.role());
        }
      }
      for (FieldSpec actual : profile.specs()) {
        if (actual.role() != FieldRole.PREDICTION && !schema.has(actual.name())) {
          throw new IncompatibleSchemaException("reference profile does not match the schema: it has field '"
              + actual.name() + "', which the schema does not declare; fields are " + schema.names());
        }
      }
      this.reference = profile;
      return this;
    }

    /**
     * @param records the reference data, profiled in one pass
     * @return this builder
     */
    public Builder reference(Iterable<? extends Map<String, ?>> records) {
      return reference(ReferenceProfile.of(schema, records));
    }

    /**
     * @param records the reference data
     * @param predictions the model's predictions on it, one per record (null for none)
     * @return this builder
     * @throws IllegalArgumentException if the lists differ in size
     */
    public Builder reference(List<? extends Map<String, ?>> records, List<Prediction> predictions) {
      if (records.size() != predictions.size()) {
        throw new IllegalArgumentException("records (" + records.size() + ") and predictions (" + predictions.size()
            + ") must line up one to one");
      }
      Profiler p = ReferenceProfile.profiler(schema);
      for (int i = 0; i < records.size(); i++) {
        p.add(records.get(i), predictions.get(i));
      }
      return reference(p.profile());
    }

    /**
     * @param value significance level for the corrected p-values, in (0, 1); default 0.05
     * @return this builder
     */
    public Builder alpha(double value) {
      once("alpha", alpha);
      if (!(value > 0 && value < 1)) {
        throw new IllegalArgumentException("alpha must be in (0, 1) but was: " + value);
      }
      this.alpha = value;
      return this;
    }

    /**
     * @param value multiple-testing correction; default {@link Correction#HOLM}
     * @return this builder
     */
    public Builder correction(Correction value) {
      once("correction", correction);
      this.correction = Objects.requireNonNull(value, "correction");
      return this;
    }

    /**
     * @param value smallest effect size that counts as drift for p-value tests, >= 0; default 0.1
     *     (0 disables the effect gate)
     * @return this builder
     */
    public Builder minEffectSize(double value) {
      once("minEffectSize", minEffectSize);
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("minEffectSize must be finite and >= 0 but was: " + value);
      }
      this.minEffectSize = value;
      return this;
    }

    /**
     * @param value fewest valid values on each side to run a drift test, >= 2; default 5
     * @return this builder
     */
    public Builder minSamples(int value) {
      once("minSamples", minSamples);
      if (value < 2) {
        throw new IllegalArgumentException("minSamples must be >= 2 but was: " + value);
      }
      this.minSamples = value;
      return this;
    }

    /**
     * @param value rise of a nullable field's missing rate (in rate points) tolerated before a
     *     finding, in [0, 1]; default 0.05
     * @return this builder
     */
    public Builder missingRateTolerance(double value) {
      once("missingRateTolerance", missingRateTolerance);
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException("missingRateTolerance must be in [0, 1] but was: " + value);
      }
      this.missingRateTolerance = value;
      return this;
    }

    /**
     * Overrides the automatic choice for a numeric field with a test that has a p-value.
     *
     * @param field a numeric field (or prediction column)
     * @param test the test
     * @return this builder
     * @throws IllegalArgumentException if the field is unknown or not numeric, or the test is a distance
     */
    public Builder test(String field, NumericDriftTest test) {
      Objects.requireNonNull(test, "test");
      if (!test.hasPValue()) {
        throw new IllegalArgumentException("test '" + test.name() + "' for field '" + field
            + "' is a distance with no p-value: give its threshold with test(field, test, threshold)");
      }
      return override(field, new TestOverride(test, null, Double.NaN), FieldType.NUMERIC);
    }

    /**
     * Overrides the automatic choice for a numeric field; a distance drifts when its statistic
     * reaches the threshold, a p-value test ignores the threshold (alpha applies).
     *
     * @param field a numeric field
     * @param test the test or distance
     * @param threshold drift when the distance is at least this
     * @return this builder
     */
    public Builder test(String field, NumericDriftTest test, double threshold) {
      Objects.requireNonNull(test, "test");
      return override(field, new TestOverride(test, null, checkThreshold(field, threshold)), FieldType.NUMERIC);
    }

    /**
     * Overrides the automatic choice for a categorical or boolean field with a p-value test.
     *
     * @param field a categorical or boolean field
     * @param test the test
     * @return this builder
     */
    public Builder test(String field, CategoricalDriftTest test) {
      Objects.requireNonNull(test, "test");
      if (!test.hasPValue()) {
        throw new IllegalArgumentException("test '" + test.name() + "' for field '" + field
            + "' is a distance with no p-value: give its threshold with test(field, test, threshold)");
      }
      return override(field, new TestOverride(null, test, Double.NaN), FieldType.CATEGORICAL);
    }

    /**
     * @param field a categorical or boolean field
     * @param test the test or distance
     * @param threshold drift when the distance is at least this
     * @return this builder
     */
    public Builder test(String field, CategoricalDriftTest test, double threshold) {
      Objects.requireNonNull(test, "test");
      return override(field, new TestOverride(null, test, checkThreshold(field, threshold)), FieldType.CATEGORICAL);
    }

    private static double checkThreshold(String field, double threshold) {
      if (!Double.isFinite(threshold) || threshold < 0) {
        throw new IllegalArgumentException("threshold for field '" + field + "' must be finite and >= 0 but was: "
            + threshold);
      }
      return threshold;
    }

    private Builder override(String field, TestOverride o, FieldType kind) {
      Objects.requireNonNull(field, "field");
      FieldType type = typeOf(field);
      boolean ok = kind == FieldType.NUMERIC ? type == FieldType.NUMERIC
          : type == FieldType.CATEGORICAL || type == FieldType.BOOLEAN;
      if (!ok) {
        throw new IllegalArgumentException("field '" + field + "' is " + type.id() + "; a "
            + (kind == FieldType.NUMERIC ? "numeric" : "categorical") + " test cannot apply to it");
      }
      TestOverride old = overrides.putIfAbsent(field, o);
      if (old != null) {
        throw new IllegalStateException("the test of field '" + field + "' was already set to " + old.name());
      }
      return this;
    }

    private FieldType typeOf(String field) {
      if (field.equals(Profiler.PREDICTION)) {
        throw new IllegalArgumentException("the type of '" + Profiler.PREDICTION
            + "' depends on the model; override tests of schema fields or probability columns only");
      }
      if (field.startsWith(Profiler.PROBABILITY_PREFIX)) {
        return FieldType.NUMERIC;
      }
      return schema.field(field).orElseThrow(() -> new IllegalArgumentException("schema has no field '" + field
          + "'; fields are " + schema.names())).type();
    }

    /**
     * Leaves a field out of drift testing and data-quality checks.
     *
     * @param field a field name
     * @return this builder
     */
    public Builder skip(String field) {
      if (!schema.has(field) && !field.startsWith("@")) {
        throw new IllegalArgumentException("schema has no field '" + field + "'; fields are " + schema.names());
      }
      skipped.add(field);
      return this;
    }

    /**
     * @return the monitor
     * @throws IllegalStateException if no reference was given
     */
    public DriftMonitor build() {
      if (reference == null) {
        throw new IllegalStateException("a reference (profile or records) is required");
      }
      return new DriftMonitor(this);
    }
  }

  @Override
  public String toString() {
    return "DriftMonitor[" + reference + ", alpha=" + alpha + ", correction=" + correction + ", minEffectSize="
        + minEffectSize + (overrides.isEmpty() ? "" : ", overrides=" + Collections.unmodifiableSet(overrides.keySet()))
        + "]";
  }
}
