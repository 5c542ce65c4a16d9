package dev.mlsys.eval.slices;

/**
 * A warning that the aggregate comparison of two models reverses within every slice of a
 * grouping (Simpson 1951): one model is better overall only because the slices' sizes differ.
 * Compare the models slice by slice, or re-weight to the population that matters.
 *
 * <p>Immutable value.
 *
 * @param grouping the grouping whose every slice disagrees with the aggregate
 * @param message the numbers, in words
 */
public record SimpsonsParadox(String grouping, String message) {}
