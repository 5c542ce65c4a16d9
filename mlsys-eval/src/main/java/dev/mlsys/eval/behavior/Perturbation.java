package dev.mlsys.eval.behavior;

import dev.mlsys.api.Row;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A change to a row that a behavioral test expects the model to ignore (invariance) or to
 * answer in a known direction (directional expectation). Build them with {@link Perturbations};
 * any lambda is one too:
 *
 * <pre>{@code
 * Perturbation doubleIncome = (row, random) -> row.with("income", row.getDouble("income") * 2);
 * }</pre>
 *
 * <p>A perturbation draws any randomness from the generator it is given, never from elsewhere,
 * so that a test's seed reproduces every case. Returning the row unchanged means "does not
 * apply to this row" (a typo in an empty text); tests count such cases as skipped.
 * Implementations must be stateless and thread-safe.
 */
@FunctionalInterface
public interface Perturbation {

  /**
   * @param row a validated row (it may carry a label, which perturbations leave alone)
   * @param random the only source of randomness to use
   * @return the perturbed row, or {@code row} itself when the perturbation does not apply
   * @throws IllegalArgumentException if the row lacks a field the perturbation needs, or the
   *     field has the wrong type
   */
  Row apply(Row row, RandomGenerator random);

  /** @return what the perturbation does, for reports; "custom perturbation" unless named */
  default String description() {
    return "custom perturbation";
  }

  /**
   * @param text what the perturbation does, for reports
   * @return this perturbation under that description
   */
  default Perturbation named(String text) {
    Objects.requireNonNull(text, "text");
    Perturbation self = this;
    return new Perturbation() {
      @Override
      public Row apply(Row row, RandomGenerator random) {
        return self.apply(row, random);
      }

      @Override
      public String description() {
        return text;
      }
    };
  }

  /**
   * @param next a perturbation applied to this one's output, with the same generator
   * @return both, in order
   */
  default Perturbation andThen(Perturbation next) {
    Objects.requireNonNull(next, "next");
    Perturbation self = this;
    String text = description() + ", then " + next.description();
    return new Perturbation() {
      @Override
      public Row apply(Row row, RandomGenerator random) {
        return next.apply(self.apply(row, random), random);
      }

      @Override
      public String description() {
        return text;
      }
    };
  }
}
