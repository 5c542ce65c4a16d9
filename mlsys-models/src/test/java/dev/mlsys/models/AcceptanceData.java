package dev.mlsys.models;

import dev.mlsys.api.Field;
import dev.mlsys.api.Row;
import dev.mlsys.data.features.Feature;
import dev.mlsys.data.features.FeaturePipeline;
import dev.mlsys.data.features.Unseen;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeded train / test splits of the acceptance comparison with scikit-learn. The test
 * positions are committed in golden/acceptance_split.json, which the Python script reads.
 */
public final class AcceptanceData {
  /** The split seed and test share of both data sets. */
  public static final long SEED = 20261126L;
  public static final double TEST_SHARE = 0.25;

  private AcceptanceData() {}

  /** Train and test data of one data set, and the pipeline that encoded them (null for spam). */
  public record Split(LabeledData train, LabeledData test, int[] testPositions, FeaturePipeline pipeline) {}

  public static Split spam() {
    LabeledData all = TestData.spam();
    int[][] s = TestData.split(all.size(), TEST_SHARE, SEED);
    return new Split(all.subset(s[0]), all.subset(s[1]), s[1], null);
  }

  /** income: every feature one-hot encoded, fitted on the training rows only. */
  public static Split income() {
    TestData.Income income = TestData.income();
    int[][] s = TestData.split(income.rows().size(), TEST_SHARE, SEED);
    List<Row> train = new ArrayList<>();
    for (int i : s[0]) {
      train.add(income.rows().get(i));
    }
    List<Row> test = new ArrayList<>();
    for (int i : s[1]) {
      test.add(income.rows().get(i));
    }
    FeaturePipeline.Builder b = FeaturePipeline.builder();
    for (Field f : income.schema().fields()) {
      b.add(Feature.categorical(f.name()).oneHot(Unseen.IGNORE));
    }
    FeaturePipeline pipeline = b.fit(train);
    return new Split(LabeledData.fromRows(train, pipeline), LabeledData.fromRows(test, pipeline), s[1], pipeline);
  }
}
