package dev.mlsys.eval.calibration;

import dev.mlsys.api.json.JsonObject;
import java.util.Arrays;
import java.util.Map;

/**
 * Histogram binning (Zadrozny and Elkan 2001, "Obtaining calibrated probability estimates from
 * decision trees and naive Bayesian classifiers", ICML): scores are cut into bins and each bin
 * maps to the share of positives among the calibration rows that fell in it. Bin i covers
 * [e_i, e_i+1), the last bin is closed, and scores outside the edges go to the first or last
 * bin. A bin that received no calibration rows takes the value of the nearest non-empty bin
 * below it (above it if there is none below).
 *
 * <p>Immutable and thread-safe; {@link #calibrate(double)} is a binary search.
 */
public final class HistogramBinning implements FittedCalibrator {
  private final double[] edges;
  private final double[] values;
  private final Binning binning;

  private HistogramBinning(double[] edges, double[] values, Binning binning) {
    if (values.length < 1 || edges.length != values.length + 1) {
      throw new IllegalArgumentException("histogram binning needs B >= 1 values and B + 1 edges but had "
          + values.length + " values and " + edges.length + " edges");
    }
    for (int i = 0; i < edges.length; i++) {
      if (!Double.isFinite(edges[i]) || (i > 0 && edges[i] < edges[i - 1])) {
        throw new IllegalArgumentException("histogram edges must be finite and non-decreasing but edge " + i
            + " was " + edges[i]);
      }
    }
    Checks.probabilities("values", values);
    this.edges = edges;
    this.values = values;
    this.binning = java.util.Objects.requireNonNull(binning, "binning");
  }

  @Override
  public double calibrate(double score) {
    return values[Binning.bin(edges, Checks.score(score))];
  }

  /** @return the B + 1 bin edges (a copy) */
  public double[] edges() {
    return edges.clone();
  }

  /** @return the calibrated probability of each bin (a copy) */
  public double[] values() {
    return values.clone();
  }

  /** @return how the edges were chosen */
  public Binning binning() {
    return binning;
  }

  @Override
  public String method() {
    return "histogram";
  }

  @Override
  public String toJson() {
    Map<String, Object> m = CalibratorJson.header(method());
    m.put("binning", binning.name());
    m.put("edges", edges);
    m.put("values", values);
    return CalibratorJson.write(m);
  }

  static HistogramBinning read(JsonObject o) {
    return CalibratorJson.build(() -> new HistogramBinning(o.getDoubles("edges"), o.getDoubles("values"),
        Binning.valueOf(o.getString("binning"))), o);
  }

  static HistogramBinning fit(double[] scores, int[] labels, int bins, Binning binning) {
    Checks.fitInput(scores, labels);
    if (binning == Binning.EQUAL_WIDTH) {
      Checks.probabilities("scores", scores);
    }
    double[] edges = binning.edges(bins, scores);
    long[] counts = new long[bins];
    long[] positives = new long[bins];
    for (int i = 0; i < scores.length; i++) {
      int b = Binning.bin(edges, scores[i]);
      counts[b]++;
      positives[b] += labels[i];
    }
    double[] values = new double[bins];
    Arrays.fill(values, Double.NaN);
    for (int b = 0; b < bins; b++) {
      if (counts[b] > 0) {
        values[b] = (double) positives[b] / counts[b];
      }
    }
    double carried = Double.NaN;
    for (int b = 0; b < bins; b++) {
      if (Double.isNaN(values[b])) {
        values[b] = carried;
      } else {
        carried = values[b];
      }
    }
    carried = Double.NaN;
    for (int b = bins - 1; b >= 0; b--) {
      if (Double.isNaN(values[b])) {
        values[b] = carried;
      } else {
        carried = values[b];
      }
    }
    return new HistogramBinning(edges, values, binning);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistogramBinning h && binning == h.binning && Arrays.equals(edges, h.edges)
        && Arrays.equals(values, h.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(edges) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "HistogramBinning[" + binning + ", " + values.length + " bins]";
  }
}
