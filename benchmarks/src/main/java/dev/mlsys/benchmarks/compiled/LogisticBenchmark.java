package dev.mlsys.benchmarks.compiled;

import dev.mlsys.api.Prediction;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.TribuoModel;
import dev.mlsys.models.compiled.CompiledModel;
import dev.mlsys.models.compiled.ModelCompiler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;

/**
 * Single-row logistic regression (liblinear L2, 30 features), in the same run:
 * <ul>
 *   <li>{@code tribuo}: Tribuo's {@code Model.predict} on an example built from the row;
 *   <li>{@code tribuoSgd} and {@code compiledSgd}: the same pair for Tribuo's own logistic
 *       regression, {@code LogisticRegressionTrainer} (a {@code LinearSGDModel}, whose predict is
 *       cheaper than liblinear's), with {@code floorSgd}, its hand-written floor: two dot
 *       products in one pass (one weight row per class) and the two-class softmax with one exp;
 *   <li>{@code tribuoSgdPrebuilt}: Tribuo's SGD predict on examples built in the setup, its
 *       model cost alone;
 *   <li>{@code compiled}: {@link CompiledModel#output(double[], double[])} into a reused buffer;
 *   <li>{@code compiledPrediction}: {@link CompiledModel#predict(double[])}, the api
 *       {@code Prediction} with its probability map;
 *   <li>{@code compiledGather}: the same model compiled for inputs in another order than Tribuo's,
 *       so every weight reads its input through an index;
 *   <li>{@code floor}: a hand-written dot product plus logistic over the same weights.
 * </ul>
 * Targets: {@code compiled} at least 8x faster than {@code tribuo}, within 2x of {@code floor}.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * compiled.LogisticBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class LogisticBenchmark {
  Model<Label> tribuo;
  CompiledModel compiled;
  Model<Label> tribuoSgd;
  CompiledModel compiledSgd;
  double[][] sgdWeights;
  double[] sgdBias;
  int sgdYes;
  org.tribuo.Example<Label>[] examples;
  CompiledModel gather;
  double[][] rows;
  double[][] reversedRows;
  double[] out;
  double[] weights;
  double bias;
  boolean yesFirst;
  int i;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() {
    TrainedModel model = Trainers.logisticRegression().fit(Workloads.train(4000, 1));
    tribuo = (Model<Label>) ((TribuoModel) model).tribuoModel();
    compiled = ModelCompiler.compile(model);
    tribuoSgd = new org.tribuo.classification.sgd.linear.LogisticRegressionTrainer()
        .train(dev.mlsys.models.tribuo.TribuoData.classification(Workloads.train(4000, 1)));
    compiledSgd = ModelCompiler.compileTribuo(tribuoSgd, Workloads.featureNames());
    org.tribuo.math.la.DenseMatrix sgd =
        ((org.tribuo.classification.sgd.linear.LinearSGDModel) tribuoSgd).getWeightsCopy();
    sgdWeights = new double[sgd.getDimension1Size()][Workloads.WIDTH];
    sgdBias = new double[sgdWeights.length];
    for (int r = 0; r < sgdWeights.length; r++) {
      for (int j = 0; j < Workloads.WIDTH; j++) {
        sgdWeights[r][j] = sgd.get(r, j);
      }
      sgdBias[r] = sgd.get(r, Workloads.WIDTH);
    }
    sgdYes = tribuoSgd.getOutputIDInfo().getID(new Label("yes"));
    examples = new org.tribuo.Example[Workloads.POOL];
    List<String> reversed = new ArrayList<>(model.featureNames());
    Collections.reverse(reversed);
    gather = ModelCompiler.compile(model, reversed);
    rows = Workloads.rows(Workloads.POOL, 2);
    reversedRows = new double[rows.length][Workloads.WIDTH];
    for (int r = 0; r < rows.length; r++) {
      for (int j = 0; j < Workloads.WIDTH; j++) {
        reversedRows[r][Workloads.WIDTH - 1 - j] = rows[r][j];
      }
    }
    out = new double[2];
    de.bwaldvogel.liblinear.Model inner = ((LibLinearClassificationModel) tribuo).getInnerModels().get(0);
    double[] w = inner.getFeatureWeights();
    weights = java.util.Arrays.copyOf(w, Workloads.WIDTH);
    bias = w[Workloads.WIDTH];
    yesFirst = tribuo.getOutputIDInfo().getOutput(inner.getLabels()[0]).getLabel().equals("yes");
    for (double[] x : rows) {
      double want = Workloads.probability(tribuo.predict(Workloads.example(x)), "yes");
      compiled.output(x, out);
      Workloads.agree(want, out[1], 1e-9, "compiled");
      Workloads.agree(want, compiled.predict(x).probability("yes"), 1e-9, "compiledPrediction");
      Workloads.agree(want, floorOf(x), 1e-9, "floor");
    }
    for (int r = 0; r < rows.length; r++) {
      examples[r] = Workloads.example(rows[r]);
    }
    for (double[] x : rows) {
      double want = Workloads.probability(tribuoSgd.predict(Workloads.example(x)), "yes");
      Workloads.agree(want, compiledSgd.predict(x).probability("yes"), 1e-9, "compiledSgd");
      Workloads.agree(want, floorSgdOf(x), 1e-9, "floorSgd");
    }
    for (double[] x : reversedRows) {
      gather.output(x, out);
      Workloads.agree(compiled.output(reversedBack(x))[1], out[1], 1e-9, "compiledGather");
    }
  }

  private static double[] reversedBack(double[] x) {
    double[] y = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      y[x.length - 1 - j] = x[j];
    }
    return y;
  }

  private double floorOf(double[] x) {
    double s = 0;
    for (int j = 0; j < weights.length; j++) {
      s += weights[j] * x[j];
    }
    double p0 = 1 / (1 + Math.exp(-(s + bias)));
    return yesFirst ? p0 : 1 - p0;
  }

  private double[] next() {
    return rows[i++ & (Workloads.POOL - 1)];
  }

  @Benchmark
  public org.tribuo.Prediction<Label> tribuo() {
    return tribuo.predict(Workloads.example(next()));
  }

  @Benchmark
  public double compiled() {
    compiled.output(next(), out);
    return out[1];
  }

  @Benchmark
  public org.tribuo.Prediction<Label> tribuoSgd() {
    return tribuoSgd.predict(Workloads.example(next()));
  }

  @Benchmark
  public org.tribuo.Prediction<Label> tribuoSgdPrebuilt() {
    return tribuoSgd.predict(examples[i++ & (Workloads.POOL - 1)]);
  }

  @Benchmark
  public double compiledSgd() {
    compiledSgd.output(next(), out);
    return out[1];
  }

  @Benchmark
  public Prediction compiledPrediction() {
    return compiled.predict(next());
  }

  @Benchmark
  public double compiledGather() {
    gather.output(reversedRows[i++ & (Workloads.POOL - 1)], out);
    return out[1];
  }

  /** Two weight rows summed in one pass, then the two-class softmax with one exp. */
  private double floorSgdOf(double[] x) {
    double[] w0 = sgdWeights[0];
    double[] w1 = sgdWeights[1];
    double s0 = sgdBias[0];
    double s1 = sgdBias[1];
    for (int j = 0; j < w0.length; j++) {
      s0 += w0[j] * x[j];
      s1 += w1[j] * x[j];
    }
    double pYes = 1 / (1 + Math.exp(sgdYes == 0 ? s1 - s0 : s0 - s1));
    return pYes;
  }

  @Benchmark
  public double floorSgd() {
    return floorSgdOf(next());
  }

  @Benchmark
  public double floor() {
    return floorOf(next());
  }
}
