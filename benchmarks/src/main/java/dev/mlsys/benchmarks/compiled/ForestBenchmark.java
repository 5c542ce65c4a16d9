package dev.mlsys.benchmarks.compiled;

import dev.mlsys.api.Prediction;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.TribuoModel;
import dev.mlsys.models.compiled.CompiledModel;
import dev.mlsys.models.compiled.ModelCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * Single-row prediction of Tribuo trees (30 features), in the same run, for {@code trees = 1}
 * (one CART tree of depth 6) and {@code trees = 50} (a random forest of 50 trees of depth 6,
 * soft voting through Tribuo's {@code FullyWeightedVotingCombiner}):
 * <ul>
 *   <li>{@code tribuo}: Tribuo's {@code Model.predict} on an example built from the row;
 *   <li>{@code compiled}: {@link CompiledModel#output(double[], double[])} into a reused buffer
 *       (Tribuo's combiner arithmetic, missing-value handling and mlsys's normalisation included);
 *   <li>{@code compiledPrediction}: {@link CompiledModel#predict(double[])}, the api
 *       {@code Prediction};
 *   <li>{@code floor}: a hand-written loop over the same trees laid out flat and complete, summing
 *       one leaf value per tree.
 * </ul>
 * Targets: the forest's {@code compiled} at least 5x faster than {@code tribuo}; {@code compiled}
 * within 2x of {@code floor}.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * compiled.ForestBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ForestBenchmark {
  @Param({"1", "50"})
  int trees;

  Model<Label> tribuo;
  CompiledModel compiled;
  Workloads.FlatForest floor;
  double[][] rows;
  double[] out;
  int i;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() {
    TrainedModel model = trees == 1 ? Trainers.cart().maxDepth(6).fit(Workloads.train(4000, 1))
        : Trainers.randomForest().trees(trees).maxDepth(6).seed(3).fit(Workloads.train(4000, 1));
    tribuo = (Model<Label>) ((TribuoModel) model).tribuoModel();
    List<Node<Label>> roots = new ArrayList<>();
    if (tribuo instanceof WeightedEnsembleModel<Label> e) {
      for (Model<Label> m : e.getModels()) {
        roots.add(((TreeModel<Label>) m).getRoot());
      }
    } else {
      roots.add(((TreeModel<Label>) tribuo).getRoot());
    }
    floor = new Workloads.FlatForest(roots, tribuo.getFeatureIDMap(), "yes");
    compiled = ModelCompiler.compile(model);
    rows = Workloads.rows(Workloads.POOL, 2);
    out = new double[2];
    for (double[] x : rows) {
      double want = Workloads.probability(tribuo.predict(Workloads.example(x)), "yes");
      compiled.output(x, out);
      Workloads.agree(want, out[1], 1e-9, "compiled");
      Workloads.agree(want, compiled.predict(x).probability("yes"), 1e-9, "compiledPrediction");
      Workloads.agree(want, floor.sum(x) / trees, 1e-9, "floor");
    }
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
  public Prediction compiledPrediction() {
    return compiled.predict(next());
  }

  @Benchmark
  public double floor() {
    return floor.sum(next()) / trees;
  }
}
