package dev.mlsys.monitor.stream;

import java.util.Arrays;
import java.util.Objects;

/**
 * A stream with known change points, to evaluate detectors on.
 *
 * <p>Thread-safety: immutable (arrays are copied in and out).
 *
 * @param values the stream, in order
 * @param changePoints indices where a new concept starts, strictly increasing, each in (0, length)
 */
public record LabelledStream(double[] values, int[] changePoints) {

  /**
   * @throws IllegalArgumentException if a change point is out of range or not strictly increasing
   * @throws NullPointerException if an array is null
   */
  public LabelledStream {
    values = Objects.requireNonNull(values, "values").clone();
    changePoints = Objects.requireNonNull(changePoints, "changePoints").clone();
    for (int i = 0; i < changePoints.length; i++) {
      int c = changePoints[i];
      if (c <= 0 || c >= values.length) {
        throw new IllegalArgumentException("change point " + c + " must be in (0, " + values.length + ")");
      }
      if (i > 0 && c <= changePoints[i - 1]) {
        throw new IllegalArgumentException("change points must be strictly increasing but " + c
            + " follows " + changePoints[i - 1]);
      }
    }
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public int[] changePoints() {
    return changePoints.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelledStream s && Arrays.equals(values, s.values) && Arrays.equals(changePoints, s.changePoints);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Arrays.hashCode(changePoints);
  }

  @Override
  public String toString() {
    return "LabelledStream[" + values.length + " values, change points " + Arrays.toString(changePoints) + "]";
  }
}
