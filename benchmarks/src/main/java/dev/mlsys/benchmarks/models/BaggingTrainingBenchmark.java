package dev.mlsys.benchmarks.models;

import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.TribuoModel;
import dev.mlsys.models.ensemble.Ensembles;
import dev.mlsys.models.tribuo.TribuoBagging;
import dev.mlsys.models.tribuo.TribuoData;
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
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.ensemble.BaggingTrainer;

/**
 * Training a bagged ensemble of 24 CART trees (depth 8) on 3000 x 30 rows: Tribuo's sequential
 * {@link BaggingTrainer} against mlsys's {@link TribuoBagging} on 2 threads, which builds the very
 * same members (checked in setup), and mlsys's generic {@code Ensembles.bagging} on 2 threads
 * (same member configuration, its own bootstrap seeds, conversion from mlsys data included).
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * BaggingTrainingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class BaggingTrainingBenchmark {
  static final int MEMBERS = 24;
  static final int DEPTH = 8;
  static final long SEED = 42;

  @Param({"tribuoSequential", "mlsysTribuoBagging2Threads", "mlsysBagging2Threads"})
  public String impl;

  private LabeledData data;
  private MutableDataset<Label> dataset;

  @Setup
  public void setup() {
    data = ModelsFixture.data(3000, 7);
    dataset = TribuoData.classification(data);
    // the parallel trainer must build exactly Tribuo's model
    Model<Label> a = tribuo();
    Model<Label> b = parallel();
    TribuoModel ma = TribuoModel.of(a, data.featureNames(), data.classes(), "a");
    TribuoModel mb = TribuoModel.of(b, data.featureNames(), data.classes(), "b");
    for (int i = 0; i < 200; i++) {
      if (!java.util.Arrays.equals(ma.output(data.features(i)), mb.output(data.features(i)))) {
        throw new IllegalStateException("parallel bagging differs from Tribuo's at row " + i);
      }
    }
  }

  private Model<Label> tribuo() {
    return new BaggingTrainer<>(new CARTClassificationTrainer(DEPTH, 1.0f, SEED), new VotingCombiner(), MEMBERS, SEED)
        .train(dataset);
  }

  private Model<Label> parallel() {
    CARTClassificationTrainer tree = new CARTClassificationTrainer(DEPTH, 1.0f, SEED);
    return TribuoBagging.train(new BaggingTrainer<>(tree, new VotingCombiner(), MEMBERS, SEED), tree, new VotingCombiner(),
        MEMBERS, SEED, dataset, 2, "bagging");
  }

  @Benchmark
  public Object train() {
    Object model = switch (impl) {
      case "tribuoSequential" -> tribuo();
      case "mlsysTribuoBagging2Threads" -> parallel();
      default -> {
        EnsembleModel e = Ensembles.bagging(Trainers.cart().maxDepth(DEPTH)).members(MEMBERS).threads(2).outOfBag(false)
            .seed(SEED).fit(data);
        if (e.members().size() != MEMBERS) {
          throw new IllegalStateException("expected " + MEMBERS + " members");
        }
        yield e;
      }
    };
    return model;
  }
}
