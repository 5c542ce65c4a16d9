package dev.mlsys.eval.metrics;

/**
 * The few special functions the tests in this package need, accurate to about 1e-14 relative
 * over the ranges they are used in (checked against scipy.special in the golden tests).
 */
final class SpecialFunctions {
  private static final double SQRT1_2 = 0.7071067811865476;
  private static final double HALF_LOG_TWO_PI = 0.9189385332046728;
  private static final double MAX_LOG = 709.782712893384;

  // Rational approximations of erf / erfc from Cephes (S. L. Moshier, ndtr.c), as scipy uses.
  private static final double[] ERFC_P = {
    2.46196981473530512524E-10, 5.64189564831068821977E-1, 7.46321056442269912687E0,
    4.86371970985681366614E1, 1.96520832956077098242E2, 5.26445194995477358631E2,
    9.34528527171957607540E2, 1.02755188689515710272E3, 5.57535335369399327526E2};
  private static final double[] ERFC_Q = {
    1.32281951154744992508E1, 8.67072140885989742329E1, 3.54937778887819891062E2,
    9.75708501743205489753E2, 1.82390916687909736289E3, 2.24633760818710981792E3,
    1.65666309194161350182E3, 5.57535340817727675546E2};
  private static final double[] ERFC_R = {
    5.64189583547755073984E-1, 1.27536670759978104416E0, 5.01905042251180477414E0,
    6.16021097993053585195E0, 7.40974269950448939160E0, 2.97886665372100240670E0};
  private static final double[] ERFC_S = {
    2.26052863220117276590E0, 9.39603524938001434673E0, 1.20489539808096656605E1,
    1.70814450747565897222E1, 9.60896809063285878198E0, 3.36907645100081516050E0};
  private static final double[] ERF_T = {
    9.60497373987051638749E0, 9.00260197203842689217E1, 2.23200534594684319226E3,
    7.00332514112805075473E3, 5.55923013010394962768E4};
  private static final double[] ERF_U = {
    3.35617141647503099647E1, 5.21357949780152679795E2, 4.59432382970980127987E3,
    2.26290000613890934246E4, 4.92673942608635921086E4};

  private SpecialFunctions() {}

  static double erf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < 0) {
      return -erf(-x);
    }
    if (x > 1) {
      return 1 - erfc(x);
    }
    double z = x * x;
    return x * polynomial(z, ERF_T) / monicPolynomial(z, ERF_U);
  }

  static double erfc(double a) {
    if (Double.isNaN(a)) {
      return Double.NaN;
    }
    double x = Math.abs(a);
    if (x < 1) {
      return 1 - erf(a);
    }
    double z = -a * a;
    if (z < -MAX_LOG) {
      return a < 0 ? 2 : 0;
    }
    z = Math.exp(z);
    double p;
    double q;
    if (x < 8) {
      p = polynomial(x, ERFC_P);
      q = monicPolynomial(x, ERFC_Q);
    } else {
      p = polynomial(x, ERFC_R);
      q = monicPolynomial(x, ERFC_S);
    }
    double y = z * p / q;
    if (a < 0) {
      y = 2 - y;
    }
    return y == 0 ? (a < 0 ? 2 : 0) : y;
  }

  /** Standard normal lower tail, as scipy's ndtr. */
  static double normalCdf(double a) {
    double x = a * SQRT1_2;
    double z = Math.abs(x);
    if (z < SQRT1_2) {
      return 0.5 + 0.5 * erf(x);
    }
    double y = 0.5 * erfc(z);
    return x > 0 ? 1 - y : y;
  }

  /** Standard normal upper tail, accurate far into the tail. */
  static double normalSf(double x) {
    return normalCdf(-x);
  }

  /** Two-sided p-value of a standard normal statistic. */
  static double normalTwoSided(double z) {
    return Math.min(1.0, 2 * normalSf(Math.abs(z)));
  }

  /** Standard normal quantile: Wichura (1988), Algorithm AS 241 (PPND16), Applied Statistics 37(3). */
  static double normalQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      if (p == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      if (p == 1) {
        return Double.POSITIVE_INFINITY;
      }
      return Double.NaN;
    }
    double q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      return q * (((((((2.5090809287301226727E3 * r + 3.3430575583588128105E4) * r
          + 6.7265770927008700853E4) * r + 4.5921953931549871457E4) * r
          + 1.3731693765509461125E4) * r + 1.9715909503065514427E3) * r
          + 1.3314166789178437745E2) * r + 3.3871328727963666080E0)
          / (((((((5.2264952788528545610E3 * r + 2.8729085735721942674E4) * r
          + 3.9307895800092710610E4) * r + 2.1213794301586595867E4) * r
          + 5.3941960214247511077E3) * r + 6.8718700749205790830E2) * r
          + 4.2313330701600911252E1) * r + 1.0);
    }
    double r = q < 0 ? p : 1 - p;
    r = Math.sqrt(-Math.log(r));
    double value;
    if (r <= 5) {
      r -= 1.6;
      value = (((((((7.74545014278341407640E-4 * r + 2.27238449892691845833E-2) * r
          + 2.41780725177450611770E-1) * r + 1.27045825245236838258E0) * r
          + 3.64784832476320460504E0) * r + 5.76949722146069140550E0) * r
          + 4.63033784615654529590E0) * r + 1.42343711074968357734E0)
          / (((((((1.05075007164441684324E-9 * r + 5.47593808499534494600E-4) * r
          + 1.51986665636164571966E-2) * r + 1.48103976427480074590E-1) * r
          + 6.89767334985100004550E-1) * r + 1.67638483018380384940E0) * r
          + 2.05319162663775882187E0) * r + 1.0);
    } else {
      r -= 5;
      value = (((((((2.01033439929228813265E-7 * r + 2.71155556874348757815E-5) * r
          + 1.24266094738807843860E-3) * r + 2.65321895265761230930E-2) * r
          + 2.96560571828504891230E-1) * r + 1.78482653991729133580E0) * r
          + 5.46378491116411436990E0) * r + 6.65790464350110377720E0)
          / (((((((2.04426310338993978564E-15 * r + 1.42151175831644588870E-7) * r
          + 1.84631831751005468180E-5) * r + 7.86869131145613259100E-4) * r
          + 1.48753612908506148525E-2) * r + 1.36929880922735805310E-1) * r
          + 5.99832206555887937690E-1) * r + 1.0);
    }
    return q < 0 ? -value : value;
  }

  /**
   * log Gamma(x) for x &gt; 0: the Stirling series with eight Bernoulli terms for x &gt;= 10,
   * shifted up by the recurrence Gamma(x + 1) = x Gamma(x) below that.
   */
  static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs x > 0 but was: " + x);
    }
    double shift = 0;
    if (x < 10) {
      double product = 1;
      while (x < 10) {
        product *= x;
        x += 1;
      }
      shift = Math.log(product);
    }
    double inv = 1 / x;
    double inv2 = inv * inv;
    double series = inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680
        + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156 + inv2 * (-3617.0 / 122400))))))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
  }

  /**
   * The regularized incomplete beta function I_x(a, b), by its continued fraction evaluated with
   * the modified Lentz method (Press et al., Numerical Recipes, 3rd ed., section 6.4).
   */
  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(logFront) * betaContinuedFraction(x, a, b) / a;
    }
    return 1 - Math.exp(logFront) * betaContinuedFraction(1 - x, b, a) / b;
  }

  private static double betaContinuedFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (Math.abs(d) < tiny) {
      d = tiny;
    }
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10_000; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        return h;
      }
    }
    return h;
  }

  /** Two-sided p-value of Student's t statistic with df degrees of freedom (df may be fractional). */
  static double studentTTwoSided(double t, double df) {
    if (Double.isNaN(t) || Double.isNaN(df)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return 0;
    }
    double x = df / (df + t * t);
    return Math.min(1.0, regularizedBeta(x, df / 2, 0.5));
  }

  /** Upper tail of the chi-squared distribution with one degree of freedom. */
  static double chiSquaredOneSf(double x) {
    return x <= 0 ? 1 : erfc(Math.sqrt(x / 2));
  }

  /** P(X &lt;= k) for X ~ Binomial(n, 1/2). */
  static double binomialHalfCdf(long k, long n) {
    if (k < 0) {
      return 0;
    }
    if (k >= n) {
      return 1;
    }
    return regularizedBeta(0.5, n - k, k + 1.0);
  }

  private static double polynomial(double x, double[] c) {
    double r = c[0];
    for (int i = 1; i < c.length; i++) {
      r = r * x + c[i];
    }
    return r;
  }

  private static double monicPolynomial(double x, double[] c) {
    double r = x + c[0];
    for (int i = 1; i < c.length; i++) {
      r = r * x + c[i];
    }
    return r;
  }
}
