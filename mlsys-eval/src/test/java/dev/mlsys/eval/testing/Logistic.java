package dev.mlsys.eval.testing;

/**
 * A small L2-regularised logistic regression fitted by Newton's method: enough of a model for
 * behavioral and slice tests, without a machine-learning library in this module.
 */
public final class Logistic {
  private Logistic() {}

  /** @return weights for each feature followed by the intercept */
  public static double[] fit(double[][] x, int[] y, double l2) {
    int d = x[0].length + 1;
    double[] w = new double[d];
    for (int iteration = 0; iteration < 50; iteration++) {
      double[] g = new double[d];
      double[][] h = new double[d][d];
      for (int i = 0; i < x.length; i++) {
        double p = sigmoid(score(w, x[i]));
        double r = p - y[i];
        double s = p * (1 - p);
        for (int a = 0; a < d; a++) {
          double xa = a < d - 1 ? x[i][a] : 1;
          g[a] += r * xa;
          for (int b = 0; b <= a; b++) {
            double xb = b < d - 1 ? x[i][b] : 1;
            h[a][b] += s * xa * xb;
          }
        }
      }
      for (int a = 0; a < d; a++) {
        if (a < d - 1) {
          g[a] += l2 * w[a];
          h[a][a] += l2;
        }
        h[a][a] += 1e-9;
        for (int b = 0; b < a; b++) {
          h[b][a] = h[a][b];
        }
      }
      double[] step = solve(h, g);
      double change = 0;
      for (int a = 0; a < d; a++) {
        w[a] -= step[a];
        change += Math.abs(step[a]);
      }
      if (change < 1e-10) {
        break;
      }
    }
    return w;
  }

  public static double score(double[] w, double[] x) {
    double z = w[w.length - 1];
    for (int j = 0; j < x.length; j++) {
      z += w[j] * x[j];
    }
    return z;
  }

  public static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
          p = r;
        }
      }
      double[] t = m[c];
      m[c] = m[p];
      m[p] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
