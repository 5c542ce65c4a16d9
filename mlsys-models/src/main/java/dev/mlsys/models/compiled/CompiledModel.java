package dev.mlsys.models.compiled;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.RowTransform;
import dev.mlsys.api.VectorPredictor;
import dev.mlsys.models.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model compiled into flat primitive arrays by {@link ModelCompiler}: the same outputs as the
 * model it came from, without per-call objects, maps or name lookups.
 *
 * <pre>{@code
 * CompiledModel fast = ModelCompiler.compile(model);          // model.featureNames() order
 * Prediction p = fast.predict(x);                              // as model.predict(x)
 * double[] probs = new double[fast.outputWidth()];
 * fast.output(x, probs);                                       // no allocation at all
 * }</pre>
 *
 * <p><b>Inputs</b> are dense vectors in {@link #inputNames()} order, fixed at compile time. A
 * missing value is NaN: for Tribuo models it is an absent feature, which Tribuo reads as 0 (trees
 * compare 0 with the threshold; linear models skip the term); for XGBoost it takes each split's
 * learned default branch. (mlsys's own {@code TrainedModel.output} rejects NaN; its
 * pipeline imputes first.) The fallback parts of a model compiled by
 * {@link ModelCompiler#compileOrFallback} reject NaN as the model does.
 *
 * <p><b>Outputs</b> are class probabilities in {@link #classes()} order, or one value for
 * regression, equal to the source model's: the same bits for Tribuo's double-precision models and
 * mlsys ensembles of them (the same operations in the same order), and XGBoost's float arithmetic
 * for boosters. Labels break ties toward the earlier class, as mlsys does.
 *
 * <p><b>Batches</b>: {@link #outputRows(double[], int, double[])} over a row-major block and
 * {@link #outputColumns(double[][], double[])} over a column-major one (linear models run whole
 * columns through vectorisable loops there).
 *
 * <p>Thread-safety: immutable and safe for concurrent use. {@link #output(double[], double[])}
 * allocates nothing; {@link #predict(double[])} allocates only its result.
 */
public final class CompiledModel implements VectorPredictor {
  private final Kernel kernel;
  private final Task task;
  private final List<String> inputNames;
  private final List<String> classList;
  private final String[] classes;
  private final String name;
  private final boolean fallback;
  private final ThreadLocal<double[]> scratch;

  CompiledModel(Kernel kernel, Task task, List<String> inputNames, List<String> classes, String name, boolean fallback) {
    this.kernel = kernel;
    this.task = task;
    this.inputNames = List.copyOf(inputNames);
    this.classList = List.copyOf(classes);
    this.classes = classes.toArray(new String[0]);
    this.name = name;
    this.fallback = fallback;
    int outputs = kernel.outputs;
    this.scratch = ThreadLocal.withInitial(() -> new double[outputs]);
  }

  /** @return classification or regression */
  public Task task() {
    return task;
  }

  /** @return the input feature names, in vector order */
  public List<String> inputNames() {
    return inputNames;
  }

  /** @return the classes in probability order; empty for regression */
  public List<String> classes() {
    return classList;
  }

  /** @return the length of an output: the number of classes, or 1 for regression */
  public int outputWidth() {
    return kernel.outputs;
  }

  /** @return the name of the model this was compiled from */
  public String name() {
    return name;
  }

  /** @return whether some part of the model runs through its own predict (see {@link ModelCompiler#compileOrFallback}) */
  public boolean usesFallback() {
    return fallback;
  }

  /**
   * @param features a vector in {@link #inputNames()} order; NaN marks a missing value
   * @return the most probable class with every class probability, or the predicted value
   * @throws IllegalArgumentException if the vector has the wrong length
   */
  @Override
  public Prediction predict(double[] features) {
    check(features);
    double[] out = new double[kernel.outputs];
    kernel.output(features, 0, out, 0);
    return toPrediction(out, 0);
  }

  /**
   * @param features a vector in {@link #inputNames()} order
   * @return a new array: class probabilities in {@link #classes()} order, or the one value
   * @throws IllegalArgumentException if the vector has the wrong length
   */
  public double[] output(double[] features) {
    check(features);
    double[] out = new double[kernel.outputs];
    kernel.output(features, 0, out, 0);
    return out;
  }

  /**
   * Writes the output into a caller-owned buffer, allocating nothing.
   *
   * @param features a vector in {@link #inputNames()} order
   * @param out a buffer of at least {@link #outputWidth()} values; its first values are overwritten
   * @throws IllegalArgumentException if a length is wrong
   */
  public void output(double[] features, double[] out) {
    check(features);
    if (out.length < kernel.outputs) {
      throw new IllegalArgumentException("out has " + out.length + " values but the model writes " + kernel.outputs);
    }
    kernel.output(features, 0, out, 0);
  }

  /**
   * The one number of the output, allocating nothing: the value for regression, the probability of
   * the second class for binary classification (the class a {@link dev.mlsys.api.Calibrator}
   * calibrates).
   *
   * @param features a vector in {@link #inputNames()} order
   * @return the score
   * @throws IllegalStateException for a model with more than two classes
   */
  public double score(double[] features) {
    if (kernel.outputs > 2) {
      throw new IllegalStateException("score() needs a regression or binary model but '" + name + "' has "
          + kernel.outputs + " classes; use output(features, out)");
    }
    check(features);
    double[] out = scratch.get();
    kernel.output(features, 0, out, 0);
    return task == Task.REGRESSION ? out[0] : out[1];
  }

  /**
   * @param rows {@code n} vectors one after another, each of {@link #inputNames()}'s length
   * @param n the number of rows
   * @param out a buffer of at least {@code n * outputWidth()} values: row {@code i}'s output at
   *     {@code i * outputWidth()}
   * @throws IllegalArgumentException if a length is wrong
   */
  public void outputRows(double[] rows, int n, double[] out) {
    Objects.requireNonNull(rows, "rows");
    if (n < 0 || (long) n * kernel.width > rows.length) {
      throw new IllegalArgumentException("rows has " + rows.length + " values, fewer than " + n + " rows of "
          + kernel.width);
    }
    checkOut(n, out);
    kernel.outputRows(rows, n, out);
  }

  /**
   * @param rows vectors, each of {@link #inputNames()}'s length
   * @param out a buffer of at least {@code rows.length * outputWidth()} values
   * @throws IllegalArgumentException if a length is wrong
   */
  public void outputRows(double[][] rows, double[] out) {
    checkOut(rows.length, out);
    for (int i = 0; i < rows.length; i++) {
      check(rows[i]);
      kernel.output(rows[i], 0, out, i * kernel.outputs);
    }
  }

  /**
   * @param columns one array per input feature, in {@link #inputNames()} order, all of one length
   *     {@code n}: {@code columns[j][i]} is feature {@code j} of row {@code i}
   * @param out a buffer of at least {@code n * outputWidth()} values, written row by row
   * @throws IllegalArgumentException if a length is wrong
   */
  public void outputColumns(double[][] columns, double[] out) {
    if (columns.length != kernel.width) {
      throw new IllegalArgumentException("model '" + name + "' reads " + kernel.width + " features but "
          + columns.length + " columns were given");
    }
    int n = columns.length == 0 ? 0 : columns[0].length;
    for (int j = 0; j < columns.length; j++) {
      if (columns[j].length != n) {
        throw new IllegalArgumentException("column " + j + " ('" + inputNames.get(j) + "') has " + columns[j].length
            + " rows but column 0 has " + n);
      }
    }
    checkOut(n, out);
    kernel.outputColumns(columns, n, out);
  }

  /**
   * @param rows vectors in {@link #inputNames()} order
   * @return one prediction per row, in order
   */
  public List<Prediction> predictRows(double[][] rows) {
    double[] out = new double[rows.length * kernel.outputs];
    outputRows(rows, out);
    List<Prediction> predictions = new ArrayList<>(rows.length);
    for (int i = 0; i < rows.length; i++) {
      predictions.add(toPrediction(out, i * kernel.outputs));
    }
    return predictions;
  }

  /**
   * @param transform a fitted transform whose output names are exactly {@link #inputNames()}
   * @return a thread-safe row predictor that writes each row's features into a per-thread buffer
   * @throws IllegalArgumentException if the transform writes other features; compile with
   *     {@link ModelCompiler#compile(dev.mlsys.models.TrainedModel, RowTransform)} to match them by name
   */
  public Predictor onRows(RowTransform transform) {
    Objects.requireNonNull(transform, "transform");
    if (!transform.outputNames().equals(inputNames)) {
      throw new IllegalArgumentException("the transform writes features " + transform.outputNames()
          + " but this model was compiled for " + inputNames + "; compile it for the transform with"
          + " ModelCompiler.compile(model, transform)");
    }
    return new RowPredictor(this, transform);
  }

  Prediction toPrediction(double[] out, int offset) {
    if (task == Task.REGRESSION) {
      return Prediction.ofValue(out[offset]);
    }
    int best = Finish.argmax(out, offset, classes.length);
    return Prediction.of(classes[best], new ProbabilityView(classes, out, offset));
  }

  /** Predicts from a vector already checked, for {@link RowPredictor}. */
  Prediction predictChecked(double[] features) {
    double[] out = new double[kernel.outputs];
    kernel.output(features, 0, out, 0);
    return toPrediction(out, 0);
  }

  private void check(double[] features) {
    if (features.length != kernel.width) {
      throw new IllegalArgumentException("model '" + name + "' reads " + kernel.width + " features but the vector has "
          + features.length);
    }
  }

  private void checkOut(int n, double[] out) {
    if ((long) n * kernel.outputs > out.length) {
      throw new IllegalArgumentException("out has " + out.length + " values but " + n + " rows need "
          + (long) n * kernel.outputs);
    }
  }

  @Override
  public String toString() {
    return "CompiledModel[" + name + ": " + kernel.describe() + "]";
  }
}
