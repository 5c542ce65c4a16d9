package dev.mlsys.benchmarks.serving;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.serving.CacheStats;
import dev.mlsys.serving.PredictionService;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Latency of the serving request path on a 30-feature row against a Tribuo random forest of 50
 * trees, in the same run:
 * <ul>
 *   <li>{@code tribuoForest}: the peer, Tribuo's {@code Model.predict} on a prebuilt example;
 *   <li>{@code hitRow}: a cache hit for a validated {@link Row} (key building and lookup included);
 *   <li>{@code hitRecord}: a cache hit for a {@code Map} record (validation included);
 *   <li>{@code missRecord}: a miss for a record: validation, the forest, calibration, cache insert
 *       (1,024 distinct rows cycled through a 64-entry cache);
 *   <li>{@code directPredictor}: the same forest predictor called directly on the same rows, the
 *       baseline of the miss path;
 *   <li>{@code missRecordConstantModel} and {@code directConstantModel}: the same pair with a model
 *       that returns a constant answer, so that their difference is the serving overhead alone
 *       (validation, key, calibration, cache insert and eviction), free of the forest's noise.
 * </ul>
 * Targets: {@code hitRow} at most 150 ns and at least 10x faster than {@code tribuoForest};
 * {@code missRecord} at most 10% above {@code directPredictor}, that is the overhead
 * ({@code missRecordConstantModel - directConstantModel}) at most 10% of {@code directPredictor}.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar
 * serving.ServingLatencyBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ServingLatencyBenchmark {
  static final int HOT = 1024;
  static final int COLD = 1024;
  static final int COLD_CACHE = 64;
  static final Prediction CONSTANT = Prediction.of("neg", Map.of("neg", 0.6, "pos", 0.4));

  Model<Label> forest;
  Predictor direct;
  PredictionService cached;
  PredictionService missing;
  Predictor constant;
  PredictionService missingConstant;
  Example<Label>[] hotExamples;
  Row[] hotRows;
  Map<String, Object>[] hotRecords;
  Row[] coldRows;
  Map<String, Object>[] coldRecords;
  int hot;
  int cold;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() {
    forest = ServingFixture.trainForest(42);
    direct = ServingFixture.predictor(forest);
    double[][] hotX = ServingFixture.features(HOT, 7);
    double[][] coldX = ServingFixture.features(COLD, 8);
    hotExamples = new Example[HOT];
    hotRows = new Row[HOT];
    hotRecords = new Map[HOT];
    for (int i = 0; i < HOT; i++) {
      hotExamples[i] = ServingFixture.example(hotX[i]);
      hotRows[i] = ServingFixture.row(hotX[i]);
      hotRecords[i] = ServingFixture.record(hotX[i]);
    }
    coldRows = new Row[COLD];
    coldRecords = new Map[COLD];
    for (int i = 0; i < COLD; i++) {
      coldRows[i] = ServingFixture.row(coldX[i]);
      coldRecords[i] = ServingFixture.record(coldX[i]);
    }
    cached = PredictionService.builder(ServingFixture.SCHEMA).model("v1", direct)
        .calibrator(ServingFixture.CALIBRATOR).cacheSize(100_000).build();
    missing = PredictionService.builder(ServingFixture.SCHEMA).model("v1", direct)
        .calibrator(ServingFixture.CALIBRATOR).cacheSize(COLD_CACHE).build();
    constant = row -> CONSTANT;
    missingConstant = PredictionService.builder(ServingFixture.SCHEMA).model("v1", constant)
        .calibrator(ServingFixture.CALIBRATOR).cacheSize(COLD_CACHE).build();
    for (Row r : hotRows) {
      cached.predict(r);
    }
    // check the answers: calibrated forest votes, then cache hits that equal them
    for (int i = 0; i < HOT; i += 97) {
      Prediction raw = direct.predict(hotRows[i]);
      Prediction hit = cached.predict(hotRecords[i]);
      double want = ServingFixture.CALIBRATOR.calibrate(raw.probability("pos"));
      if (hit.origin() != Prediction.Origin.CACHE || hit.probability("pos") != want || !hit.calibrated()) {
        throw new IllegalStateException("wrong cached answer " + hit + " for raw " + raw);
      }
      String tribuo = forest.predict(hotExamples[i]).getOutput().getLabel();
      if (!tribuo.equals(raw.label())) {
        throw new IllegalStateException("adapter label " + raw.label() + " differs from Tribuo's " + tribuo);
      }
    }
  }

  @TearDown(Level.Trial)
  public void check() {
    CacheStats miss = missing.stats().cache();
    if (miss.hits() > 0.05 * (miss.hits() + miss.misses())) {
      throw new IllegalStateException("the miss benchmark hit the cache too often: " + miss);
    }
    CacheStats missConstant = missingConstant.stats().cache();
    if (missConstant.hits() > 0.05 * (missConstant.hits() + missConstant.misses())) {
      throw new IllegalStateException("the constant-model miss benchmark hit the cache too often: " + missConstant);
    }
    missingConstant.close();
    CacheStats hit = cached.stats().cache();
    if (hit.misses() != HOT) {
      throw new IllegalStateException("the hit benchmarks missed the cache: " + hit);
    }
    cached.close();
    missing.close();
  }

  private int nextHot() {
    hot = (hot + 1) & (HOT - 1);
    return hot;
  }

  private int nextCold() {
    cold = (cold + 1) & (COLD - 1);
    return cold;
  }

  @Benchmark
  public org.tribuo.Prediction<Label> tribuoForest() {
    return forest.predict(hotExamples[nextHot()]);
  }

  @Benchmark
  public Prediction hitRow() {
    return cached.predict(hotRows[nextHot()]);
  }

  @Benchmark
  public Prediction hitRecord() {
    return cached.predict(hotRecords[nextHot()]);
  }

  @Benchmark
  public Prediction missRecord() {
    return missing.predict(coldRecords[nextCold()]);
  }

  @Benchmark
  public Prediction directPredictor() {
    return direct.predict(coldRows[nextCold()]);
  }

  @Benchmark
  public Prediction missRecordConstantModel() {
    return missingConstant.predict(coldRecords[nextCold()]);
  }

  @Benchmark
  public Prediction directConstantModel() {
    return constant.predict(coldRows[nextCold()]);
  }
}
