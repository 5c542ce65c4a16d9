package dev.mlsys.eval.slices;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Row;
import java.util.Objects;

/**
 * One evaluated row: the row, its actual outcome and the model's prediction.
 *
 * <p>Immutable value.
 *
 * @param row the row (features used for slicing)
 * @param actual the actual label ({@link String}) or value ({@link Double})
 * @param prediction the model's prediction
 */
public record Example(Row row, Object actual, Prediction prediction) {

  /** @throws NullPointerException if any part is null */
  public Example {
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(prediction, "prediction");
  }

  /** @return the actual label as text */
  public String actualLabel() {
    return actual.toString();
  }

  /**
   * @return the actual value of a regression example
   * @throws IllegalStateException if the actual outcome is not a number
   */
  public double actualValue() {
    if (actual instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalStateException("actual outcome '" + actual + "' is a label, not a number");
  }

  /** @return whether the predicted label equals the actual one */
  public boolean correct() {
    return actual.toString().equals(prediction.label());
  }
}
