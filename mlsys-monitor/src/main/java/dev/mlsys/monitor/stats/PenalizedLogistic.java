package dev.mlsys.monitor.stats;

import java.util.Arrays;

/**
 * Binary logistic regression with an L2 penalty, fitted to the optimum by Newton's method: it
 * minimises {@code sum_i log(1 + exp(eta_i)) - y_i eta_i + |w|^2 / 2}, with {@code eta_i = w . x_i
 * + b} and the intercept {@code b} not penalised, which is scikit-learn's
 * {@code LogisticRegression(C=1)}. Small and dependency-free, for {@link DomainClassifier}.
 *
 * <p>Thread-safety: stateless.
 */
final class PenalizedLogistic {
  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-12;

  private PenalizedLogistic() {}

  /**
   * @param x rows of d features
   * @param y labels 0 or 1, one per row
   * @return the weights w[0..d) followed by the intercept b
   */
  static double[] fit(double[][] x, double[] y) {
    int d = x[0].length;
    int p = d + 1;
    double[] beta = new double[p];
    double objective = objective(x, y, beta);
    double[] gradient = new double[p];
    double[] hessian = new double[p * p];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      Arrays.fill(gradient, 0);
      Arrays.fill(hessian, 0);
      for (int i = 0; i < x.length; i++) {
        double[] row = x[i];
        double prob = sigmoid(linear(beta, row));
        double residual = prob - y[i];
        double weight = prob * (1 - prob);
        for (int a = 0; a < p; a++) {
          double xa = a < d ? row[a] : 1.0;
          gradient[a] += residual * xa;
          for (int b = 0; b <= a; b++) {
            hessian[a * p + b] += weight * xa * (b < d ? row[b] : 1.0);
          }
        }
      }
      for (int a = 0; a < d; a++) {
        gradient[a] += beta[a];
        hessian[a * p + a] += 1.0;
      }
      double[] step = solveSymmetric(hessian, gradient, p);
      // Newton step, halved while it does not decrease the objective (the objective is convex)
      double scale = 1.0;
      double[] next = new double[p];
      double nextObjective = Double.POSITIVE_INFINITY;
      for (int halving = 0; halving < 30; halving++) {
        for (int a = 0; a < p; a++) {
          next[a] = beta[a] - scale * step[a];
        }
        nextObjective = objective(x, y, next);
        if (nextObjective <= objective) {
          break;
        }
        scale /= 2;
      }
      double largest = 0;
      for (int a = 0; a < p; a++) {
        largest = Math.max(largest, Math.abs(next[a] - beta[a]));
      }
      if (!(nextObjective <= objective)) {
        return beta;   // no decrease even for a tiny step: at the optimum to rounding
      }
      beta = next;
      objective = nextObjective;
      if (largest < TOLERANCE * (1 + maxAbs(beta))) {
        break;
      }
    }
    return beta;
  }

  /** @return {@code w . x + b} for weights followed by the intercept */
  static double linear(double[] beta, double[] x) {
    double s = beta[x.length];
    for (int c = 0; c < x.length; c++) {
      s += beta[c] * x[c];
    }
    return s;
  }

  private static double objective(double[][] x, double[] y, double[] beta) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double eta = linear(beta, x[i]);
      // log(1 + exp(eta)) without overflow
      double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
      sum += softplus - y[i] * eta;
    }
    for (int c = 0; c < x[0].length; c++) {
      sum += beta[c] * beta[c] / 2;
    }
    return sum;
  }

  private static double sigmoid(double eta) {
    return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double e : v) {
      m = Math.max(m, Math.abs(e));
    }
    return m;
  }

  /**
   * Solves {@code H s = g} for a symmetric positive definite H given by its lower triangle, by
   * Cholesky factorisation; a tiny ridge is added if rounding makes a pivot non-positive.
   */
  private static double[] solveSymmetric(double[] h, double[] g, int p) {
    double[] l = new double[p * p];
    double ridge = 0;
    for (int attempt = 0; attempt < 20; attempt++) {
      if (cholesky(h, l, p, ridge)) {
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
          double s = g[i];
          for (int k = 0; k < i; k++) {
            s -= l[i * p + k] * z[k];
          }
          z[i] = s / l[i * p + i];
        }
        double[] s = new double[p];
        for (int i = p - 1; i >= 0; i--) {
          double v = z[i];
          for (int k = i + 1; k < p; k++) {
            v -= l[k * p + i] * s[k];
          }
          s[i] = v / l[i * p + i];
        }
        return s;
      }
      ridge = ridge == 0 ? 1e-12 : ridge * 100;
    }
    throw new IllegalStateException("logistic regression: the Hessian is not positive definite");
  }

  private static boolean cholesky(double[] h, double[] l, int p, double ridge) {
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double s = h[i * p + j] + (i == j ? ridge : 0);
        for (int k = 0; k < j; k++) {
          s -= l[i * p + k] * l[j * p + k];
        }
        if (i == j) {
          if (!(s > 0)) {
            return false;
          }
          l[i * p + i] = Math.sqrt(s);
        } else {
          l[i * p + j] = s / l[j * p + j];
        }
      }
    }
    return true;
  }
}
