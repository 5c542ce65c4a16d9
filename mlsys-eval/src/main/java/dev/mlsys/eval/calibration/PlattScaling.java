package dev.mlsys.eval.calibration;

import java.util.Map;

/**
 * Platt scaling: P(y = 1 | s) = 1 / (1 + exp(a s + b)), Platt (1999), "Probabilistic outputs for
 * support vector machines", with scikit-learn's sign convention ({@code _SigmoidCalibration}, so
 * a good score gives a &lt; 0).
 *
 * <p>Fitted by {@link Calibrators#platt()} exactly as scikit-learn's
 * {@code CalibratedClassifierCV(method="sigmoid")}: targets smoothed to (N+ + 1) / (N+ + 2) and
 * 1 / (N- + 2), then Newton's method with backtracking (Lin, Lin and Weng 2007, "A note on
 * Platt's probabilistic outputs", Machine Learning 68) run to convergence. Inputs holding one
 * class are fitted too, as scikit-learn does: the smoothed targets give the constant 1 / (N + 2)
 * (all negative) or (N + 1) / (N + 2) (all positive).
 *
 * <p>Probabilities agree with scikit-learn 1.2's to 1e-5 (it stops BFGS at a gradient norm of
 * 1e-5). On scores of wide range, such as raw decision functions reaching |a s + b| &gt; 37,
 * scikit-learn's objective overflows to infinity and its BFGS stops short of the optimum; the
 * objective here is evaluated without overflow and the fit reaches the optimum, so the two can
 * differ there (by 0.05 in probability on breast_cancer.csv decision scores, see
 * {@code PlattScalingTest}).
 *
 * <p>Immutable and thread-safe; {@link #calibrate(double)} allocates nothing.
 *
 * @param a the slope (on the score)
 * @param b the intercept
 */
public record PlattScaling(double a, double b) implements FittedCalibrator {

  /** @throws IllegalArgumentException if a parameter is not finite */
  public PlattScaling {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      throw new IllegalArgumentException("Platt parameters must be finite but were a=" + a + ", b=" + b);
    }
  }

  @Override
  public double calibrate(double score) {
    return Checks.sigmoid(-(a * Checks.score(score) + b));
  }

  @Override
  public String method() {
    return "platt";
  }

  @Override
  public String toJson() {
    Map<String, Object> m = CalibratorJson.header(method());
    m.put("a", a);
    m.put("b", b);
    return CalibratorJson.write(m);
  }

  static PlattScaling fit(double[] scores, int[] labels) {
    int positives = Checks.fitInput(scores, labels);
    int n = scores.length;
    double prior1 = positives;
    double prior0 = n - positives;
    double hiTarget = (prior1 + 1) / (prior1 + 2);
    double loTarget = 1 / (prior0 + 2);
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = labels[i] == 1 ? hiTarget : loTarget;
    }
    double a = 0;
    double b = Math.log((prior0 + 1) / (prior1 + 1));
    double f = objective(scores, t, a, b);
    for (int iteration = 0; iteration < 200; iteration++) {
      double h11 = 0;
      double h22 = 0;
      double h21 = 0;
      double g1 = 0;
      double g2 = 0;
      for (int i = 0; i < n; i++) {
        double fApB = scores[i] * a + b;
        double p;
        double q;
        if (fApB >= 0) {
          double e = Math.exp(-fApB);
          p = e / (1 + e);
          q = 1 / (1 + e);
        } else {
          double e = Math.exp(fApB);
          p = 1 / (1 + e);
          q = e / (1 + e);
        }
        double d2 = p * q;
        h11 += scores[i] * scores[i] * d2;
        h22 += d2;
        h21 += scores[i] * d2;
        double d1 = t[i] - p;
        g1 += scores[i] * d1;
        g2 += d1;
      }
      // Lin et al. add 1e-12 to the diagonal; relative to the Hessian's scale it also keeps the
      // step bounded when every score is equal and the Hessian is singular
      double sigma = 1e-12 * Math.max(Math.max(h11, h22), Double.MIN_NORMAL);
      h11 += sigma;
      h22 += sigma;
      double det = h11 * h22 - h21 * h21;
      double dA = -(h22 * g1 - h21 * g2) / det;
      double dB = -(-h21 * g1 + h11 * g2) / det;
      double gd = g1 * dA + g2 * dB;
      if (!(gd < 0)) {
        break; // no descent direction left: converged to machine precision
      }
      double step = 1;
      boolean moved = false;
      double gradientNorm = Math.abs(g1) + Math.abs(g2);
      while (step >= 1e-10) {
        double newA = a + step * dA;
        double newB = b + step * dB;
        double newF = objective(scores, t, newA, newB);
        // Near the optimum the decrease falls below the rounding of the objective, and Armijo's
        // test fails on noise; a step that leaves the objective equal within rounding is then
        // taken if it shrinks the gradient, so Newton's iteration can finish converging.
        boolean armijo = newF < f + 1e-4 * step * gd;
        boolean flatButCloser = !armijo && newF <= f + 1e-13 * Math.abs(f)
            && gradientNorm(scores, t, newA, newB) < gradientNorm;
        if (armijo || flatButCloser) {
          moved = newA != a || newB != b;
          a = newA;
          b = newB;
          f = Math.min(f, newF);
          break;
        }
        step /= 2;
      }
      if (!moved || Math.abs(step * dA) + Math.abs(step * dB) <= 1e-15 * (1 + Math.abs(a) + Math.abs(b))) {
        break;
      }
    }
    return new PlattScaling(a, b);
  }

  private static double gradientNorm(double[] scores, double[] t, double a, double b) {
    double g1 = 0;
    double g2 = 0;
    for (int i = 0; i < scores.length; i++) {
      double d1 = t[i] - Checks.sigmoid(-(scores[i] * a + b));
      g1 += scores[i] * d1;
      g2 += d1;
    }
    return Math.abs(g1) + Math.abs(g2);
  }

  /** The negative log-likelihood of the smoothed targets, evaluated without overflow (Lin et al., section 3). */
  private static double objective(double[] scores, double[] t, double a, double b) {
    double f = 0;
    for (int i = 0; i < scores.length; i++) {
      double fApB = scores[i] * a + b;
      if (fApB >= 0) {
        f += t[i] * fApB + Math.log1p(Math.exp(-fApB));
      } else {
        f += (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
      }
    }
    return f;
  }

  static PlattScaling read(dev.mlsys.api.json.JsonObject o) {
    return CalibratorJson.build(() -> new PlattScaling(o.getDouble("a"), o.getDouble("b")), o);
  }
}
