package dev.mlsys.benchmarks.models;

import dev.mlsys.models.LabeledData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded data shaped like a tabular classification problem: 30 numeric features on mixed scales,
 * a label that depends non-linearly on six of them, and 10 % label noise.
 */
final class ModelsFixture {
  static final int FEATURES = 30;

  private ModelsFixture() {}

  static LabeledData data(int rows, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> names = new ArrayList<>();
    for (int j = 0; j < FEATURES; j++) {
      names.add("f" + j);
    }
    double[][] x = new double[rows][FEATURES];
    String[] y = new String[rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < FEATURES; j++) {
        double g = r.nextGaussian();
        x[i][j] = j % 3 == 0 ? Math.exp(g) : j % 3 == 1 ? 10 * g : g;
      }
      double score = 0.8 * x[i][0] - 0.1 * x[i][1] + (x[i][2] > 0.5 ? 1.2 : -0.4) + 0.05 * x[i][4] * x[i][5]
          + Math.sin(x[i][7]);
      boolean positive = score > 0.9;
      if (r.nextDouble() < 0.1) {
        positive = !positive;
      }
      y[i] = positive ? "yes" : "no";
    }
    return LabeledData.classification(names, x, y);
  }
}
