package dev.mlsys.eval.calibration;

import dev.mlsys.api.json.JsonObject;
import java.util.Arrays;
import java.util.Map;

/**
 * Isotonic calibration: the non-decreasing step-free map that best fits the labels in squared
 * error, interpolated linearly between fitted points and clipped outside the fitted range;
 * equal to scikit-learn's {@code IsotonicRegression(out_of_bounds="clip")} as used by
 * {@code CalibratedClassifierCV(method="isotonic")}.
 *
 * <p>Fitting follows scikit-learn 1.2 step by step: rows sorted by (score, label); scores closer
 * than 1e-15 merged into one point carrying their mean label and their count as weight (scikit-
 * learn's {@code _make_unique}); the pool-adjacent-violators algorithm (Best and Chakravarti
 * 1990, section 3); interior points equal to both neighbours dropped. Prediction is numpy's
 * {@code interp}: a binary search then slope (x - x_j) + y_j.
 *
 * <p>Immutable and thread-safe; {@link #calibrate(double)} is a binary search with no allocation.
 */
public final class IsotonicCalibration implements FittedCalibrator {
  /** numpy's float64 resolution, below which scikit-learn treats two scores as one. */
  private static final double MERGE_RESOLUTION = 1e-15;

  private final double[] x;
  private final double[] y;
  private final double[] slopes;
  /** start[k]: the last threshold at or below the left edge of bucket k of an even grid on [x0, xLast]. */
  private final int[] start;
  private final double bucketsPerUnit;

  private IsotonicCalibration(double[] x, double[] y) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("isotonic thresholds need x and y of one non-zero length but had "
          + x.length + " and " + y.length);
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !(y[i] >= 0 && y[i] <= 1)) {
        throw new IllegalArgumentException("isotonic point " + i + " must have a finite x and y in [0, 1] but was ("
            + x[i] + ", " + y[i] + ")");
      }
      if (i > 0 && !(x[i] > x[i - 1])) {
        throw new IllegalArgumentException("isotonic x must increase strictly but x[" + i + "] = " + x[i]
            + " follows " + x[i - 1]);
      }
      if (i > 0 && y[i] < y[i - 1]) {
        throw new IllegalArgumentException("isotonic y must not decrease but y[" + i + "] = " + y[i]
            + " follows " + y[i - 1]);
      }
    }
    this.x = x;
    this.y = y;
    this.slopes = new double[Math.max(0, x.length - 1)];
    for (int j = 0; j < slopes.length; j++) {
      slopes[j] = (y[j + 1] - y[j]) / (x[j + 1] - x[j]);
    }
    // An even grid over the thresholds narrows each lookup to a few candidates; the binary search
    // within them gives exactly the index a full binary search would.
    int buckets = Math.max(1, Math.min(1 << 16, 4 * x.length));
    double range = x[x.length - 1] - x[0];
    this.bucketsPerUnit = range > 0 && Double.isFinite(buckets / range) ? buckets / range : 0;
    this.start = new int[buckets + 1];
    int j = 0;
    for (int k = 0; k <= buckets; k++) {
      double edge = x[0] + k / bucketsPerUnit;
      while (j + 1 < x.length && x[j + 1] <= edge) {
        j++;
      }
      start[k] = bucketsPerUnit == 0 ? 0 : j;
    }
  }

  @Override
  public double calibrate(double score) {
    double v = Checks.score(score);
    int last = x.length - 1;
    if (v <= x[0]) {
      return y[0];
    }
    if (v >= x[last]) {
      return y[last];
    }
    int k = (int) ((v - x[0]) * bucketsPerUnit);
    k = Math.min(Math.max(k, 0), start.length - 2);
    int lo = start[k];
    int hi = Math.min(start[k + 1] + 1, last);
    // rounding in the bucket index can be off by one: widen until x[lo] <= v < x[hi]
    while (lo > 0 && x[lo] > v) {
      lo--;
    }
    while (hi < last && x[hi] <= v) {
      hi++;
    }
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (x[mid] <= v) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    if (x[lo] == v) {
      return y[lo];
    }
    return slopes[lo] * (v - x[lo]) + y[lo];
  }

  /** @return the scores of the fitted points, strictly increasing (a copy) */
  public double[] thresholds() {
    return x.clone();
  }

  /** @return the fitted probabilities at {@link #thresholds()}, non-decreasing (a copy) */
  public double[] values() {
    return y.clone();
  }

  @Override
  public String method() {
    return "isotonic";
  }

  @Override
  public String toJson() {
    Map<String, Object> m = CalibratorJson.header(method());
    m.put("x", x);
    m.put("y", y);
    return CalibratorJson.write(m);
  }

  static IsotonicCalibration read(JsonObject o) {
    return CalibratorJson.build(() -> new IsotonicCalibration(o.getDoubles("x"), o.getDoubles("y")), o);
  }

  static IsotonicCalibration fit(double[] scores, int[] labels) {
    Checks.fitInput(scores, labels);
    int n = scores.length;
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    // numpy's lexsort((y, X)): by score, then by label; a stable sort keeps the rest in input order
    Arrays.sort(order, (p, q) -> {
      int c = Double.compare(scores[p] + 0.0, scores[q] + 0.0);
      return c != 0 ? c : Integer.compare(labels[p], labels[q]);
    });
    double[] ux = new double[n];
    double[] uy = new double[n];
    double[] uw = new double[n];
    int u = 0;
    double currentX = scores[order[0]];
    double currentY = 0;
    double currentW = 0;
    for (int k = 0; k < n; k++) {
      double xv = scores[order[k]];
      double yv = labels[order[k]];
      if (xv - currentX >= MERGE_RESOLUTION) {
        ux[u] = currentX;
        uw[u] = currentW;
        uy[u] = currentY / currentW;
        u++;
        currentX = xv;
        currentW = 1;
        currentY = yv;
      } else {
        currentW += 1;
        currentY += yv;
      }
    }
    ux[u] = currentX;
    uw[u] = currentW;
    uy[u] = currentY / currentW;
    u++;
    double[] fx = Arrays.copyOf(ux, u);
    double[] fy = Arrays.copyOf(uy, u);
    poolAdjacentViolators(fy, Arrays.copyOf(uw, u));
    return trimmed(fx, fy);
  }

  /**
   * In-place weighted pool-adjacent-violators, the single-pass form with back-tracking that
   * scikit-learn uses ({@code _inplace_contiguous_isotonic_regression}), so that the pooled
   * means are summed in the same order.
   */
  static void poolAdjacentViolators(double[] y, double[] w) {
    int n = y.length;
    int[] target = new int[n];
    Arrays.setAll(target, i -> i);
    int i = 0;
    while (i < n) {
      int k = target[i] + 1;
      if (k == n) {
        break;
      }
      if (y[i] < y[k]) {
        i = k;
        continue;
      }
      double sumWy = w[i] * y[i];
      double sumW = w[i];
      while (true) {
        double prevY = y[k];
        sumWy += w[k] * y[k];
        sumW += w[k];
        k = target[k] + 1;
        if (k == n || prevY < y[k]) {
          y[i] = sumWy / sumW;
          w[i] = sumW;
          target[i] = k - 1;
          target[k - 1] = i;
          if (i > 0) {
            i = target[i - 1];
          }
          break;
        }
      }
    }
    i = 0;
    while (i < n) {
      int k = target[i] + 1;
      Arrays.fill(y, i + 1, k, y[i]);
      i = k;
    }
  }

  private static IsotonicCalibration trimmed(double[] x, double[] y) {
    int n = x.length;
    double[] kx = new double[n];
    double[] ky = new double[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      boolean interiorFlat = i > 0 && i < n - 1 && y[i] == y[i - 1] && y[i] == y[i + 1];
      if (!interiorFlat) {
        kx[k] = x[i];
        ky[k] = y[i];
        k++;
      }
    }
    return new IsotonicCalibration(Arrays.copyOf(kx, k), Arrays.copyOf(ky, k));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IsotonicCalibration c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
  }

  @Override
  public String toString() {
    return "IsotonicCalibration[" + x.length + " points on [" + x[0] + ", " + x[x.length - 1] + "]]";
  }
}
