package dev.mlsys.eval.calibration;

import java.util.Map;

/**
 * Beta calibration (Kull, Silva Filho and Flach 2017, "Beta calibration: a well-founded and easily
 * implemented improvement on logistic calibration for binary classifiers", AISTATS):
 * P(y = 1 | s) = 1 / (1 + exp(-(a ln s - b ln(1 - s) + c))), for scores s that are
 * probabilities. Fitted as the reference implementation's three-parameter "abm" model: an
 * unregularised logistic regression on (ln s, -ln(1 - s)); if a comes out negative it is fixed at
 * 0 and the model refitted on -ln(1 - s) alone, else if b is negative, b is fixed at 0. Scores
 * are clipped to [eps, 1 - eps] (eps the float64 machine epsilon) before the logarithms.
 *
 * <p>Immutable and thread-safe; {@link #calibrate(double)} allocates nothing.
 *
 * @param a weight of ln s, &gt;= 0
 * @param b weight of -ln(1 - s), &gt;= 0
 * @param c intercept
 */
public record BetaCalibration(double a, double b, double c) implements FittedCalibrator {
  /** The clip of scores before taking logarithms. */
  public static final double EPSILON = 0x1.0p-52;

  /** @throws IllegalArgumentException if a parameter is not finite */
  public BetaCalibration {
    if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) {
      throw new IllegalArgumentException("beta calibration parameters must be finite but were a=" + a + ", b=" + b
          + ", c=" + c);
    }
  }

  @Override
  public double calibrate(double score) {
    double s = Math.min(Math.max(Checks.score(score), EPSILON), 1 - EPSILON);
    // log(1 - s) rather than log1p(-s): Math.log is an intrinsic, log1p is not, and for small s the
    // absolute error of 1 - s (1e-16) is negligible beside a ln s
    return Checks.sigmoid(a * Math.log(s) - b * Math.log(1 - s) + c);
  }

  @Override
  public String method() {
    return "beta";
  }

  @Override
  public String toJson() {
    Map<String, Object> m = CalibratorJson.header(method());
    m.put("a", a);
    m.put("b", b);
    m.put("c", c);
    return CalibratorJson.write(m);
  }

  static BetaCalibration read(dev.mlsys.api.json.JsonObject o) {
    return CalibratorJson.build(() -> new BetaCalibration(o.getDouble("a"), o.getDouble("b"), o.getDouble("c")), o);
  }

  static BetaCalibration fit(double[] scores, int[] labels) {
    Checks.fitInput(scores, labels);
    Checks.probabilities("scores", scores);
    int n = scores.length;
    double[][] features = new double[n][];
    for (int i = 0; i < n; i++) {
      double s = Math.min(Math.max(scores[i], EPSILON), 1 - EPSILON);
      features[i] = new double[] {Math.log(s), -Math.log(1 - s)};
    }
    double[] w = LogisticFit.fit(features, labels, new boolean[] {true, true});
    if (w[0] < 0) {
      w = LogisticFit.fit(features, labels, new boolean[] {false, true});
    } else if (w[1] < 0) {
      w = LogisticFit.fit(features, labels, new boolean[] {true, false});
    }
    return new BetaCalibration(w[0], w[1], w[2]);
  }
}
