package dev.mlsys.benchmarks.models;

import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.StackingModel;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.TribuoModel;
import dev.mlsys.models.ensemble.AdaBoost;
import dev.mlsys.models.ensemble.Ensembles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.impl.ArrayExample;

/**
 * Single-row predict of each mlsys ensemble (from a {@code double[]}) against Tribuo's own predict
 * of the equivalent Tribuo ensemble built from the very same member models (from an example
 * built from the same vector, as a Tribuo user would): bagging of 50 depth-6 trees (soft vote),
 * AdaBoost SAMME of 50 stumps (weighted vote), soft voting of logistic regression, linear SGD and
 * a depth-6 tree, and stacking of a depth-6 tree and logistic regression under a logistic
 * regression (Tribuo: the same three Tribuo predicts chained by hand). Both sides must give the
 * same class on every row (checked in setup).
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * EnsemblePredictBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EnsemblePredictBenchmark {
  @Param({"bagging", "adaboost", "voting", "stacking"})
  public String ensemble;

  @Param({"mlsys", "tribuo"})
  public String impl;

  private TrainedModel model;
  private Model<Label> tribuo;
  private StackingModel stacking;
  private double[][] rows;
  private String[] sortedNames;
  private int[] sortedToInput;
  private int next;

  @Setup
  public void setup() {
    LabeledData train = ModelsFixture.data(2000, 11);
    rows = ModelsFixture.data(256, 12).rows();
    model = switch (ensemble) {
      case "bagging" -> Ensembles.bagging(Trainers.cart().maxDepth(6)).members(50).seed(1).outOfBag(false).fit(train);
      case "adaboost" -> Ensembles.adaBoost(Trainers.cart().maxDepth(1)).algorithm(AdaBoost.Algorithm.SAMME).rounds(50)
          .fit(train);
      case "voting" -> Ensembles.voting(Trainers.logisticRegression(), Trainers.linearSgd(), Trainers.cart().maxDepth(6))
          .soft().fit(train);
      default -> Ensembles.stacking(Trainers.cart().maxDepth(6), Trainers.logisticRegression())
          .meta(Trainers.logisticRegression()).folds(5).fit(train);
    };
    List<String> names = model.featureNames();
    Integer[] order = new Integer[names.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(names::get));
    sortedNames = new String[order.length];
    sortedToInput = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      sortedNames[i] = names.get(order[i]);
      sortedToInput[i] = order[i];
    }
    if (model instanceof EnsembleModel e) {
      List<Model<Label>> members = new ArrayList<>();
      for (TrainedModel m : e.members()) {
        members.add(tribuo(m));
      }
      double[] w = e.weights();
      float[] weights = new float[w.length];
      for (int i = 0; i < w.length; i++) {
        weights[i] = (float) w[i];
      }
      tribuo = WeightedEnsembleModel.createEnsembleFromExistingModels(ensemble, members,
          ensemble.equals("adaboost") ? new VotingCombiner() : new FullyWeightedVotingCombiner(), weights);
    } else {
      stacking = (StackingModel) model;
    }
    for (double[] row : rows) {
      String a = model.predict(row).label();
      String b = ensemble.equals("stacking") ? tribuoStacking(row) : tribuo.predict(example(row)).getOutput().getLabel();
      if (!a.equals(b)) {
        throw new IllegalStateException(ensemble + ": mlsys says " + a + " but Tribuo says " + b);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Model<Label> tribuo(TrainedModel m) {
    return (Model<Label>) ((TribuoModel) m).tribuoModel();
  }

  private ArrayExample<Label> example(double[] row) {
    double[] values = new double[row.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = row[sortedToInput[i]];
    }
    return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, sortedNames, values);
  }

  /** The stacking model's work done with Tribuo calls only: two base predicts, then the meta predict. */
  private String tribuoStacking(double[] row) {
    ArrayExample<Label> ex = example(row);
    List<String> metaNames = stacking.meta().featureNames();
    double[] z = new double[metaNames.size()];
    for (int b = 0; b < stacking.bases().size(); b++) {
      z[b] = tribuo(stacking.bases().get(b)).predict(ex).getOutputScores().get("yes").getScore();
    }
    return tribuo(stacking.meta()).predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL,
        metaNames.toArray(new String[0]), z)).getOutput().getLabel();
  }

  @Benchmark
  public String predict() {
    double[] row = rows[next++ & 255];
    if (impl.equals("mlsys")) {
      return model.predict(row).label();
    }
    return ensemble.equals("stacking") ? tribuoStacking(row) : tribuo.predict(example(row)).getOutput().getLabel();
  }
}
