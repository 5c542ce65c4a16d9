package dev.mlsys.monitor.stats;

/**
 * The modified Bessel function of the second kind, scaled: e^-x K_nu(x), from the integral
 * K_nu(x) = int_0^inf exp(-x cosh t) cosh(nu t) dt (DLMF 10.32.9) by the trapezoidal rule, which
 * converges geometrically for this analytic, doubly-exponentially decaying integrand (Trefethen
 * and Weideman 2014, section 5). Used for the Cramér-von Mises limiting distribution only.
 */
final class BesselK {
  private static final double STEP = 0.05;

  private BesselK() {}

  /** @return e^-x K_nu(x) for x > 0 and |nu| < 1 */
  static double scaledDown(double nu, double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("x must be > 0 but was: " + x);
    }
    // integrand exp(-x (1 + cosh t)) cosh(nu t); past its peak it falls doubly exponentially
    double sum = 0.5 * Math.exp(-2 * x);
    double peak = x < 1 ? Math.log(2 / x) : 0; // cosh t ~ 1/x where the decay sets in
    for (int i = 1; ; i++) {
      double t = i * STEP;
      double f = Math.exp(-x * (1 + Math.cosh(t))) * Math.cosh(nu * t);
      sum += f;
      if (t > peak && f <= 1e-18 * sum) {
        break;
      }
      if (f == 0 && t > peak) {
        break;
      }
    }
    return sum * STEP;
  }
}
