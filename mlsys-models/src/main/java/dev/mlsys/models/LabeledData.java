package dev.mlsys.models;

import dev.mlsys.api.CategoricalField;
import dev.mlsys.api.Field;
import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Row;
import dev.mlsys.api.RowTransform;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Schema;
import dev.mlsys.api.Violation;
import dev.mlsys.data.Table;
import dev.mlsys.data.features.FeaturePipeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The form every mlsys trainer learns from: named dense features (one {@code double[]} per
 * example, in {@link #featureNames()} order), a label per example (a class index or a target
 * value) and an optional weight per example.
 *
 * <pre>{@code
 * LabeledData data = LabeledData.classification(List.of("x1", "x2"), x, new String[] {"no", "yes", ...});
 * TrainedModel model = Trainers.cart().maxDepth(4).fit(data);
 * }</pre>
 *
 * <p>From a data-module table and a fitted feature pipeline, {@link #fromTable(Table,
 * FeaturePipeline)} is the training path; {@link #fromRows(List, RowTransform)} gives the same
 * data from rows.
 *
 * <p>Every feature value is finite: missing values are the feature pipeline's job, and a NaN
 * reaching a trainer is reported with its row and feature rather than passed on to Tribuo.
 * Subsets ({@link #subset(int[])}) share the row arrays, which are never changed.
 *
 * <p>Thread-safety: immutable and safe to share.
 */
public final class LabeledData {
  private final List<String> featureNames;
  private final double[][] x;
  private final Task task;
  private final List<String> classes;
  private final int[] classIndex;
  private final double[] target;
  private final double[] weights;

  private LabeledData(List<String> featureNames, double[][] x, Task task, List<String> classes, int[] classIndex,
      double[] target, double[] weights) {
    this.featureNames = featureNames;
    this.x = x;
    this.task = task;
    this.classes = classes;
    this.classIndex = classIndex;
    this.target = target;
    this.weights = weights;
  }

  /**
   * @param featureNames distinct feature names, in vector order
   * @param x one row per example, each as wide as {@code featureNames}; copied
   * @param classes the class names, in the order of probabilities
   * @param y the class index of each example, in {@code [0, classes.size())}
   * @return classification data
   * @throws IllegalArgumentException on a shape mismatch, a non-finite value, a duplicate name or a
   *     class index out of range, naming the row and feature
   */
  public static LabeledData classification(List<String> featureNames, double[][] x, List<String> classes, int[] y) {
    return classification(featureNames, x, classes, y, true);
  }

  /** As the public factory; {@code copy} false hands over freshly made rows without a second copy. */
  private static LabeledData classification(List<String> featureNames, double[][] x, List<String> classes, int[] y,
      boolean copy) {
    List<String> names = checkNames(featureNames);
    List<String> cls = List.copyOf(classes);
    if (cls.isEmpty()) {
      throw new IllegalArgumentException("classes must not be empty");
    }
    if (new HashSet<>(cls).size() != cls.size()) {
      throw new IllegalArgumentException("classes must be distinct but were: " + cls);
    }
    double[][] rows = checkRows(names, x, copy);
    Objects.requireNonNull(y, "y");
    if (y.length != rows.length) {
      throw new IllegalArgumentException("y has " + y.length + " labels but x has " + rows.length + " rows");
    }
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0 || y[i] >= cls.size()) {
        throw new IllegalArgumentException("y[" + i + "] must be a class index in [0, " + cls.size() + ") but was: " + y[i]);
      }
    }
    return new LabeledData(names, rows, Task.CLASSIFICATION, cls, y.clone(), null, null);
  }

  /**
   * Classification data whose classes are the distinct labels in sorted order (as scikit-learn
   * orders them).
   *
   * @param featureNames distinct feature names, in vector order
   * @param x one row per example; copied
   * @param labels the class name of each example, none null
   * @return classification data
   * @throws IllegalArgumentException as for {@link #classification(List, double[][], List, int[])}
   */
  public static LabeledData classification(List<String> featureNames, double[][] x, String[] labels) {
    Objects.requireNonNull(labels, "labels");
    TreeSet<String> sorted = new TreeSet<>();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == null) {
        throw new IllegalArgumentException("labels[" + i + "] is null; every example needs a label");
      }
      sorted.add(labels[i]);
    }
    List<String> classes = List.copyOf(sorted);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      index.put(classes.get(i), i);
    }
    int[] y = new int[labels.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = index.get(labels[i]);
    }
    return classification(featureNames, x, classes, y);
  }

  /**
   * @param featureNames distinct feature names, in vector order
   * @param x one row per example; copied
   * @param y the target value of each example, finite
   * @return regression data
   * @throws IllegalArgumentException on a shape mismatch or a non-finite value
   */
  public static LabeledData regression(List<String> featureNames, double[][] x, double[] y) {
    return regression(featureNames, x, y, true);
  }

  private static LabeledData regression(List<String> featureNames, double[][] x, double[] y, boolean copy) {
    List<String> names = checkNames(featureNames);
    double[][] rows = checkRows(names, x, copy);
    Objects.requireNonNull(y, "y");
    if (y.length != rows.length) {
      throw new IllegalArgumentException("y has " + y.length + " targets but x has " + rows.length + " rows");
    }
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("y[" + i + "] must be finite but was: " + y[i]);
      }
    }
    return new LabeledData(names, rows, Task.REGRESSION, List.of(), null, y.clone(), null);
  }

  /**
   * Classification data from the data module's training matrix (the training side of a split,
   * possibly resampled), so that a split's test side can never reach a trainer by mistake.
   *
   * @param featureNames the names of the matrix's columns
   * @param training the training matrix
   * @param classes the class names, indexed by the matrix's labels
   * @return classification data
   * @throws IllegalArgumentException as for {@link #classification(List, double[][], List, int[])}
   */
  public static LabeledData classification(List<String> featureNames, dev.mlsys.data.split.TrainingMatrix training,
      List<String> classes) {
    return classification(featureNames, training.features(), classes, training.labels());
  }

  /**
   * Builds training data from validated rows: the features are what {@code features} writes, the
   * label is the schema's label field (categorical: classification in the schema's class order;
   * numeric: regression).
   *
   * @param rows rows of one schema, each with a label value
   * @param features the fitted transform from a row to its feature vector
   * @return the data
   * @throws InvalidInputException naming the row and field if a label is missing or a feature is
   *     not finite
   * @throws IllegalArgumentException if the schema has no label, or rows is empty
   */
  public static LabeledData fromRows(List<Row> rows, RowTransform features) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(features, "features");
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("rows must not be empty");
    }
    Schema schema = rows.get(0).schema();
    Field label = labelOf(schema, "rows'");
    int width = features.outputWidth();
    double[][] x = new double[rows.size()][];
    boolean[] missingLabel = new boolean[rows.size()];
    for (int i = 0; i < x.length; i++) {
      Row row = rows.get(i);
      if (!row.schema().equals(schema)) {
        throw new IllegalArgumentException("row " + i + " has another schema than row 0");
      }
      x[i] = new double[width];       // a fresh vector per row: the data owns it
      features.transform(row, x[i]);
      missingLabel[i] = row.label() == null;
    }
    List<String> names = features.outputNames();
    checkEncoded(names, x, label, missingLabel);
    int last = schema.allFields().size() - 1;
    if (label instanceof CategoricalField c) {
      int[] y = new int[x.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = c.indexOf((String) rows.get(i).label());
      }
      return classification(names, x, c.values(), y, false);
    }
    double[] y = new double[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = rows.get(i).getDouble(last);
    }
    return regression(names, x, y, false);
  }

  /**
   * Builds training data from a table, column by column: the features are what
   * {@link FeaturePipeline#transformColumns(Table)} writes, the label is the schema's label field
   * (categorical: classification in the schema's class order; otherwise regression). Gives the
   * same data, bit for bit, as {@link #fromRows(List, RowTransform)} on the table's rows, and
   * faster, since each column is read once.
   *
   * <pre>{@code
   * try (RowReader reader = RowReader.csv(path, schema).open(); Table all = reader.readTable();
   *     Table train = split.take(Part.TRAIN, all); Table test = split.take(Part.TEST, all)) {
   *   FeaturePipeline pipeline = features.fit(train);         // fitted on the training part only
   *   LabeledData trainData = LabeledData.fromTable(train, pipeline);
   *   LabeledData testData = LabeledData.fromTable(test, pipeline);
   * }
   * }</pre>
   *
   * @param table a table whose schema has a label field; it stays open, and the data keeps no
   *     reference to it (nor to its Arrow memory)
   * @param features the fitted pipeline
   * @return the data
   * @throws InvalidInputException naming the row and field if a label is missing or a feature is
   *     not finite
   * @throws IllegalArgumentException if the schema has no label, or the table has no rows
   * @throws dev.mlsys.api.IncompatibleSchemaException if the table lacks a field the pipeline
   *     reads, or has it with another type
   * @throws IllegalStateException if the table is closed
   */
  public static LabeledData fromTable(Table table, FeaturePipeline features) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(features, "features");
    if (table.rowCount() == 0) {
      throw new IllegalArgumentException("the table has no rows; training needs at least one");
    }
    Field label = labelOf(table.schema(), "table's");
    int n = table.rowCount();
    int width = features.outputWidth();
    double[] flat = features.transformColumns(table);
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
    }
    boolean[] missingLabel = new boolean[n];
    for (int i = 0; i < n; i++) {
      missingLabel[i] = table.isMissing(label.name(), i);
    }
    List<String> names = features.outputNames();
    checkEncoded(names, x, label, missingLabel);
    if (label instanceof CategoricalField c) {
      // codes are positions in the declared values, the schema's class order
      return classification(names, x, c.values(), table.codes(label.name()), false);
    }
    return regression(names, x, table.doubles(label.name()), false);
  }

  private static Field labelOf(Schema schema, String whose) {
    return schema.label().orElseThrow(() -> new IllegalArgumentException(
        "the " + whose + " schema has no label field; training needs one: " + schema));
  }

  /** Reports the non-finite features and missing labels, row by row, the first 100 of them. */
  private static void checkEncoded(List<String> names, double[][] x, Field label, boolean[] missingLabel) {
    List<Violation> problems = new ArrayList<>();
    for (int i = 0; i < x.length && problems.size() < 100; i++) {
      for (int j = 0; j < x[i].length; j++) {
        if (!Double.isFinite(x[i][j]) && problems.size() < 100) {
          problems.add(new Violation(names.get(j), x[i][j], Rule.NOT_FINITE,
              "in row " + i + " is not finite; impute missing values in the feature pipeline before training"));
        }
      }
      if (missingLabel[i] && problems.size() < 100) {
        problems.add(new Violation(label.name(), null, Rule.MISSING_REQUIRED, "in row " + i + " is missing; training needs a label"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /**
   * @param w one weight per example, each finite and &gt;= 0, not all zero; copied
   * @return a copy of this data carrying these weights
   * @throws IllegalArgumentException if a weight breaks the rule
   */
  public LabeledData withWeights(double[] w) {
    Objects.requireNonNull(w, "w");
    if (w.length != x.length) {
      throw new IllegalArgumentException("weights has " + w.length + " values but the data has " + x.length + " rows");
    }
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0 but was: " + w[i]);
      }
      sum += w[i];
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("weights must not all be zero");
    }
    return new LabeledData(featureNames, x, task, classes, classIndex, target, w.clone());
  }

  /** @return a copy without weights (every example weighs 1) */
  public LabeledData withoutWeights() {
    return weights == null ? this : new LabeledData(featureNames, x, task, classes, classIndex, target, null);
  }

  /**
   * @param indices example positions, repeats allowed (a bootstrap sample)
   * @return the examples at those positions, in that order, with their weights
   * @throws IllegalArgumentException if the selection is empty or a position is out of range
   */
  public LabeledData subset(int[] indices) {
    Objects.requireNonNull(indices, "indices");
    if (indices.length == 0) {
      throw new IllegalArgumentException("a subset needs at least one example");
    }
    double[][] rows = new double[indices.length][];
    int[] ci = classIndex == null ? null : new int[indices.length];
    double[] t = target == null ? null : new double[indices.length];
    double[] w = weights == null ? null : new double[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      if (i < 0 || i >= x.length) {
        throw new IllegalArgumentException("indices[" + k + "] must be in [0, " + x.length + ") but was: " + i);
      }
      rows[k] = x[i];
      if (ci != null) {
        ci[k] = classIndex[i];
      }
      if (t != null) {
        t[k] = target[i];
      }
      if (w != null) {
        w[k] = weights[i];
      }
    }
    return new LabeledData(featureNames, rows, task, classes, ci, t, w);
  }

  /** @return the feature names, in vector order */
  public List<String> featureNames() {
    return featureNames;
  }

  /** @return the number of examples */
  public int size() {
    return x.length;
  }

  /** @return the number of features */
  public int width() {
    return featureNames.size();
  }

  /** @return classification or regression */
  public Task task() {
    return task;
  }

  /** @return the classes in probability order; empty for regression */
  public List<String> classes() {
    return classes;
  }

  /**
   * @param i an example position
   * @return a copy of its feature vector
   */
  public double[] features(int i) {
    return x[i].clone();
  }

  /** @return a copy of every feature vector, in example order */
  public double[][] rows() {
    double[][] out = new double[x.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = x[i].clone();
    }
    return out;
  }

  /**
   * @param i an example position
   * @param j a feature position
   * @return the value
   */
  public double value(int i, int j) {
    return x[i][j];
  }

  /** Shares the row without copying; callers in this module never change it. */
  double[] rowView(int i) {
    return x[i];
  }

  /**
   * @param i an example position
   * @return its class index
   * @throws IllegalStateException for regression data
   */
  public int classOf(int i) {
    if (classIndex == null) {
      throw new IllegalStateException("regression data has no classes");
    }
    return classIndex[i];
  }

  /** @return a copy of every example's class index; throws for regression data */
  public int[] classIndices() {
    if (classIndex == null) {
      throw new IllegalStateException("regression data has no classes");
    }
    return classIndex.clone();
  }

  /**
   * @param i an example position
   * @return its target value
   * @throws IllegalStateException for classification data
   */
  public double targetOf(int i) {
    if (target == null) {
      throw new IllegalStateException("classification data has no target values");
    }
    return target[i];
  }

  /** @return a copy of every example's target; throws for classification data */
  public double[] targets() {
    if (target == null) {
      throw new IllegalStateException("classification data has no target values");
    }
    return target.clone();
  }

  /** @return whether examples carry weights */
  public boolean weighted() {
    return weights != null;
  }

  /**
   * @param i an example position
   * @return its weight, 1 when the data is unweighted
   */
  public double weightOf(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /** @return the number of examples per class, in class order; throws for regression data */
  public int[] classCounts() {
    int[] counts = new int[classes.size()];
    for (int c : classIndices()) {
      counts[c]++;
    }
    return counts;
  }

  /**
   * A fingerprint of the content (features, labels, weights), for provenance: equal data gives an
   * equal fingerprint on every machine.
   *
   * @return a SHA-256 hex digest
   */
  public String fingerprint() {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8);
      for (String n : featureNames) {
        md.update(n.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      for (String c : classes) {
        md.update(c.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 1);
      }
      for (int i = 0; i < x.length; i++) {
        for (double v : x[i]) {
          buf.clear();
          md.update(buf.putDouble(v).array());
        }
        buf.clear();
        md.update(buf.putDouble(classIndex != null ? classIndex[i] : target[i]).array());
        buf.clear();
        md.update(buf.putDouble(weightOf(i)).array());
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "LabeledData[%s, %d examples x %d features%s%s]", task.name().toLowerCase(Locale.ROOT),
        x.length, featureNames.size(), classes.isEmpty() ? "" : ", classes " + classes, weights == null ? "" : ", weighted");
  }

  private static List<String> checkNames(List<String> featureNames) {
    Objects.requireNonNull(featureNames, "featureNames");
    if (featureNames.isEmpty()) {
      throw new IllegalArgumentException("featureNames must not be empty");
    }
    Set<String> seen = new HashSet<>();
    for (String n : featureNames) {
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException("feature names must not be null or blank but were: " + featureNames);
      }
      if (!seen.add(n)) {
        throw new IllegalArgumentException("feature name '" + n + "' appears twice");
      }
    }
    return List.copyOf(featureNames);
  }

  private static double[][] checkRows(List<String> names, double[][] x, boolean copy) {
    Objects.requireNonNull(x, "x");
    if (x.length == 0) {
      throw new IllegalArgumentException("x must have at least one row");
    }
    double[][] rows = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null || x[i].length != names.size()) {
        throw new IllegalArgumentException("row " + i + " must have " + names.size() + " values but had "
            + (x[i] == null ? "none (null)" : x[i].length));
      }
      for (int j = 0; j < x[i].length; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new IllegalArgumentException("row " + i + ", feature '" + names.get(j) + "' must be finite but was: "
              + x[i][j] + "; impute missing values in the feature pipeline before training");
        }
      }
      rows[i] = copy ? Arrays.copyOf(x[i], x[i].length) : x[i];
    }
    return rows;
  }
}
