package dev.mlsys.eval.slices;

/**
 * Two models' metric on one slice.
 *
 * <p>Immutable value.
 *
 * @param grouping the grouping the slice comes from
 * @param slice its name
 * @param sizeA the number of model A's examples in it
 * @param sizeB the number of model B's examples in it
 * @param valueA model A's metric
 * @param valueB model B's metric
 */
public record ComparedSlice(String grouping, String slice, long sizeA, long sizeB, double valueA, double valueB) {}
