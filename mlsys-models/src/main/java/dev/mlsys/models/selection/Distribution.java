package dev.mlsys.models.selection;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a random search draws one parameter from.
 *
 * <p>Thread-safety: implementations are immutable.
 */
@FunctionalInterface
public interface Distribution {

  /**
   * @param random the generator to draw with
   * @return one value
   */
  Object sample(SplittableRandom random);

  /**
   * @param values the choices, at least one
   * @return a uniform choice among them
   */
  static Distribution choice(Object... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("choice needs at least one value");
    }
    List<Object> list = List.of(values);
    return r -> list.get(r.nextInt(list.size()));
  }

  /**
   * @param low smallest value, inclusive
   * @param high largest value, exclusive; &gt; low
   * @return a uniform real number
   */
  static Distribution uniform(double low, double high) {
    if (!(high > low)) {
      throw new IllegalArgumentException("high (" + high + ") must be > low (" + low + ")");
    }
    return r -> r.nextDouble(low, high);
  }

  /**
   * @param low smallest value, &gt; 0
   * @param high largest value, &gt; low
   * @return a number whose logarithm is uniform (for learning rates, regularisation)
   */
  static Distribution logUniform(double low, double high) {
    if (!(low > 0) || !(high > low)) {
      throw new IllegalArgumentException("logUniform needs 0 < low < high but got low " + low + ", high " + high);
    }
    double a = Math.log(low);
    double b = Math.log(high);
    return r -> Math.exp(r.nextDouble(a, b));
  }

  /**
   * @param low smallest value, inclusive
   * @param high largest value, inclusive; &gt;= low
   * @return a uniform integer
   */
  static Distribution intRange(int low, int high) {
    if (high < low) {
      throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ")");
    }
    return r -> low + r.nextInt(high - low + 1);
  }
}
