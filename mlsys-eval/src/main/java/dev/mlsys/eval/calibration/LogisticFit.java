package dev.mlsys.eval.calibration;

/**
 * Unregularised logistic regression by Newton's method with step halving, for the few features
 * of calibration models. Converges to machine precision on non-separable data; on separable data
 * it stops after a bounded number of iterations with large weights, which still give 0/1
 * probabilities.
 */
final class LogisticFit {
  private LogisticFit() {}

  /**
   * @param x rows of features
   * @param y 0/1 labels
   * @param use which features enter the model; unused ones get weight 0
   * @return weights for every feature followed by the intercept
   */
  static double[] fit(double[][] x, int[] y, boolean[] use) {
    int d = use.length;
    int[] active = java.util.stream.IntStream.range(0, d).filter(j -> use[j]).toArray();
    int k = active.length + 1;
    double[] beta = new double[k];
    double loss = loss(x, y, active, beta);
    for (int iteration = 0; iteration < 100; iteration++) {
      double[] g = new double[k];
      double[][] h = new double[k][k];
      double[] row = new double[k];
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < active.length; j++) {
          row[j] = x[i][active[j]];
        }
        row[k - 1] = 1;
        double z = dot(beta, row);
        double p = Checks.sigmoid(z);
        double r = p - y[i];
        double wgt = p * (1 - p);
        for (int a = 0; a < k; a++) {
          g[a] += r * row[a];
          for (int b = 0; b <= a; b++) {
            h[a][b] += wgt * row[a] * row[b];
          }
        }
      }
      for (int a = 0; a < k; a++) {
        h[a][a] += 1e-12;
        for (int b = 0; b < a; b++) {
          h[b][a] = h[a][b];
        }
      }
      double[] step = solve(h, g);
      double decrease = dot(step, g);
      if (!(decrease > 0)) {
        break;
      }
      double t = 1;
      boolean moved = false;
      while (t > 1e-10) {
        double[] candidate = beta.clone();
        for (int a = 0; a < k; a++) {
          candidate[a] -= t * step[a];
        }
        double candidateLoss = loss(x, y, active, candidate);
        // as in PlattScaling: once the decrease is below rounding, accept a step that shrinks the gradient
        boolean armijo = candidateLoss <= loss - 1e-4 * t * decrease;
        boolean flatButCloser = !armijo && candidateLoss <= loss + 1e-13 * Math.abs(loss)
            && gradientNorm(x, y, active, candidate) < norm(g);
        if (armijo || flatButCloser) {
          moved = !java.util.Arrays.equals(candidate, beta);
          beta = candidate;
          loss = Math.min(loss, candidateLoss);
          break;
        }
        t /= 2;
      }
      if (!moved) {
        break;
      }
    }
    double[] out = new double[d + 1];
    for (int j = 0; j < active.length; j++) {
      out[active[j]] = beta[j];
    }
    out[d] = beta[k - 1];
    return out;
  }

  private static double loss(double[][] x, int[] y, int[] active, double[] beta) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double z = beta[beta.length - 1];
      for (int j = 0; j < active.length; j++) {
        z += beta[j] * x[i][active[j]];
      }
      // -log likelihood: log(1 + e^z) - y z, evaluated stably
      double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      sum += softplus - y[i] * z;
    }
    return sum;
  }

  private static double gradientNorm(double[][] x, int[] y, int[] active, double[] beta) {
    double[] g = new double[beta.length];
    for (int i = 0; i < x.length; i++) {
      double z = beta[beta.length - 1];
      for (int j = 0; j < active.length; j++) {
        z += beta[j] * x[i][active[j]];
      }
      double r = Checks.sigmoid(z) - y[i];
      for (int j = 0; j < active.length; j++) {
        g[j] += r * x[i][active[j]];
      }
      g[beta.length - 1] += r;
    }
    return norm(g);
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double e : v) {
      s += Math.abs(e);
    }
    return s;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Gaussian elimination with partial pivoting on a small dense system. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c <= n; c++) {
          m[r][c] -= f * m[col][c];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
