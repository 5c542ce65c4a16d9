package dev.mlsys.eval.slices;

import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.eval.metrics.Interval;
import dev.mlsys.eval.metrics.MultipleComparisons;
import dev.mlsys.eval.metrics.SignificanceTests;
import dev.mlsys.eval.metrics.WelchResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Slice-based evaluation: a metric per slice and per cross of slices with intervals, the worst
 * slices, automatic discovery of underperforming slices, and a Simpson's-paradox check when two
 * models are compared.
 *
 * <pre>{@code
 * SliceReport report = SliceAnalysis.of(rows, model)
 *     .metric(SliceMetrics.accuracy())
 *     .minSize(50)
 *     .by(SliceBy.field("SEX"), SliceBy.field("SEX").cross(SliceBy.field("AGE")))
 *     .run();
 * List<SliceResult> worst = report.worst(5);
 * List<DiscoveredSlice> found = SliceAnalysis.of(rows, model).discover();
 * }</pre>
 *
 * <p>Defaults: accuracy, minimum slice size {@value #DEFAULT_MIN_SIZE}, 95 % intervals, seed 0,
 * discovery at depth 2 with alpha 0.05 and effect size at least 0.2. An immutable specification:
 * every option returns a copy; results depend only on the examples and the seed.
 */
public final class SliceAnalysis {
  /** The minimum slice size unless set. */
  public static final int DEFAULT_MIN_SIZE = 30;

  private final List<Example> examples;
  private final SliceMetric metric;
  private final int minSize;
  private final double confidence;
  private final long seed;
  private final List<SliceBy> groupings;
  private final List<Slice> slices;
  private final int maxDepth;
  private final double alpha;
  private final double minEffect;

  private SliceAnalysis(List<Example> examples, SliceMetric metric, int minSize, double confidence, long seed,
      List<SliceBy> groupings, List<Slice> slices, int maxDepth, double alpha, double minEffect) {
    this.examples = examples;
    this.metric = metric;
    this.minSize = minSize;
    this.confidence = confidence;
    this.seed = seed;
    this.groupings = List.copyOf(groupings);
    this.slices = List.copyOf(slices);
    this.maxDepth = maxDepth;
    this.alpha = alpha;
    this.minEffect = minEffect;
  }

  /**
   * @param examples evaluated rows, not empty
   * @return an analysis with the defaults
   * @throws IllegalArgumentException if there are no examples
   */
  public static SliceAnalysis of(List<Example> examples) {
    Objects.requireNonNull(examples, "examples");
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("slice analysis needs at least one example");
    }
    return new SliceAnalysis(List.copyOf(examples), SliceMetrics.accuracy(), DEFAULT_MIN_SIZE, 0.95, 0, List.of(),
        List.of(), 2, 0.05, 0.2);
  }

  /**
   * @param rows rows carrying their actual label (or value) in the schema's label field
   * @param predictions a prediction per row, same order
   * @return an analysis with the defaults
   * @throws IllegalArgumentException if sizes differ or a row has no label
   */
  public static SliceAnalysis of(List<Row> rows, List<Prediction> predictions) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(predictions, "predictions");
    if (rows.size() != predictions.size()) {
      throw new IllegalArgumentException("rows and predictions must have the same size but had " + rows.size()
          + " and " + predictions.size());
    }
    List<Example> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Object actual = rows.get(i).label();
      if (actual == null) {
        throw new IllegalArgumentException("row " + i + " has no label; slice analysis compares predictions with labels");
      }
      out.add(new Example(rows.get(i), actual, predictions.get(i)));
    }
    return of(out);
  }

  /**
   * @param rows rows carrying their actual label
   * @param model the model, asked once through {@link Predictor#predictAll(List)}
   * @return an analysis of its predictions with the defaults
   */
  public static SliceAnalysis of(List<Row> rows, Predictor model) {
    return of(rows, model.predictAll(rows));
  }

  /** @param m the metric @return a copy */
  public SliceAnalysis metric(SliceMetric m) {
    return new SliceAnalysis(examples, Objects.requireNonNull(m, "metric"), minSize, confidence, seed, groupings, slices,
        maxDepth, alpha, minEffect);
  }

  /** @param n the least number of examples a slice needs to be reported, &gt;= 1 @return a copy */
  public SliceAnalysis minSize(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("minSize must be >= 1 but was: " + n);
    }
    return new SliceAnalysis(examples, metric, n, confidence, seed, groupings, slices, maxDepth, alpha, minEffect);
  }

  /** @param level the confidence of intervals, in (0, 1) @return a copy */
  public SliceAnalysis confidence(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1) but was: " + level);
    }
    return new SliceAnalysis(examples, metric, minSize, level, seed, groupings, slices, maxDepth, alpha, minEffect);
  }

  /** @param s the seed of bootstrap intervals @return a copy */
  public SliceAnalysis seed(long s) {
    return new SliceAnalysis(examples, metric, minSize, confidence, s, groupings, slices, maxDepth, alpha, minEffect);
  }

  /** @param more groupings to report (each value a slice; crosses via {@link SliceBy#cross}) @return a copy */
  public SliceAnalysis by(SliceBy... more) {
    List<SliceBy> all = new ArrayList<>(groupings);
    for (SliceBy b : more) {
      all.add(Objects.requireNonNull(b, "grouping"));
    }
    return new SliceAnalysis(examples, metric, minSize, confidence, seed, all, slices, maxDepth, alpha, minEffect);
  }

  /** @param more user-defined slices to report @return a copy */
  public SliceAnalysis slices(Slice... more) {
    List<Slice> all = new ArrayList<>(slices);
    for (Slice s : more) {
      all.add(Objects.requireNonNull(s, "slice"));
    }
    return new SliceAnalysis(examples, metric, minSize, confidence, seed, groupings, all, maxDepth, alpha, minEffect);
  }

  /**
   * @param depth 1 (single conditions) or 2 (also pairs of conditions on two columns)
   * @param level the false discovery rate, in (0, 1)
   * @param effect the least effect size to report, &gt;= 0
   * @return a copy with these discovery options
   */
  public SliceAnalysis discovery(int depth, double level, double effect) {
    if (depth != 1 && depth != 2) {
      throw new IllegalArgumentException("discovery depth must be 1 or 2 but was: " + depth);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1) but was: " + level);
    }
    if (!(effect >= 0)) {
      throw new IllegalArgumentException("effect size must be >= 0 but was: " + effect);
    }
    return new SliceAnalysis(examples, metric, minSize, confidence, seed, groupings, slices, depth, level, effect);
  }

  /**
   * @return the metric overall, per user slice and per slice of each grouping
   * @throws IllegalStateException if neither groupings nor slices were given
   */
  public SliceReport run() {
    if (groupings.isEmpty() && slices.isEmpty()) {
      throw new IllegalStateException("give groupings with by(...) or slices with slices(...)");
    }
    double overallValue = metric.value(examples);
    SliceResult overall = new SliceResult("overall", "all", examples.size(), overallValue,
        metric.interval(examples, confidence, seed), 0);
    List<SliceResult> results = new ArrayList<>();
    List<SmallSlice> small = new ArrayList<>();
    for (Slice s : slices) {
      List<Example> members = examples.stream().filter(e -> s.contains(e.row())).toList();
      add("slices", s.name(), members, overallValue, results, small);
    }
    for (SliceBy by : groupings) {
      for (Map.Entry<String, List<Example>> g : group(by, examples).entrySet()) {
        add(by.name(), g.getKey(), g.getValue(), overallValue, results, small);
      }
    }
    return new SliceReport(metric.name(), metric.higherIsBetter(), overall, results, small, minSize, confidence, seed);
  }

  private void add(String grouping, String name, List<Example> members, double overallValue, List<SliceResult> results,
      List<SmallSlice> small) {
    if (members.size() < minSize) {
      small.add(new SmallSlice(grouping, name, members.size()));
      return;
    }
    double v = metric.value(members);
    Interval ci = metric.interval(members, confidence, mixedSeed(grouping + "|" + name));
    results.add(new SliceResult(grouping, name, members.size(), v, ci, v - overallValue));
  }

  private long mixedSeed(String slice) {
    long z = seed + (slice.hashCode() + 1L) * 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static Map<String, List<Example>> group(SliceBy by, List<Example> examples) {
    Map<String, List<Example>> groups = new TreeMap<>();
    for (Example e : examples) {
      groups.computeIfAbsent(by.keyOf(e.row()), k -> new ArrayList<>()).add(e);
    }
    return groups;
  }

  /**
   * Finds slices that underperform the rest over every categorical and boolean column of the rows'
   * schema (or the given columns), after Slice Finder (Chung, Kraska, Polyzotis, Tae and Whang
   * 2019, ICDE): single conditions, then pairs on two columns, not refining a slice already found;
   * each candidate of at least the minimum size is compared with the rest by Welch's test on
   * per-row losses, Benjamini-Hochberg adjusted per depth, and kept when significant and its
   * effect size reaches the threshold. Missing values form their own slice.
   *
   * @param columns columns to slice on; none means every categorical and boolean feature
   * @return the underperforming slices, largest effect size first
   * @throws IllegalArgumentException if the metric is not a mean of per-row losses, or a column
   *     does not exist
   */
  public List<DiscoveredSlice> discover(String... columns) {
    if (!metric.hasRowLoss()) {
      throw new IllegalArgumentException("discovery needs a metric that is a mean of per-row losses (accuracy, error rate,"
          + " log loss, Brier score, mean absolute error) but " + metric.name() + " is not");
    }
    List<String> fields = columns.length > 0 ? Arrays.asList(columns) : categoricalColumns();
    Row first = examples.get(0).row();
    for (String f : fields) {
      first.schema().indexOf(f);
    }
    double[] loss = new double[examples.size()];
    for (int i = 0; i < loss.length; i++) {
      loss[i] = metric.rowLoss(examples.get(i));
    }
    List<Candidate> level1 = new ArrayList<>();
    for (String f : fields) {
      for (Map.Entry<String, List<Integer>> g : groupIndices(List.of(f)).entrySet()) {
        level1.add(new Candidate(g.getKey(), 1, List.of(f), g.getValue()));
      }
    }
    List<DiscoveredSlice> found = new ArrayList<>(test(level1, loss));
    if (maxDepth == 2) {
      java.util.Set<String> flagged = new java.util.HashSet<>();
      found.forEach(d -> flagged.add(d.slice()));
      List<Candidate> level2 = new ArrayList<>();
      for (int a = 0; a < fields.size(); a++) {
        for (int b = a + 1; b < fields.size(); b++) {
          String second = " & " + fields.get(b) + "=";
          for (Map.Entry<String, List<Integer>> g : groupIndices(List.of(fields.get(a), fields.get(b))).entrySet()) {
            int cut = g.getKey().indexOf(second);
            String parentA = g.getKey().substring(0, cut);
            String parentB = g.getKey().substring(cut + 3);
            if (!flagged.contains(parentA) && !flagged.contains(parentB)) {
              level2.add(new Candidate(g.getKey(), 2, List.of(fields.get(a), fields.get(b)), g.getValue()));
            }
          }
        }
      }
      found.addAll(test(level2, loss));
    }
    found.sort(Comparator.comparingDouble(DiscoveredSlice::effectSize).reversed());
    return found;
  }

  private List<String> categoricalColumns() {
    List<String> out = new ArrayList<>();
    for (Field f : examples.get(0).row().schema().fields()) {
      if (f.type() == FieldType.CATEGORICAL || f.type() == FieldType.BOOLEAN) {
        out.add(f.name());
      }
    }
    return out;
  }

  private Map<String, List<Integer>> groupIndices(List<String> fields) {
    Map<String, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < examples.size(); i++) {
      Row r = examples.get(i).row();
      StringBuilder key = new StringBuilder();
      for (String f : fields) {
        key.append(key.length() == 0 ? "" : " & ").append(f).append('=')
            .append(r.isMissing(f) ? SliceBy.MISSING : r.getString(f));
      }
      groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(i);
    }
    return groups;
  }

  private record Candidate(String name, int depth, List<String> fields, List<Integer> members) {}

  private List<DiscoveredSlice> test(List<Candidate> candidates, double[] loss) {
    List<Candidate> tested = new ArrayList<>();
    List<double[]> stats = new ArrayList<>();
    for (Candidate c : candidates) {
      int n = c.members().size();
      if (n < minSize || examples.size() - n < 2 || n < 2) {
        continue;
      }
      boolean[] in = new boolean[loss.length];
      c.members().forEach(i -> in[i] = true);
      double[] inside = new double[n];
      double[] outside = new double[loss.length - n];
      int a = 0;
      int b = 0;
      for (int i = 0; i < loss.length; i++) {
        if (in[i]) {
          inside[a++] = loss[i];
        } else {
          outside[b++] = loss[i];
        }
      }
      WelchResult w = SignificanceTests.welch(inside, outside);
      double oneSided = w.statistic() > 0 ? w.pValue() / 2 : 1 - w.pValue() / 2;
      double meanIn = mean(inside);
      double meanOut = mean(outside);
      double pooled = Math.sqrt((variance(inside, meanIn) + variance(outside, meanOut)) / 2);
      double diff = meanIn - meanOut;
      double effect = pooled == 0 ? (diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff)) : diff / pooled;
      tested.add(c);
      stats.add(new double[] {oneSided, effect});
    }
    double[] p = new double[tested.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = stats.get(i)[0];
    }
    double[] adjusted = MultipleComparisons.benjaminiHochberg(p);
    List<DiscoveredSlice> out = new ArrayList<>();
    for (int i = 0; i < tested.size(); i++) {
      double effect = stats.get(i)[1];
      if (adjusted[i] <= alpha && effect >= minEffect) {
        Candidate c = tested.get(i);
        List<Example> in = new ArrayList<>();
        boolean[] member = new boolean[examples.size()];
        for (int k : c.members()) {
          in.add(examples.get(k));
          member[k] = true;
        }
        List<Example> rest = new ArrayList<>();
        for (int k = 0; k < examples.size(); k++) {
          if (!member[k]) {
            rest.add(examples.get(k));
          }
        }
        out.add(new DiscoveredSlice(c.name(), c.depth(), in.size(), metric.value(in), metric.value(rest), effect, p[i],
            adjusted[i]));
      }
    }
    return out;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double variance(double[] x, double mean) {
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return s / (x.length - 1);
  }

  /**
   * Compares this analysis's predictions (model A) with another model's predictions on the same
   * rows, overall and per slice of each grouping. With the same rows a mean metric (accuracy, a
   * loss) weights every slice alike for both models, so its aggregate cannot reverse; ratio
   * metrics (precision, ROC AUC) can, and are checked as in {@link #compareWith(List)}.
   *
   * @param other model B's predictions, one per example, same order
   * @return the comparison
   * @throws IllegalArgumentException if sizes differ
   * @throws IllegalStateException if no grouping was given
   */
  public SliceComparison compareWithPredictions(List<Prediction> other) {
    Objects.requireNonNull(other, "other");
    if (other.size() != examples.size()) {
      throw new IllegalArgumentException("expected " + examples.size() + " predictions but got " + other.size());
    }
    List<Example> b = new ArrayList<>(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      b.add(new Example(e.row(), e.actual(), other.get(i)));
    }
    return compareWith(b);
  }

  /**
   * Compares this analysis's examples (model A) with model B's examples, which may be other rows
   * (each model's own traffic in an A/B test), overall and per slice of each grouping, and warns
   * of Simpson's paradox: a grouping with at least two slices of the minimum size (in both models'
   * examples) in every one of which the aggregate winner loses.
   *
   * @param other model B's examples, not empty
   * @return the comparison
   * @throws IllegalArgumentException if {@code other} is empty
   * @throws IllegalStateException if no grouping was given
   */
  public SliceComparison compareWith(List<Example> other) {
    Objects.requireNonNull(other, "other");
    if (other.isEmpty()) {
      throw new IllegalArgumentException("model B needs at least one example");
    }
    if (groupings.isEmpty()) {
      throw new IllegalStateException("give groupings with by(...) to compare per slice");
    }
    double overallA = metric.value(examples);
    double overallB = metric.value(other);
    double overallEdge = edge(overallA, overallB);
    List<ComparedSlice> compared = new ArrayList<>();
    List<SimpsonsParadox> paradoxes = new ArrayList<>();
    for (SliceBy by : groupings) {
      Map<String, List<Example>> inA = group(by, examples);
      Map<String, List<Example>> inB = group(by, other);
      List<ComparedSlice> mine = new ArrayList<>();
      boolean allReverse = true;
      for (Map.Entry<String, List<Example>> g : inA.entrySet()) {
        List<Example> b = inB.getOrDefault(g.getKey(), List.of());
        if (g.getValue().size() < minSize || b.size() < minSize) {
          continue;
        }
        ComparedSlice c = new ComparedSlice(by.name(), g.getKey(), g.getValue().size(), b.size(),
            metric.value(g.getValue()), metric.value(b));
        mine.add(c);
        double e = edge(c.valueA(), c.valueB());
        allReverse &= !Double.isNaN(e) && e != 0 && Math.signum(e) == -Math.signum(overallEdge);
      }
      compared.addAll(mine);
      if (overallEdge != 0 && !Double.isNaN(overallEdge) && mine.size() >= 2 && allReverse) {
        paradoxes.add(new SimpsonsParadox(by.name(), describe(by.name(), overallA, overallB, overallEdge, mine)));
      }
    }
    return new SliceComparison(metric.name(), metric.higherIsBetter(), overallA, overallB, compared, paradoxes);
  }

  /** @return positive when A is better, negative when B is */
  private double edge(double a, double b) {
    return metric.higherIsBetter() ? a - b : b - a;
  }

  private String describe(String grouping, double a, double b, double overallEdge, List<ComparedSlice> slices) {
    String winner = overallEdge > 0 ? "A" : "B";
    String loser = overallEdge > 0 ? "B" : "A";
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Simpson's paradox over %s: model %s is better overall (%s %.4f vs %.4f) but model %s is better in every slice (",
        grouping, winner, metric.name(), overallEdge > 0 ? a : b, overallEdge > 0 ? b : a, loser));
    for (int i = 0; i < slices.size(); i++) {
      ComparedSlice s = slices.get(i);
      sb.append(i == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s: %.4f vs %.4f", s.slice(),
          overallEdge > 0 ? s.valueB() : s.valueA(), overallEdge > 0 ? s.valueA() : s.valueB()));
    }
    return sb.append("); the slices' sizes drive the aggregate, compare within slices").toString();
  }
}
