package dev.mlsys.data.split;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * A seeded random hold-out split with exact part sizes (largest-remainder rounding of
 * {@code n * fraction}). Made by {@link Splits#random(double...)}.
 *
 * <pre>{@code
 * Split s = Splits.random(0.7, 0.15, 0.15).seed(7).split(rows.size());
 * }</pre>
 *
 * <p>Immutable; {@link #seed(long)} returns a copy. Thread-safe.
 */
public final class RandomSplit {
  private final double[] fractions;
  private final boolean withValidation;
  private final long seed;

  RandomSplit(double[] fractions, boolean withValidation, long seed) {
    this.fractions = fractions;
    this.withValidation = withValidation;
    this.seed = seed;
  }

  /**
   * @param seed the seed of the shuffle (default 0)
   * @return a copy with the seed
   */
  public RandomSplit seed(long seed) {
    return new RandomSplit(fractions, withValidation, seed);
  }

  /**
   * @param n the number of rows
   * @return the split
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public Split split(int n) {
    Indices.checkCount(n);
    int[] sizes = Apportion.sizes(n, fractions);
    int[] order = Indices.identity(n);
    Indices.shuffle(order, new SplittableRandom(seed));
    int[] train = Indices.sorted(order, 0, sizes[0]);
    int[] validation = Indices.sorted(order, sizes[0], sizes[0] + sizes[1]);
    int[] test = Indices.sorted(order, sizes[0] + sizes[1], n);
    return new Split(n, train, validation, test, new SplitProvenance("random", OptionalLong.of(seed),
        Indices.given(fractions, withValidation), List.of(sizes[0], sizes[1], sizes[2]), new LinkedHashMap<>()));
  }

  /**
   * @param items the items to split (only their number matters)
   * @return the split of {@code items.size()} rows
   */
  public Split split(List<?> items) {
    return split(Objects.requireNonNull(items, "items").size());
  }

  @Override
  public String toString() {
    return "random" + Indices.given(fractions, withValidation) + " seed=" + seed;
  }
}
