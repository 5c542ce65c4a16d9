package dev.mlsys.benchmarks.serving;

import dev.mlsys.api.Calibrator;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The shared input of the serving benchmarks: a 30-feature binary problem, a Tribuo random
 * forest of 50 trees trained on it, and the forest wrapped as an mlsys {@link Predictor}.
 */
final class ServingFixture {
  static final int FEATURES = 30;
  static final int TREES = 50;
  static final String[] NAMES = new String[FEATURES];
  static final Schema SCHEMA;
  /** A Platt-style sigmoid, as a fitted calibrator would be. */
  static final Calibrator CALIBRATOR = s -> 1 / (1 + Math.exp(-(3.2 * s - 1.6)));

  static {
    Schema.Builder b = Schema.builder();
    for (int i = 0; i < FEATURES; i++) {
      NAMES[i] = String.format(java.util.Locale.ROOT, "f%02d", i);   // Tribuo sorts names: keep index order
      b.numeric(NAMES[i]);
    }
    SCHEMA = b.label("y", "neg", "pos").build();
  }

  private ServingFixture() {}

  /** Features ~ N(0, 1); P(pos) = sigmoid of a sparse linear score with one interaction. */
  static double[][] features(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][FEATURES];
    for (double[] row : x) {
      for (int j = 0; j < FEATURES; j++) {
        row[j] = Math.round(random.nextGaussian() * 1000) / 1000.0;
      }
    }
    return x;
  }

  static Model<Label> trainForest(long seed) {
    double[][] x = features(2_000, seed);
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic 30-feature",
        OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), factory), factory);
    for (double[] row : x) {
      double score = 1.5 * row[0] - row[1] + 0.8 * row[2] * row[3] + 0.5 * row[4] - 0.7 * row[5];
      boolean pos = random.nextDouble() < 1 / (1 + Math.exp(-score));
      data.add(new ArrayExample<>(new Label(pos ? "pos" : "neg"), NAMES, row));
    }
    // sqrt(30) / 30 of the features per split, depth-limited trees, as a typical forest
    CARTClassificationTrainer tree = new CARTClassificationTrainer(12, 0.2f, seed);
    return new RandomForestTrainer<>(tree, new VotingCombiner(), TREES, seed).train(data);
  }

  static Example<Label> example(double[] row) {
    return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, NAMES, row);
  }

  static Row row(double[] values) {
    return SCHEMA.rowOf((Object[]) box(values));
  }

  static Map<String, Object> record(double[] values) {
    Map<String, Object> m = new HashMap<>(FEATURES * 2);
    for (int j = 0; j < FEATURES; j++) {
      m.put(NAMES[j], values[j]);
    }
    return m;
  }

  private static Double[] box(double[] values) {
    Double[] out = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  /** The forest as an mlsys predictor: the row's values into a Tribuo example, the votes as probabilities. */
  static Predictor predictor(Model<Label> forest) {
    return row -> {
      double[] values = new double[FEATURES];
      for (int j = 0; j < FEATURES; j++) {
        values[j] = row.getDouble(j);
      }
      org.tribuo.Prediction<Label> p = forest.predict(example(values));
      Map<String, Label> scores = p.getOutputScores();
      Map<String, Double> probabilities = new LinkedHashMap<>(4);
      probabilities.put("neg", scores.containsKey("neg") ? scores.get("neg").getScore() : 0.0);
      probabilities.put("pos", scores.containsKey("pos") ? scores.get("pos").getScore() : 0.0);
      return Prediction.of(p.getOutput().getLabel(), probabilities);
    };
  }
}
