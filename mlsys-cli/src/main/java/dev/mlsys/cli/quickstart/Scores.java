package dev.mlsys.cli.quickstart;

import dev.mlsys.models.LabeledData;
import dev.mlsys.models.TrainedModel;

/** Small conversions between model outputs and metric inputs. */
final class Scores {
  private Scores() {}

  /** @return class probabilities of every row of {@code data}, in the model's class order */
  static double[][] probabilities(TrainedModel model, LabeledData data) {
    double[][] p = new double[data.size()][];
    for (int i = 0; i < p.length; i++) {
      p[i] = model.output(data.features(i));
    }
    return p;
  }

  /** @return the index of the largest probability of each row (ties to the earlier class) */
  static int[] argmax(double[][] probabilities) {
    int[] out = new int[probabilities.length];
    for (int i = 0; i < out.length; i++) {
      double[] p = probabilities[i];
      int best = 0;
      for (int c = 1; c < p.length; c++) {
        if (p[c] > p[best]) {
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }

  /** @return column {@code c} of the probabilities: the scores of one class */
  static double[] column(double[][] probabilities, int c) {
    double[] out = new double[probabilities.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = probabilities[i][c];
    }
    return out;
  }

  /** @return 1 where the label is class {@code c}, else 0 */
  static int[] oneVsRest(int[] labels, int c) {
    int[] out = new int[labels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = labels[i] == c ? 1 : 0;
    }
    return out;
  }

  /** @return the values at the given rows */
  static int[] pick(int[] values, int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }

  /** @return the rows at the given indices */
  static double[][] pick(double[][] values, int[] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }
}
