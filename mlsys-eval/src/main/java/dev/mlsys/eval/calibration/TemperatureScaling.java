package dev.mlsys.eval.calibration;

import java.util.Map;

/**
 * Temperature scaling (Guo, Pleiss, Sun and Weinberger 2017, "On calibration of modern neural
 * networks", ICML, section 4.2): probabilities softmax(z / T) from logits z with one temperature
 * T &gt; 0 fitted by maximum likelihood. It never changes the predicted class.
 *
 * <p>The fit solves d NLL / d(1/T) = 0, which is increasing in 1/T, by a Newton iteration kept
 * inside a bisection bracket, to machine precision. It refuses logits whose likelihood has no
 * finite optimum: logits that separate the classes perfectly (T would go to 0) or that rank the
 * true class below average (T would be negative).
 *
 * <p>Immutable and thread-safe.
 *
 * @param temperature T &gt; 0
 * @param classes the number of classes, &gt;= 2
 */
public record TemperatureScaling(double temperature, int classes) implements MulticlassCalibrator {

  /** @throws IllegalArgumentException if T is not finite and positive or classes &lt; 2 */
  public TemperatureScaling {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be finite and > 0 but was: " + temperature);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2 but was: " + classes);
    }
  }

  @Override
  public double[] calibrate(double[] logits) {
    if (logits.length != classes) {
      throw new IllegalArgumentException("expected " + classes + " logits but got " + logits.length);
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) {
      if (Double.isNaN(z)) {
        throw new IllegalArgumentException("logits must not be NaN");
      }
      max = Math.max(max, z);
    }
    double[] p = new double[classes];
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      p[c] = Math.exp((logits[c] - max) / temperature);
      sum += p[c];
    }
    for (int c = 0; c < classes; c++) {
      p[c] /= sum;
    }
    return p;
  }

  @Override
  public String method() {
    return "temperature";
  }

  @Override
  public String toJson() {
    Map<String, Object> m = CalibratorJson.header(method());
    m.put("temperature", temperature);
    m.put("classes", classes);
    return CalibratorJson.write(m);
  }

  static TemperatureScaling read(dev.mlsys.api.json.JsonObject o) {
    return CalibratorJson.build(() -> new TemperatureScaling(o.getDouble("temperature"), o.getInt("classes")), o);
  }

  static TemperatureScaling fit(double[][] logits, int[] labels) {
    int k = MulticlassChecks.fitInput(logits, labels);
    if (separable(logits, labels)) {
      throw new IllegalArgumentException("the logits separate the classes perfectly (every true class has the largest"
          + " logit); the likelihood has no finite optimum (the temperature would go to 0)");
    }
    double lo = 0;
    double[] atZero = derivatives(logits, labels, 0);
    if (atZero[0] >= 0) {
      throw new IllegalArgumentException("the logits rank the true class at or below average (d NLL / d(1/T) = "
          + atZero[0] + " >= 0 at 1/T = 0); temperature scaling has no positive optimum");
    }
    double hi = 1;
    while (derivatives(logits, labels, hi)[0] < 0) {
      lo = hi;
      hi *= 2;
      if (hi > 1e12) {
        throw new IllegalArgumentException("the logits separate the classes perfectly; the likelihood has no finite"
            + " optimum (the temperature would go to 0)");
      }
    }
    double beta = (lo + hi) / 2;
    for (int iteration = 0; iteration < 200; iteration++) {
      double[] d = derivatives(logits, labels, beta);
      if (d[0] == 0) {
        break;
      }
      if (d[0] < 0) {
        lo = beta;
      } else {
        hi = beta;
      }
      double next = d[1] > 0 ? beta - d[0] / d[1] : Double.NaN;
      if (!(next > lo && next < hi)) {
        next = (lo + hi) / 2;
      }
      if (Math.abs(next - beta) <= 1e-15 * beta) {
        beta = next;
        break;
      }
      beta = next;
    }
    return new TemperatureScaling(1 / beta, k);
  }

  private static boolean separable(double[][] logits, int[] labels) {
    for (int i = 0; i < logits.length; i++) {
      double mine = logits[i][labels[i]];
      for (int c = 0; c < logits[i].length; c++) {
        if (c != labels[i] && logits[i][c] >= mine) {
          return false;
        }
      }
    }
    return true;
  }

  /** @return {dNLL/dbeta, d2NLL/dbeta2} at inverse temperature beta */
  private static double[] derivatives(double[][] logits, int[] labels, double beta) {
    double first = 0;
    double second = 0;
    for (int i = 0; i < logits.length; i++) {
      double[] z = logits[i];
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, beta * v);
      }
      double sum = 0;
      double mean = 0;
      double square = 0;
      for (double v : z) {
        double e = Math.exp(beta * v - max);
        sum += e;
        mean += e * v;
        square += e * v * v;
      }
      mean /= sum;
      square /= sum;
      first += mean - z[labels[i]];
      second += square - mean * mean;
    }
    return new double[] {first, second};
  }
}
