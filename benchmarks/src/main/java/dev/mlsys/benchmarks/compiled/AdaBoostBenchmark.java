package dev.mlsys.benchmarks.compiled;

import dev.mlsys.api.Prediction;
import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.TribuoModel;
import dev.mlsys.models.compiled.CompiledModel;
import dev.mlsys.models.compiled.ModelCompiler;
import dev.mlsys.models.ensemble.Ensembles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;

/**
 * Single-row prediction of mlsys's own AdaBoost (SAMME.R, 50 rounds of depth-3 CART trees,
 * 30 features), in the same run:
 * <ul>
 *   <li>{@code tribuo}: {@code EnsembleModel.predict}, which asks each member's Tribuo tree
 *       ({@code Model.predict} on an example) and combines the members' SAMME.R terms;
 *   <li>{@code compiled}: {@link CompiledModel#output(double[], double[])}, the terms folded into
 *       the leaves at compile time;
 *   <li>{@code compiledPrediction}: {@link CompiledModel#predict(double[])};
 *   <li>{@code floor}: a hand-written loop over the same trees laid out flat and complete, one
 *       precomputed log-odds term per leaf, then the logistic.
 * </ul>
 * Target: {@code compiled} within 2x of {@code floor}.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * compiled.AdaBoostBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class AdaBoostBenchmark {
  EnsembleModel model;
  CompiledModel compiled;
  Workloads.FlatForest floor;
  double[][] rows;
  double[] out;
  int i;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() {
    model = Ensembles.adaBoost(Trainers.cart().maxDepth(3)).rounds(50).seed(3).fit(Workloads.train(4000, 1));
    compiled = ModelCompiler.compile(model);
    // The floor's leaves: each member's SAMME.R log-odds term, share * (log p_yes - log p_no) / 2.
    double[] w = model.weights();
    double total = 0;
    for (double v : w) {
      total += v;
    }
    List<Node<Label>> roots = new ArrayList<>();
    List<TrainedModel> members = model.members();
    for (int m = 0; m < members.size(); m++) {
      TreeModel<Label> tree = (TreeModel<Label>) ((TribuoModel) members.get(m)).tribuoModel();
      roots.add(logOdds(tree.getRoot(), w[m] / total));
    }
    floor = new Workloads.FlatForest(roots, ((TribuoModel) members.get(0)).tribuoModel().getFeatureIDMap(), "yes");
    rows = Workloads.rows(Workloads.POOL, 2);
    out = new double[2];
    for (double[] x : rows) {
      double want = model.output(x)[1];
      compiled.output(x, out);
      Workloads.agree(want, out[1], 1e-9, "compiled");
      Workloads.agree(want, floorOf(x), 1e-9, "floor");
    }
  }

  /** A copy of the tree whose leaves hold the member's log-odds term as the score of "yes". */
  private static Node<Label> logOdds(Node<Label> node, double share) {
    if (node instanceof SplitNode<Label> s) {
      return new SplitNode<>(s.splitValue(), s.getFeatureID(), s.getImpurity(), logOdds(s.getGreaterThan(), share),
          logOdds(s.getLessThanOrEqual(), share));
    }
    LeafNode<Label> leaf = (LeafNode<Label>) node;
    Map<String, Label> p = leaf.getDistribution();
    double eps = Math.ulp(1.0);
    double term = share * (Math.log(Math.max(p.get("yes").getScore(), eps))
        - Math.log(Math.max(p.get("no").getScore(), eps))) / 2;
    return new LeafNode<>(0, leaf.getOutput(), Map.of("yes", new Label("yes", term)), true);
  }

  private double floorOf(double[] x) {
    return 1 / (1 + Math.exp(-2 * floor.sum(x)));
  }

  private double[] next() {
    return rows[i++ & (Workloads.POOL - 1)];
  }

  @Benchmark
  public Prediction tribuo() {
    return model.predict(next());
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
