package dev.mlsys.serving.routing;

/**
 * The standard normal distribution to double precision: the upper tail through the complementary
 * error function and the quantile function. Stateless and thread-safe.
 */
final class Normal {
  private static final double SQRT_HALF = 0.70710678118654752440;
  private static final double ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;

  // W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969);
  // coefficients of Netlib SPECFUN CALERF.
  private static final double[] A = {
    3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03,
    1.85777706184603153e-1};
  private static final double[] B = {
    2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03};
  private static final double[] C = {
    5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02,
    8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03,
    2.15311535474403846e-8};
  private static final double[] D = {
    1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
    3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03};
  private static final double[] P = {
    3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2,
    6.58749161529837803e-4, 1.63153871373020978e-2};
  private static final double[] Q = {
    2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1, 6.05183413124413191e-2,
    2.33520497626869185e-3};
  private static final double XBIG = 26.543;

  // M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
  // Applied Statistics 37 (1988) 477-484 (PPND16), coefficients in ascending powers.
  private static final double[] QA = {
    3.3871328727963666080e0, 1.3314166789178437745e2, 1.9715909503065514427e3, 1.3731693765509461125e4,
    4.5921953931549871457e4, 6.7265770927008700853e4, 3.3430575583588128105e4, 2.5090809287301226727e3};
  private static final double[] QB = {
    1.0, 4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3,
    2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4, 5.2264952788528545610e3};
  private static final double[] QC = {
    1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
    1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4};
  private static final double[] QD = {
    1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
    1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9};
  private static final double[] QE = {
    6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
    2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7};
  private static final double[] QF = {
    1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
    7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15};

  private Normal() {}

  /**
   * @param z a standard normal deviate
   * @return P(Z &gt; z), accurate in the far tail (no cancellation)
   */
  static double sf(double z) {
    return 0.5 * erfc(z * SQRT_HALF);
  }

  /**
   * @param z a standard normal deviate
   * @return the two-sided p-value P(|Z| &gt;= |z|)
   */
  static double twoSidedP(double z) {
    return Math.min(1.0, erfc(Math.abs(z) * SQRT_HALF));
  }

  /**
   * @param p a probability in (0, 1)
   * @return the z with P(Z &lt;= z) = p; -inf at 0 and +inf at 1
   */
  static double quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1] but was: " + p);
    }
    double q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      return q * poly(QA, r) / poly(QB, r);
    }
    double r = q < 0 ? p : 1 - p;
    if (r == 0) {
      return q < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    r = Math.sqrt(-Math.log(r));
    double z;
    if (r <= 5) {
      r -= 1.6;
      z = poly(QC, r) / poly(QD, r);
    } else {
      r -= 5;
      z = poly(QE, r) / poly(QF, r);
    }
    return q < 0 ? -z : z;
  }

  /** The complementary error function, after Cody's CALERF. */
  static double erfc(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    double y = Math.abs(x);
    if (y <= 0.46875) {
      double ysq = y > 1.11e-16 ? y * y : 0;
      double num = A[4] * ysq;
      double den = ysq;
      for (int i = 0; i < 3; i++) {
        num = (num + A[i]) * ysq;
        den = (den + B[i]) * ysq;
      }
      return 1 - x * (num + A[3]) / (den + B[3]);
    }
    double result;
    if (y <= 4) {
      double num = C[8] * y;
      double den = y;
      for (int i = 0; i < 7; i++) {
        num = (num + C[i]) * y;
        den = (den + D[i]) * y;
      }
      result = scaledByGaussian(y, (num + C[7]) / (den + D[7]));
    } else if (y >= XBIG) {
      result = 0;
    } else {
      double ysq = 1 / (y * y);
      double num = P[5] * ysq;
      double den = ysq;
      for (int i = 0; i < 4; i++) {
        num = (num + P[i]) * ysq;
        den = (den + Q[i]) * ysq;
      }
      double r = ysq * (num + P[4]) / (den + Q[4]);
      result = scaledByGaussian(y, (ONE_OVER_SQRT_PI - r) / y);
    }
    return x < 0 ? 2 - result : result;
  }

  /** exp(-y^2) * r, splitting y^2 so that the exponent keeps its low bits (Cody's trick). */
  private static double scaledByGaussian(double y, double r) {
    double ysq = Math.floor(y * 16) / 16;
    double del = (y - ysq) * (y + ysq);
    return Math.exp(-ysq * ysq) * Math.exp(-del) * r;
  }

  private static double poly(double[] c, double x) {
    double v = c[c.length - 1];
    for (int i = c.length - 2; i >= 0; i--) {
      v = v * x + c[i];
    }
    return v;
  }
}
