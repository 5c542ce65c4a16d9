package dev.mlsys.eval.slices;

/**
 * A slice left out of the metrics because it holds fewer examples than the minimum size; listed
 * so that nothing is dropped silently.
 *
 * <p>Immutable value.
 *
 * @param grouping the grouping it comes from
 * @param slice its name
 * @param size its number of examples
 */
public record SmallSlice(String grouping, String slice, long size) {}
