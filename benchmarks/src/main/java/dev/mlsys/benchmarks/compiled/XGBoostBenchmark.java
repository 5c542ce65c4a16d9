package dev.mlsys.benchmarks.compiled;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlsys.api.Prediction;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.TribuoModel;
import dev.mlsys.models.compiled.CompiledModel;
import dev.mlsys.models.compiled.ModelCompiler;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Single-row prediction of an XGBoost model trained through Tribuo (50 rounds of depth-6 trees,
 * 30 features; Tribuo trains binary problems as two-class {@code multi:softprob}, so the booster
 * holds 100 trees), in the same run:
 * <ul>
 *   <li>{@code tribuo}: Tribuo's {@code XGBoostModel.predict} on an example built from the row
 *       (it builds a native {@code DMatrix} per call and never disposes it);
 *   <li>{@code xgboost4j}: the same booster (one thread) called directly with a dense one-row
 *       {@code DMatrix}, disposed after every call;
 *   <li>{@code compiled}: {@link CompiledModel#output(double[], double[])} into a reused buffer;
 *   <li>{@code compiledPrediction}: {@link CompiledModel#predict(double[])};
 *   <li>{@code floor}: a hand-written float loop over the same trees laid out flat and complete
 *       (no missing-value handling), then the two-class softmax.
 * </ul>
 * Targets: {@code compiled} at least 5x faster than {@code xgboost4j} and 50x faster than
 * {@code tribuo}, within 2x of {@code floor}.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * compiled.XGBoostBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class XGBoostBenchmark {
  Model<Label> tribuo;
  Booster booster;
  CompiledModel compiled;
  double[][] rows;
  float[] row;
  double[] out;
  int yes;
  int i;
  // the floor's arrays
  int depth;
  int trees;
  int[] feature;
  float[] threshold;
  float[] leaf;
  int[] group;
  float base;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() throws Exception {
    TrainedModel model = Trainers.xgboost().trees(50).maxDepth(6).seed(3).fit(Workloads.train(4000, 1));
    tribuo = (Model<Label>) ((TribuoModel) model).tribuoModel();
    booster = ((XGBoostModel<Label>) tribuo).getInnerModels().get(0);
    // One thread, as Tribuo's own booster was trained: a single row gains nothing from OpenMP, and
    // on a loaded machine its thread team costs milliseconds per call.
    booster.setParam("nthread", 1);
    yes = tribuo.getOutputIDInfo().getID(new Label("yes"));
    compiled = ModelCompiler.compile(model);
    layFloor();
    rows = Workloads.rows(Workloads.POOL, 2);
    row = new float[Workloads.WIDTH];
    out = new double[2];
    for (int r = 0; r < 200; r++) {
      double[] x = rows[r];
      double want = Workloads.probability(tribuo.predict(Workloads.example(x)), "yes");
      compiled.output(x, out);
      Workloads.agree(want, out[1], 1e-6, "compiled");
      Workloads.agree(want, direct(x), 1e-6, "xgboost4j");
      Workloads.agree(want, floorOf(x), 1e-6, "floor");
    }
  }

  /** Reads the booster's JSON model into complete float trees, independently of mlsys. */
  private void layFloor() throws XGBoostError, java.io.IOException {
    JsonNode root = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(booster.toByteArray("json"));
    JsonNode learner = root.get("learner");
    base = Float.parseFloat(learner.get("learner_model_param").get("base_score").asText());
    JsonNode model = learner.get("gradient_booster").get("model");
    JsonNode ts = model.get("trees");
    trees = ts.size();
    depth = 0;
    for (JsonNode t : ts) {
      depth = Math.max(depth, depth(t, 0));
    }
    int splits = (1 << depth) - 1;
    feature = new int[trees * splits];
    threshold = new float[trees * splits];
    leaf = new float[trees << depth];
    group = new int[trees];
    for (int t = 0; t < trees; t++) {
      group[t] = model.get("tree_info").get(t).asInt();
      fill(ts.get(t), 0, 0, 0, t);
    }
  }

  private static int depth(JsonNode t, int n) {
    int left = t.get("left_children").get(n).asInt();
    return left < 0 ? 0 : 1 + Math.max(depth(t, left), depth(t, t.get("right_children").get(n).asInt()));
  }

  private void fill(JsonNode t, int n, int slot, int level, int tree) {
    int splits = (1 << depth) - 1;
    int left = t.get("left_children").get(n).asInt();
    float cond = Float.parseFloat(t.get("split_conditions").get(n).asText());
    if (level == depth) {
      leaf[(tree << depth) + slot - splits] = cond;
      return;
    }
    if (left < 0) {
      fill(t, n, 2 * slot + 1, level + 1, tree);
      fill(t, n, 2 * slot + 2, level + 1, tree);
      return;
    }
    feature[tree * splits + slot] = t.get("split_indices").get(n).asInt();
    threshold[tree * splits + slot] = cond;
    fill(t, left, 2 * slot + 1, level + 1, tree);
    fill(t, t.get("right_children").get(n).asInt(), 2 * slot + 2, level + 1, tree);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    booster.dispose();
  }

  private double direct(double[] x) throws XGBoostError {
    for (int j = 0; j < row.length; j++) {
      row[j] = (float) x[j];
    }
    DMatrix m = new DMatrix(row, 1, row.length, Float.NaN);
    try {
      return booster.predict(m)[0][yes];
    } finally {
      m.dispose();
    }
  }

  private double floorOf(double[] x) {
    int splits = (1 << depth) - 1;
    float m0 = base;
    float m1 = base;
    for (int t = 0; t < trees; t++) {
      int b = t * splits;
      int n = 0;
      for (int d = 0; d < depth; d++) {
        int k = b + n;
        n = 2 * n + ((float) x[feature[k]] < threshold[k] ? 1 : 2);
      }
      float v = leaf[(t << depth) + n - splits];
      if (group[t] == 0) {
        m0 += v;
      } else {
        m1 += v;
      }
    }
    float max = Math.max(m0, m1);
    float e0 = (float) Math.exp(m0 - max);
    float e1 = (float) Math.exp(m1 - max);
    return (yes == 0 ? e0 : e1) / (e0 + e1);
  }

  private double[] next() {
    return rows[i++ & (Workloads.POOL - 1)];
  }

  @Benchmark
  public org.tribuo.Prediction<Label> tribuo() {
    return tribuo.predict(Workloads.example(next()));
  }

  @Benchmark
  public double xgboost4j() throws XGBoostError {
    return direct(next());
  }

  @Benchmark
  public double compiled() {
    compiled.output(next(), out);
    return out[1];
  }

  @Benchmark
  public Prediction compiledPrediction() {
    return compiled.predict(next());
  }

  @Benchmark
  public double floor() {
    return floorOf(next());
  }
}
