package dev.mlsys.data.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Takes the items at given indices from lists and arrays, checking their sizes. Stateless. */
final class Select {
  private Select() {}

  static void checkSize(int size, int rows, String what) {
    if (size != rows) {
      throw new IllegalArgumentException(what + " has " + size + " items but the split was made for " + rows
          + " rows");
    }
  }

  static <T> List<T> list(List<? extends T> items, int[] indices, int rows) {
    Objects.requireNonNull(items, "items");
    checkSize(items.size(), rows, "the list");
    List<T> out = new ArrayList<>(indices.length);
    for (int i : indices) {
      out.add(items.get(i));
    }
    return out;
  }

  static double[][] rows(double[][] x, int[] indices, int rows) {
    Objects.requireNonNull(x, "features");
    checkSize(x.length, rows, "the feature matrix");
    double[][] out = new double[indices.length][];
    for (int k = 0; k < indices.length; k++) {
      out[k] = x[indices[k]].clone();
    }
    return out;
  }

  static int[] ints(int[] y, int[] indices, int rows) {
    Objects.requireNonNull(y, "labels");
    checkSize(y.length, rows, "the label array");
    int[] out = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      out[k] = y[indices[k]];
    }
    return out;
  }

  static TrainingMatrix matrix(double[][] x, int[] y, int[] indices, int rows, String line) {
    double[][] xs = rows(x, indices, rows);
    int[] ys = ints(y, indices, rows);
    for (int k = 1; k < xs.length; k++) {
      if (xs[k].length != xs[0].length) {
        throw new IllegalArgumentException("features row " + indices[k] + " has " + xs[k].length
            + " values but row " + indices[0] + " has " + xs[0].length);
      }
    }
    return TrainingMatrix.owned(xs, ys, List.of(line));
  }
}
