package dev.mlsys.data.features;

import dev.mlsys.api.Row;
import java.util.List;
import java.util.Map;

/**
 * One fitted feature: the statistics learned from training data and the code that writes its
 * columns. A row and a column batch go through the same per-value methods, so both paths give
 * identical numbers. Immutable.
 */
abstract sealed class FittedFeature permits FittedNumeric, FittedCategorical {
  /** Positions of this feature's input fields in the pipeline's input list. */
  final int[] slots;

  FittedFeature(int[] slots) {
    this.slots = slots;
  }

  /** @return the specification this was fitted from */
  abstract Feature spec();

  /** @return the number of columns written */
  abstract int width();

  /** Appends the names of the columns written, in order. */
  abstract void outputNames(List<String> out);

  /**
   * Writes one row's columns.
   *
   * @param positions the row schema's position of each pipeline input, by slot
   */
  abstract void write(Row row, int[] positions, double[] out, int offset);

  /** Writes every record's columns into a row-major matrix of the given stride. */
  abstract void writeColumns(Columns columns, double[] out, int stride, int offset);

  /** @return the fitted state as a JSON object (insertion-ordered) */
  abstract Map<String, Object> toJson();
}
