package dev.mlsys.data.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A feature matrix with integer class labels that is known to be training data: the training side
 * of a {@link Split} or {@link Fold}, or a matrix declared training data with
 * {@link #of(double[][], int[], String)}. The matrix counterpart of {@link TrainingSet}: resamplers
 * accept it, and a split hands other parts out as plain arrays.
 *
 * <p>Immutable: the arrays are copied in and out. Thread-safe.
 */
public final class TrainingMatrix {
  private final double[][] features;
  private final int[] labels;
  private final List<String> provenance;

  private TrainingMatrix(double[][] features, int[] labels, List<String> provenance) {
    this.features = features;
    this.labels = labels;
    this.provenance = List.copyOf(provenance);
  }

  /** Takes ownership of arrays already copied by the caller. */
  static TrainingMatrix owned(double[][] features, int[] labels, List<String> provenance) {
    return new TrainingMatrix(features, labels, provenance);
  }

  /**
   * Declares a matrix to be training data, for data that comes already separated.
   *
   * @param features one row per item, all of the same length
   * @param labels one class per item
   * @param origin where the data comes from, recorded as the first provenance line
   * @return the training matrix, holding copies of the arrays
   * @throws IllegalArgumentException if the rows are ragged or the lengths differ
   */
  public static TrainingMatrix of(double[][] features, int[] labels, String origin) {
    Objects.requireNonNull(origin, "origin");
    double[][] x = copy(features, labels);
    return new TrainingMatrix(x, labels.clone(), List.of("declared training data: " + origin + " ("
        + labels.length + " rows)"));
  }

  /**
   * Makes a training matrix derived from this one, such as a resampled copy.
   *
   * @param features the derived rows
   * @param labels the derived labels
   * @param step what was done, appended to the provenance
   * @return the derived matrix, holding copies of the arrays
   * @throws IllegalArgumentException if the rows are ragged or the lengths differ
   */
  public TrainingMatrix derive(double[][] features, int[] labels, String step) {
    Objects.requireNonNull(step, "step");
    double[][] x = copy(features, labels);
    List<String> p = new ArrayList<>(provenance);
    p.add(step);
    return new TrainingMatrix(x, labels.clone(), p);
  }

  private static double[][] copy(double[][] features, int[] labels) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(labels, "labels");
    if (features.length != labels.length) {
      throw new IllegalArgumentException("features have " + features.length + " rows but labels have "
          + labels.length);
    }
    double[][] x = new double[features.length][];
    for (int i = 0; i < x.length; i++) {
      Objects.requireNonNull(features[i], "features row " + i);
      if (features[i].length != features[0].length) {
        throw new IllegalArgumentException("features row " + i + " has " + features[i].length
            + " values but row 0 has " + features[0].length);
      }
      x[i] = features[i].clone();
    }
    return x;
  }

  /** @return the number of rows */
  public int size() {
    return labels.length;
  }

  /** @return the number of features per row (0 if there are no rows) */
  public int width() {
    return features.length == 0 ? 0 : features[0].length;
  }

  /** @return a copy of row {@code i} */
  public double[] row(int i) {
    return features[Objects.checkIndex(i, features.length)].clone();
  }

  /** @return feature {@code j} of row {@code i} */
  public double get(int i, int j) {
    return features[i][j];
  }

  /** @return the label of row {@code i} */
  public int label(int i) {
    return labels[i];
  }

  /** @return a copy of the feature rows */
  public double[][] features() {
    double[][] out = new double[features.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = features[i].clone();
    }
    return out;
  }

  /** @return a copy of the labels */
  public int[] labels() {
    return labels.clone();
  }

  /** @return one line per step that made this matrix, oldest first */
  public List<String> provenance() {
    return provenance;
  }

  @Override
  public String toString() {
    return "TrainingMatrix[" + size() + " x " + width() + "; " + String.join(" -> ", provenance) + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingMatrix m && Arrays.equals(labels, m.labels) && Arrays.deepEquals(features, m.features);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labels) + Arrays.deepHashCode(features);
  }
}
