package dev.mlsys.eval.calibration;

/**
 * A decision threshold on a binary score with its precision and recall.
 *
 * <p>Immutable value.
 *
 * @param threshold predict positive when score &gt;= threshold
 * @param precision tp / (tp + fp) at that threshold
 * @param recall tp / (tp + fn) at that threshold
 */
public record OperatingPoint(double threshold, double precision, double recall) {}
