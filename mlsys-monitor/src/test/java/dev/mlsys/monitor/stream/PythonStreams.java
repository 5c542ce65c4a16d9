package dev.mlsys.monitor.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * The stream helpers River's docstrings use, on top of the Mersenne Twister port: CPython's
 * {@code random.choices} with and without weights.
 */
final class PythonStreams {
  private PythonStreams() {}

  /** {@code rng.choices(population, k=k)}: population[floor(random() * n)]. */
  static double[] choices(PythonRandom rng, double[] population, int k) {
    double[] out = new double[k];
    double n = population.length;
    for (int i = 0; i < k; i++) {
      out[i] = population[(int) Math.floor(rng.random() * n)];
    }
    return out;
  }

  /** {@code rng.choices(population, k=k, weights=weights)}: bisect_right on cumulative weights. */
  static double[] choices(PythonRandom rng, double[] population, int k, double[] weights) {
    double[] cum = new double[weights.length];
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      cum[i] = acc;
    }
    double total = cum[cum.length - 1] + 0.0;
    int hi = population.length - 1;
    double[] out = new double[k];
    for (int i = 0; i < k; i++) {
      double x = rng.random() * total;
      int lo = 0;
      int h = hi;
      while (lo < h) {
        int mid = (lo + h) >>> 1;
        if (x < cum[mid]) {
          h = mid;
        } else {
          lo = mid + 1;
        }
      }
      out[i] = population[lo];
    }
    return out;
  }

  static double[] range(int from, int to) {
    double[] out = new double[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = i;
    }
    return out;
  }

  static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] out = new double[n];
    int pos = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    return out;
  }

  /** The lines River's docstring examples print: the first warning after each drift, and every drift. */
  static List<String> riverPrintout(DriftDetector detector, double[] stream, boolean withValue) {
    List<String> out = new ArrayList<>();
    boolean printWarning = true;
    for (int i = 0; i < stream.length; i++) {
      DriftState s = detector.update(stream[i]);
      if (s == DriftState.WARNING && printWarning) {
        out.add("Warning detected at index " + i);
        printWarning = false;
      }
      if (s == DriftState.DRIFT) {
        out.add("Change detected at index " + i + (withValue ? ", input value: " + (long) stream[i] : ""));
        printWarning = true;
      }
    }
    return out;
  }

  /** River's unit-test helper: indices of every drift. */
  static List<Integer> driftIndices(DriftDetector detector, double[] stream) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < stream.length; i++) {
      if (detector.update(stream[i]) == DriftState.DRIFT) {
        out.add(i);
      }
    }
    return out;
  }
}
