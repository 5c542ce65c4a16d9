package dev.mlsys.eval.slices;

import java.util.List;

/**
 * Two models compared overall and per slice on the same examples, with Simpson's-paradox
 * warnings.
 *
 * <p>Immutable value.
 *
 * @param metric the metric's name
 * @param higherIsBetter whether larger values are better
 * @param overallA the first model's metric on all examples
 * @param overallB the second model's metric on all examples
 * @param slices every slice of at least the minimum size
 * @param paradoxes one warning per grouping in which every slice reverses the aggregate comparison
 */
public record SliceComparison(String metric, boolean higherIsBetter, double overallA, double overallB,
    List<ComparedSlice> slices, List<SimpsonsParadox> paradoxes) {

  /** Copies the lists. */
  public SliceComparison {
    slices = List.copyOf(slices);
    paradoxes = List.copyOf(paradoxes);
  }

  /** @return whether any grouping shows Simpson's paradox */
  public boolean simpsonsParadox() {
    return !paradoxes.isEmpty();
  }
}
