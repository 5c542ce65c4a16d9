/**
 * Slice-based evaluation over api rows: metrics per slice and per cross of slices with intervals,
 * minimum slice sizes, the worst slices, automatic discovery of underperforming slices over
 * categorical columns, and a Simpson's-paradox warning when two models are compared.
 *
 * <p>Entry point: {@link dev.mlsys.eval.slices.SliceAnalysis}; slices are cut by
 * {@link dev.mlsys.eval.slices.SliceBy} or defined by {@link dev.mlsys.eval.slices.Slice}, and
 * measured by {@link dev.mlsys.eval.slices.SliceMetrics}.
 */
package dev.mlsys.eval.slices;
