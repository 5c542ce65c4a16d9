package dev.mlsys.monitor.stats;

/**
 * The null distributions behind the Kolmogorov-Smirnov tests, ported from scipy 1.10.1
 * (BSD-3-Clause): the two-sided one-sample distribution {@code kstwo} (scipy.stats._ksstats, after
 * Simard and L'Ecuyer 2011), the one-sided Smirnov distribution (scipy.special.smirnov, after
 * Birnbaum and Tingey 1951 and van Mulbregt 2018) and the exact two-sample counts (Hodges 1958;
 * Viehmann 2021, arXiv:2102.08037).
 *
 * <p>The branch structure and constants are scipy's, so that p-values agree with
 * {@code scipy.stats.ks_2samp}; arithmetic is plain double where scipy uses double-double, which
 * keeps agreement to about 1e-10 relative.
 */
final class KolmogorovDistribution {
  private static final double EP128 = 0x1.0p128;
  private static final double EM128 = 0x1.0p-128;
  private static final int E128 = 128;
  private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double MIN_LOG = -708;
  private static final double SQRT3 = Math.sqrt(3);
  private static final double PI_SQUARED = Math.PI * Math.PI;
  private static final double PI_FOUR = Math.pow(Math.PI, 4);
  private static final double PI_SIX = Math.pow(Math.PI, 6);
  /** cephes MINLOG: log(2^-1022). */
  private static final double CEPHES_MINLOG = -7.08396418532264106224E2;
  private static final int SMIRNOV_MAX_COMPUTE_N = 1_000_000;
  private static final double[] STIRLING_COEFFS = {-2.955065359477124183e-2, 6.4102564102564102564e-3,
      -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
      -2.7777777777777777778e-3, 8.3333333333333333333e-2};

  private KolmogorovDistribution() {}

  // ------------------------------------------------------------------ kstwo (two-sided, one sample)

  /** @return Pr(D_n > d), as scipy.stats.kstwo.sf(d, n) */
  static double kstwoSf(int n, double d) {
    if (Double.isNaN(d)) {
      return Double.NaN;
    }
    // rv_continuous: outside the support (0.5/n, 1) the survival function is 1 or 0
    if (d <= 0.5 / n) {
      return 1.0;
    }
    if (d >= 1.0) {
      return 0.0;
    }
    return kolmogn(n, d, false);
  }

  /** @return Pr(D_n <= d), as scipy.stats.kstwo.cdf(d, n) */
  static double kstwoCdf(int n, double d) {
    if (Double.isNaN(d)) {
      return Double.NaN;
    }
    if (d <= 0.5 / n) {
      return 0.0;
    }
    if (d >= 1.0) {
      return 1.0;
    }
    return kolmogn(n, d, true);
  }

  private static double select(double cdfProb, double sfProb, boolean cdf) {
    return clip(cdf ? cdfProb : sfProb);
  }

  private static double clip(double p) {
    return p < 0 ? 0.0 : Math.min(p, 1.0);
  }

  /** scipy.stats._ksstats._kolmogn: Simard and L'Ecuyer (2011), section 3. */
  static double kolmogn(int n, double x, boolean cdf) {
    if (x >= 1.0) {
      return select(1.0, 0.0, cdf);
    }
    if (x <= 0.0) {
      return select(0.0, 1.0, cdf);
    }
    double t = n * x;
    if (t <= 1.0) { // Ruben-Gambino: 1/2n <= x <= 1/n
      if (t <= 0.5) {
        return select(0.0, 1.0, cdf);
      }
      double prob;
      if (n <= 140) {
        prob = 1.0;
        double rn = 1.0 / n;
        double twoTMinus1 = 2 * t - 1;
        for (int i = 1; i <= n; i++) {
          prob *= i * rn * twoTMinus1;
        }
      } else {
        prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
      }
      return select(prob, 1.0 - prob, cdf);
    }
    if (t >= n - 1) { // Ruben-Gambino
      double prob = 2 * Math.pow(1.0 - x, n);
      return select(1 - prob, prob, cdf);
    }
    if (x >= 0.5) { // exact: 2 * smirnov
      double prob = 2 * smirnovSf(n, x);
      return select(1.0 - prob, prob, cdf);
    }
    double nxSquared = t * x;
    if (n <= 140) {
      if (nxSquared <= 0.754693) {
        double prob = durbinMatrix(n, x);
        return select(prob, 1.0 - prob, cdf);
      }
      if (nxSquared <= 4) {
        double prob = pomeranz(n, x);
        return select(prob, 1.0 - prob, cdf);
      }
      double prob = 2 * smirnovSf(n, x);
      return select(1.0 - prob, prob, cdf);
    }
    if (!cdf) {
      if (nxSquared >= 370.0) {
        return 0.0;
      }
      if (nxSquared >= 2.2) {
        return clip(2 * smirnovSf(n, x));
      }
    }
    double cdfProb;
    if (nxSquared >= 18.0) {
      cdfProb = 1.0;
    } else if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
      cdfProb = durbinMatrix(n, x);
    } else {
      cdfProb = pelzGood(n, x);
    }
    return select(cdfProb, 1.0 - cdfProb, cdf);
  }

  /** log(n! / n^n) by Stirling's series. */
  private static double logNFactorialDivNPowN(int n) {
    double rn = 1.0 / n;
    double poly = 0;
    double z = rn / n;
    for (double c : STIRLING_COEFFS) {
      poly = poly * z + c;
    }
    return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
  }

  /** Pr(D_n <= d) by Durbin's matrix (Marsaglia, Tsang and Wang 2003). */
  static double durbinMatrix(int n, double d) {
    if (d >= 1.0) {
      return 1.0;
    }
    double nd = n * d;
    if (nd <= 0.5) {
      return 0.0;
    }
    int k = (int) Math.ceil(nd);
    double h = k - nd;
    int m = 2 * k - 1;
    double[] v = new double[m];
    double[] w = new double[m];
    double fac = 1.0;
    for (int j = 1; j <= m; j++) {
      v[j - 1] = 1.0 - Math.pow(h, j);
      w[j - 1] = fac;
      fac /= j;
      v[j - 1] *= fac;
    }
    double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
    v[m - 1] = (1.0 + tt) * fac;
    double[] hm = new double[m * m];
    for (int i = 1; i < m; i++) {
      for (int r = i - 1; r < m; r++) {
        hm[r * m + i] = w[r - (i - 1)];
      }
    }
    for (int r = 0; r < m; r++) {
      hm[r * m] = v[r];
    }
    for (int c = 0; c < m; c++) {
      hm[(m - 1) * m + c] = v[m - 1 - c];
    }
    double[] pwr = new double[m * m];
    for (int i = 0; i < m; i++) {
      pwr[i * m + i] = 1.0;
    }
    double[] tmp = new double[m * m];
    int nn = n;
    int expnt = 0;
    int hExpnt = 0;
    while (nn > 0) {
      if ((nn & 1) == 1) {
        multiply(pwr, hm, tmp, m);
        System.arraycopy(tmp, 0, pwr, 0, tmp.length);
        expnt += hExpnt;
      }
      multiply(hm, hm, tmp, m);
      System.arraycopy(tmp, 0, hm, 0, tmp.length);
      hExpnt *= 2;
      if (Math.abs(hm[(k - 1) * m + k - 1]) > EP128) {
        for (int i = 0; i < hm.length; i++) {
          hm[i] /= EP128;
        }
        hExpnt += E128;
      }
      nn /= 2;
    }
    double p = pwr[(k - 1) * m + k - 1];
    for (int i = 1; i <= n; i++) {
      p = i * p / n;
      if (Math.abs(p) < EM128) {
        p *= EP128;
        expnt -= E128;
      }
    }
    if (expnt != 0) {
      p = Math.scalb(p, expnt);
    }
    return clip(p);
  }

  private static void multiply(double[] a, double[] b, double[] out, int m) {
    java.util.Arrays.fill(out, 0.0);
    for (int i = 0; i < m; i++) {
      for (int l = 0; l < m; l++) {
        double ail = a[i * m + l];
        if (ail == 0) {
          continue;
        }
        int bRow = l * m;
        int oRow = i * m;
        for (int j = 0; j < m; j++) {
          out[oRow + j] += ail * b[bRow + j];
        }
      }
    }
  }

  /** Pr(D_n <= d) by Pomeranz's recursion (Pomeranz 1974). */
  static double pomeranz(int n, double x) {
    double t = n * x;
    int ll = (int) Math.floor(t);
    double f = t - ll;
    double g = Math.min(f, 1.0 - f);
    int ceilf = f > 0 ? 1 : 0;
    int roundf = f > 0.5 ? 1 : 0;
    int npwrs = 2 * (ll + 1);
    double[] gpower = new double[npwrs];
    double[] twogpower = new double[npwrs];
    double[] onem2gpower = new double[npwrs];
    gpower[0] = 1.0;
    twogpower[0] = 1.0;
    onem2gpower[0] = 1.0;
    int expnt = 0;
    double gOverN = g / n;
    double twoGOverN = 2 * g / n;
    double oneMinusTwoGOverN = (1 - 2 * g) / n;
    for (int m = 1; m < npwrs; m++) {
      gpower[m] = gpower[m - 1] * gOverN / m;
      twogpower[m] = twogpower[m - 1] * twoGOverN / m;
      onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
    }
    double[] v0 = new double[npwrs];
    double[] v1 = new double[npwrs];
    v1[0] = 1;
    int v0s = 0;
    int v1s = 0;
    int[] j12 = pomeranzJ1J2(0, n, ll, ceilf, roundf);
    int j1 = j12[0];
    int j2;
    for (int i = 1; i < 2 * n + 2; i++) {
      int k1 = j1;
      double[] swap = v0;
      v0 = v1;
      v1 = swap;
      int swapS = v0s;
      v0s = v1s;
      v1s = swapS;
      java.util.Arrays.fill(v1, 0.0);
      j12 = pomeranzJ1J2(i, n, ll, ceilf, roundf);
      j1 = j12[0];
      j2 = j12[1];
      double[] pwrs = (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
      int ln2 = j2 - k1 + 1;
      if (ln2 > 0) {
        int aStart = k1 - v0s;
        int aLen = Math.max(0, Math.min(ln2, npwrs - aStart));
        int bLen = Math.min(ln2, npwrs);
        int convStart = j1 - k1;
        int convLen = j2 - j1 + 1;
        int fullLen = aLen + bLen - 1;
        double max = 0;
        for (int c = 0; c < convLen && convStart + c < fullLen; c++) {
          int kk = convStart + c;
          double s = 0;
          int lo = Math.max(0, kk - (bLen - 1));
          int hi = Math.min(kk, aLen - 1);
          for (int a = lo; a <= hi; a++) {
            s += v0[aStart + a] * pwrs[kk - a];
          }
          v1[c] = s;
          max = Math.max(max, s);
        }
        if (0 < max && max < EM128) {
          for (int c = 0; c < v1.length; c++) {
            v1[c] *= EP128;
          }
          expnt -= E128;
        }
        v1s = v0s + j1 - k1;
      }
    }
    double ans = v1[n - v1s];
    for (int m = 1; m <= n; m++) {
      if (Math.abs(ans) > EP128) {
        ans *= EM128;
        expnt += E128;
      }
      ans *= m;
    }
    if (expnt != 0) {
      ans = Math.scalb(ans, expnt);
    }
    return clip(ans);
  }

  private static int[] pomeranzJ1J2(int i, int n, int ll, int ceilf, int roundf) {
    int j1;
    int j2;
    if (i == 0) {
      j1 = -ll - ceilf - 1;
      j2 = ll + ceilf - 1;
    } else {
      int ip1div2 = (i + 1) / 2;
      int ip1mod2 = (i + 1) % 2;
      if (ip1mod2 == 0) { // i is odd
        if (ip1div2 == n + 1) {
          j1 = n - ll - ceilf - 1;
          j2 = n + ll + ceilf - 1;
        } else {
          j1 = ip1div2 - 1 - ll - roundf - 1;
          j2 = ip1div2 + ll - 1 + ceilf - 1;
        }
      } else {
        j1 = ip1div2 - 1 - ll - 1;
        j2 = ip1div2 + ll + roundf - 1;
      }
    }
    return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
  }

  /** Pr(D_n <= x) by the Pelz-Good asymptotic series (Pelz and Good 1976). */
  static double pelzGood(int n, double x) {
    if (x <= 0.0) {
      return 0.0;
    }
    if (x >= 1.0) {
      return 1.0;
    }
    double z = Math.sqrt(n) * x;
    double zsquared = z * z;
    double zthree = Math.pow(z, 3);
    double zfour = Math.pow(z, 4);
    double zsix = Math.pow(z, 6);
    double qlog = -PI_SQUARED / 8 / zsquared;
    if (qlog < MIN_LOG) {
      return 0.0;
    }
    double q = Math.exp(qlog);
    double k1a = -zsquared;
    double k1b = PI_SQUARED / 4;
    double k2a = 6 * zsix + 2 * zfour;
    double k2b = (2 * zfour - 5 * zsquared) * PI_SQUARED / 4;
    double k2c = PI_FOUR * (1 - 2 * zsquared) / 16;
    double k3d = PI_SIX * (5 - 30 * zsquared) / 64;
    double k3c = PI_FOUR * (-60 * zsquared + 212 * zfour) / 16;
    double k3b = PI_SQUARED * (135 * zfour - 96 * zsix) / 4;
    double k3a = -30 * zsix - 90 * Math.pow(z, 8);
    double[] k = new double[4];
    int maxk = (int) Math.ceil(16 * z / Math.PI);
    for (int kk = maxk; kk > 0; kk--) {
      double m = 2 * kk - 1;
      double msquared = m * m;
      double mfour = Math.pow(m, 4);
      double msix = Math.pow(m, 6);
      double qpower = Math.pow(q, 8 * kk);
      k[0] = k[0] * qpower + 1.0;
      k[1] = k[1] * qpower + (k1a + k1b * msquared);
      k[2] = k[2] * qpower + (k2a + k2b * msquared + k2c * mfour);
      k[3] = k[3] * qpower + (k3a + k3b * msquared + k3c * mfour + k3d * msix);
    }
    double[] div = {z, 6 * zfour, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
    for (int i = 0; i < 4; i++) {
      k[i] = k[i] * q * SQRT2PI / div[i];
    }
    double q2 = Math.exp(-PI_SQUARED / 2 / zsquared);
    double sqrt3z = SQRT3 * z;
    double k2extra = 0;
    double k3extra = 0;
    for (int kk = maxk; kk > 0; kk--) {
      double ksq = (double) kk * kk;
      double kspi = Math.PI * kk;
      double qp = Math.pow(q2, ksq);
      k2extra += ksq * qp;
      k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
    }
    k2extra *= PI_SQUARED * SQRT2PI / (-36 * zthree);
    k[2] += k2extra;
    k3extra *= PI_SQUARED * SQRT2PI / (216 * zsix);
    k[3] += k3extra;
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += k[i] / Math.pow(n, i / 2.0);
    }
    return sum;
  }

  // ------------------------------------------------------------------ Smirnov (one-sided, one sample)

  /**
   * Pr(D+_n >= x), as scipy.special.smirnov(n, x): the Birnbaum-Tingey sum of positive terms,
   * evaluated in log space with incremental binomial coefficients.
   */
  static double smirnovSf(int n, double x) {
    if (!(n > 0 && x >= 0.0 && x <= 1.0)) {
      return Double.NaN;
    }
    if (n == 1) {
      return 1 - x;
    }
    if (x == 0.0) {
      return 1.0;
    }
    if (x == 1.0) {
      return 0.0;
    }
    // floor(n * x) and its remainder, exactly (scipy's modNX)
    double nx = n * x;
    double err = Math.fma(n, x, -nx);
    double nxFloor = Math.floor(nx);
    double alpha = (nx - nxFloor) + err;
    if (alpha < 0) {
      nxFloor -= 1;
      alpha += 1;
    }
    if (alpha >= 1) {
      nxFloor += 1;
      alpha = 0;
    }
    int nxfl = (int) nxFloor;
    int n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
    if (alpha == 0) {
      n1mxfl -= 1;
    }
    if (nxfl == 0 || (nxfl == 1 && alpha == 0)) { // x <= 1/n
      double t = Math.pow(1 + x, n - 1);
      return 1 - x * t;
    }
    if (-2 * n * x * x < CEPHES_MINLOG) {
      return 0.0;
    }
    if (nxfl >= n - 1) { // x >= 1 - 1/n
      return Math.pow(1 - x, n);
    }
    if (n > SMIRNOV_MAX_COMPUTE_N) {
      double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
      if (logp < -Math.log(2)) {
        return Math.exp(logp);
      }
      return 1 - (-Math.expm1(logp));
    }
    int nTerms = n1mxfl + 1;
    double logC = 0.0;
    double scale = Double.NEGATIVE_INFINITY;
    double sum = 0.0;
    int vmid = n / 2;
    for (int v = 0; v < nTerms; v++) {
      double s = x + (double) v / n;
      double rest = (double) (n - v) / n - x;
      double logA = logC + (v - 1) * Math.log(s) + (n - v) * Math.log(rest);
      if (logA > scale) {
        sum = sum * Math.exp(scale - logA) + 1.0;
        scale = logA;
      } else if (logA > Double.NEGATIVE_INFINITY) {
        double a = Math.exp(logA - scale);
        sum += a;
        if (4.0 * (nTerms - v) * a < Math.ulp(1.0) * sum && v != nTerms - 1) {
          break;
        }
      } else if (v > vmid) {
        break;
      }
      logC += Math.log((double) (n - v) / (v + 1.0));
    }
    return clip(Math.exp(Math.log(x) + scale + Math.log(sum)));
  }

  // ------------------------------------------------------------------ exact two-sample counts

  /**
   * Pr(D_{n,n} >= h/n) for two samples of equal size n, as scipy's
   * {@code _compute_prob_outside_square}: 2 * sum_k (-1)^(k-1) C(2n, n-kh) / C(2n, n), evaluated
   * Horner-style to avoid cancellation.
   */
  static double probOutsideSquare(int n, int h) {
    double p = 0.0;
    int k = (int) Math.floor((double) n / h);
    while (k >= 0) {
      double p1 = 1.0;
      for (int j = 0; j < h; j++) {
        p1 = (n - (long) k * h - j) * p1 / (n + (long) k * h + j + 1);
      }
      p = p1 * (1.0 - p);
      k--;
    }
    return 2 * p;
  }

  /**
   * The proportion of lattice paths from (0, 0) to (m, n) that leave the band |x/m - y/n| < h/lcm,
   * as scipy's {@code _compute_outer_prob_inside_method} (Hodges 1958, with Viehmann's recursion
   * for 1 - p).
   */
  static double outerProbInsideMethod(int m0, int n0, int g, long h) {
    int m = Math.max(m0, n0);
    int n = Math.min(m0, n0);
    long mg = m / g;
    long ng = n / g;
    int minj = 0;
    int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1);
    int curlen = maxj - minj;
    int lenA = Math.min(2 * maxj + 2, n + 1);
    double[] a = new double[lenA];
    java.util.Arrays.fill(a, 1.0);
    for (int j = minj; j < maxj; j++) {
      a[j] = 0.0;
    }
    for (int i = 1; i <= m; i++) {
      int lastminj = minj;
      int lastlen = curlen;
      minj = (int) Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
      minj = Math.min(minj, n);
      maxj = (int) Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
      if (maxj <= minj) {
        return 1.0;
      }
      double val = minj == 0 ? 0.0 : 1.0;
      for (int jj = 0; jj < maxj - minj; jj++) {
        int j = jj + minj;
        val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
        a[jj] = val;
      }
      curlen = maxj - minj;
      if (lastlen > curlen) {
        for (int c = maxj - minj; c < maxj - minj + (lastlen - curlen) && c < lenA; c++) {
          a[c] = 1;
        }
      }
    }
    return a[maxj - minj - 1];
  }
}
