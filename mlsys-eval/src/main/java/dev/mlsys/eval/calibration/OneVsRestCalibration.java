package dev.mlsys.eval.calibration;

import dev.mlsys.api.json.Json;
import dev.mlsys.api.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multi-class calibration one class at a time, as scikit-learn's {@code CalibratedClassifierCV}:
 * one binary calibrator per class maps that class's score to a probability, then the row is
 * normalised to sum to one (uniform if every calibrator said 0). With two classes a single
 * calibrator is fitted, on the second class, and the first gets one minus it.
 *
 * <p>Immutable and thread-safe.
 */
public final class OneVsRestCalibration implements MulticlassCalibrator {
  private final List<FittedCalibrator> calibrators;
  private final int classes;

  private OneVsRestCalibration(List<FittedCalibrator> calibrators, int classes) {
    if (classes < 2 || calibrators.size() != (classes == 2 ? 1 : classes)) {
      throw new IllegalArgumentException("one-vs-rest over " + classes + " classes needs "
          + (classes == 2 ? 1 : classes) + " calibrators but had " + calibrators.size());
    }
    this.calibrators = List.copyOf(calibrators);
    this.classes = classes;
  }

  /** @return the per-class calibrators (one, for the second class, when there are two classes) */
  public List<FittedCalibrator> calibrators() {
    return calibrators;
  }

  @Override
  public int classes() {
    return classes;
  }

  @Override
  public double[] calibrate(double[] scores) {
    if (scores.length != classes) {
      throw new IllegalArgumentException("expected " + classes + " scores but got " + scores.length);
    }
    double[] p = new double[classes];
    if (classes == 2) {
      p[1] = calibrators.get(0).calibrate(scores[1]);
      p[0] = 1 - p[1];
      return p;
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      p[c] = calibrators.get(c).calibrate(scores[c]);
      sum += p[c];
    }
    for (int c = 0; c < classes; c++) {
      p[c] = sum == 0 ? 1.0 / classes : p[c] / sum;
      if (p[c] > 1 && p[c] <= 1 + 1e-5) {
        p[c] = 1;
      }
    }
    return p;
  }

  @Override
  public String method() {
    return "one-vs-rest";
  }

  @Override
  public String toJson() {
    Map<String, Object> m = CalibratorJson.header(method());
    m.put("classes", classes);
    List<Object> nested = new ArrayList<>();
    for (FittedCalibrator c : calibrators) {
      nested.add(Json.parseObject(c.toJson()));
    }
    m.put("calibrators", nested);
    return CalibratorJson.write(m);
  }

  static OneVsRestCalibration read(JsonObject o) {
    List<FittedCalibrator> list = new ArrayList<>();
    for (JsonObject nested : o.getObjects("calibrators")) {
      list.add(Calibrators.fromJson(nested.toString()));
    }
    return CalibratorJson.build(() -> new OneVsRestCalibration(list, o.getInt("classes")), o);
  }

  static OneVsRestCalibration fit(double[][] scores, int[] labels, CalibrationMethod<?> method) {
    int k = MulticlassChecks.fitInput(scores, labels);
    List<FittedCalibrator> list = new ArrayList<>();
    for (int c = k == 2 ? 1 : 0; c < k; c++) {
      double[] column = new double[scores.length];
      int[] binary = new int[scores.length];
      for (int i = 0; i < scores.length; i++) {
        column[i] = scores[i][c];
        binary[i] = labels[i] == c ? 1 : 0;
      }
      list.add(method.fit(column, binary));
    }
    return new OneVsRestCalibration(list, k);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OneVsRestCalibration r && classes == r.classes && calibrators.equals(r.calibrators);
  }

  @Override
  public int hashCode() {
    return calibrators.hashCode() * 31 + classes;
  }

  @Override
  public String toString() {
    return "OneVsRestCalibration[" + classes + " classes, " + calibrators + "]";
  }
}
