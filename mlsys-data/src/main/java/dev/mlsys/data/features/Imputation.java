package dev.mlsys.data.features;

import java.util.Locale;
import java.util.Objects;

/**
 * How a feature fills in a missing value: with a statistic of the training data (mean, median,
 * most frequent value) learned at fit time, or with a constant. Pair it with
 * {@link NumericFeature#missingIndicator()} or {@link CategoricalFeature#missingIndicator()} so a
 * model still sees that the value was missing.
 *
 * <p>Ties of the most frequent value go to the smallest value (numerically for numbers,
 * lexicographically for strings), as in scikit-learn's {@code SimpleImputer}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Imputation {

  /** The statistic or constant used to fill a missing value. */
  public enum Strategy {
    /** The mean of the observed training values (numeric features). */
    MEAN,
    /** The median of the observed training values (numeric features). */
    MEDIAN,
    /** The most frequent observed training value (numeric or categorical features). */
    MOST_FREQUENT,
    /** A fixed value given up front. */
    CONSTANT;

    String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private static final Imputation MEAN = new Imputation(Strategy.MEAN, null);
  private static final Imputation MEDIAN = new Imputation(Strategy.MEDIAN, null);
  private static final Imputation MOST_FREQUENT = new Imputation(Strategy.MOST_FREQUENT, null);

  private final Strategy strategy;
  private final Object constant;

  private Imputation(Strategy strategy, Object constant) {
    this.strategy = strategy;
    this.constant = constant;
  }

  /** @return imputation with the training mean (numeric features only) */
  public static Imputation mean() {
    return MEAN;
  }

  /** @return imputation with the training median (numeric features only) */
  public static Imputation median() {
    return MEDIAN;
  }

  /** @return imputation with the most frequent training value */
  public static Imputation mostFrequent() {
    return MOST_FREQUENT;
  }

  /**
   * @param value the number that replaces a missing value
   * @return imputation with a constant (numeric features only)
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  public static Imputation constant(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("constant imputation value must be finite but was: " + value);
    }
    return new Imputation(Strategy.CONSTANT, value);
  }

  /**
   * @param value the category that replaces a missing value
   * @return imputation with a constant (categorical features only)
   * @throws NullPointerException if {@code value} is null
   */
  public static Imputation constant(String value) {
    return new Imputation(Strategy.CONSTANT, Objects.requireNonNull(value, "value"));
  }

  /** @return the strategy */
  public Strategy strategy() {
    return strategy;
  }

  /** @return the constant ({@link Double} or {@link String}) of a constant imputation, else {@code null} */
  public Object constant() {
    return constant;
  }

  /** Whether this imputation can fill a numeric feature. */
  boolean fitsNumeric() {
    return strategy != Strategy.CONSTANT || constant instanceof Double;
  }

  /** Whether this imputation can fill a categorical feature. */
  boolean fitsCategorical() {
    return strategy == Strategy.MOST_FREQUENT || constant instanceof String;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Imputation i && strategy == i.strategy && Objects.equals(constant, i.constant);
  }

  @Override
  public int hashCode() {
    return Objects.hash(strategy, constant);
  }

  @Override
  public String toString() {
    return strategy == Strategy.CONSTANT ? "constant(" + constant + ")" : strategy.id();
  }
}
