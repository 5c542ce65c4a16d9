package dev.mlsys.eval.metrics;

/**
 * Regression metrics, equal to scikit-learn 1.2's to 1e-9. Arguments follow scikit-learn's order:
 * actual first, predicted second; both finite, same length, not empty.
 *
 * <p>Pure functions: thread-safe; arguments are not modified.
 */
public final class RegressionMetrics {
  /** The floor on |actual| in {@link #meanAbsolutePercentageError}: float64 epsilon, as scikit-learn. */
  public static final double MAPE_EPSILON = 0x1.0p-52;

  private RegressionMetrics() {}

  /**
   * @param actual true values
   * @param predicted predicted values
   * @return the mean absolute error
   * @throws IllegalArgumentException if lengths differ, the input is empty or a value is not finite
   */
  public static double meanAbsoluteError(double[] actual, double[] predicted) {
    check(actual, predicted);
    double[] e = new double[actual.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = Math.abs(actual[i] - predicted[i]);
    }
    return Inputs.mean(e);
  }

  /** @return the mean squared error; arguments as {@link #meanAbsoluteError} */
  public static double meanSquaredError(double[] actual, double[] predicted) {
    check(actual, predicted);
    double[] e = new double[actual.length];
    for (int i = 0; i < e.length; i++) {
      double d = actual[i] - predicted[i];
      e[i] = d * d;
    }
    return Inputs.mean(e);
  }

  /** @return the square root of the mean squared error; arguments as {@link #meanAbsoluteError} */
  public static double rootMeanSquaredError(double[] actual, double[] predicted) {
    return Math.sqrt(meanSquaredError(actual, predicted));
  }

  /**
   * Coefficient of determination, 1 - SS_res / SS_tot. When {@code actual} is constant, SS_tot is
   * 0: the score is 1 for a perfect prediction and 0 otherwise (scikit-learn's
   * {@code force_finite=True}).
   *
   * @return R squared, at most 1; arguments as {@link #meanAbsoluteError}
   */
  public static double r2(double[] actual, double[] predicted) {
    check(actual, predicted);
    double mean = Inputs.mean(actual);
    double[] residual = new double[actual.length];
    double[] spread = new double[actual.length];
    for (int i = 0; i < actual.length; i++) {
      double r = actual[i] - predicted[i];
      double s = actual[i] - mean;
      residual[i] = r * r;
      spread[i] = s * s;
    }
    double numerator = Inputs.sum(residual);
    double denominator = Inputs.sum(spread);
    if (denominator == 0) {
      return numerator == 0 ? 1 : 0;
    }
    return 1 - numerator / denominator;
  }

  /**
   * Mean of |actual - predicted| / max(|actual|, {@link #MAPE_EPSILON}), a fraction (not per
   * cent), as scikit-learn; an actual value of 0 gives a huge term, which is scikit-learn's
   * behaviour too.
   *
   * @return the mean absolute percentage error as a fraction; arguments as {@link #meanAbsoluteError}
   */
  public static double meanAbsolutePercentageError(double[] actual, double[] predicted) {
    check(actual, predicted);
    double[] e = new double[actual.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = Math.abs(actual[i] - predicted[i]) / Math.max(Math.abs(actual[i]), MAPE_EPSILON);
    }
    return Inputs.mean(e);
  }

  private static void check(double[] actual, double[] predicted) {
    Inputs.finite("actual", actual);
    Inputs.finite("predicted", predicted);
    Inputs.sameLength("actual", actual.length, "predicted", predicted.length);
    Inputs.nonEmpty("actual", actual.length);
  }
}
