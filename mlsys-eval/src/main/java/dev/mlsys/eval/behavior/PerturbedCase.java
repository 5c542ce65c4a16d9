package dev.mlsys.eval.behavior;

import dev.mlsys.api.Row;
import java.util.Objects;

/**
 * One generated case of a perturbation test: a row and its perturbed copy.
 * {@code perturbation.apply(original, new SplittableRandom(seed))} reproduces {@code perturbed}.
 *
 * <p>Immutable value.
 *
 * @param row the index of the original row in the test's rows
 * @param sample which of the row's samples this is, 0-based
 * @param seed the seed of the case's generator
 * @param original the original row
 * @param perturbed the perturbed row; equal to {@code original} when the perturbation did not apply
 */
public record PerturbedCase(int row, int sample, long seed, Row original, Row perturbed) {

  /** @throws NullPointerException if a row is null */
  public PerturbedCase {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(perturbed, "perturbed");
  }

  /** @return whether the perturbation changed the row */
  public boolean changed() {
    return !original.equals(perturbed);
  }
}
