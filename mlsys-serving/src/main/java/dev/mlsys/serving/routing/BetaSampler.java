package dev.mlsys.serving.routing;

import java.util.SplittableRandom;

/** Beta variates from two gamma variates. Stateless; the caller owns the generator. */
final class BetaSampler {
  private BetaSampler() {}

  /**
   * @return a draw from Beta(a, b), as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b)
   */
  static double beta(SplittableRandom random, double a, double b) {
    double x = gamma(random, a);
    double y = gamma(random, b);
    return x / (x + y);
  }

  /**
   * Marsaglia and Tsang, "A simple method for generating gamma variables", ACM TOMS 26 (2000):
   * squeeze-and-reject on a transformed normal, for shape >= 1; shape &lt; 1 is boosted by
   * Gamma(a) = Gamma(a + 1) * U^(1/a) (section 6 of the paper).
   */
  static double gamma(SplittableRandom random, double shape) {
    if (!(shape > 0)) {
      throw new IllegalArgumentException("gamma shape must be > 0 but was: " + shape);
    }
    if (shape < 1) {
      double u = random.nextDouble();
      return gamma(random, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = random.nextGaussian();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = random.nextDouble();
      double x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) {
        return d * v;
      }
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }
}
