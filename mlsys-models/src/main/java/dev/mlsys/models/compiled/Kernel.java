package dev.mlsys.models.compiled;

/**
 * The arithmetic of one compiled model over flat primitive arrays. A kernel reads an input vector
 * at an offset and writes its whole output (class probabilities, or one value) at an offset; it
 * never allocates on that path and never keeps either array.
 *
 * <p>Thread-safety: kernels are immutable after construction; kernels that need scratch space
 * keep it per thread.
 */
abstract class Kernel {
  /** The length of the input vectors. */
  final int width;
  /** The number of values written per input. */
  final int outputs;

  Kernel(int width, int outputs) {
    this.width = width;
    this.outputs = outputs;
  }

  /**
   * Writes the output for the vector {@code x[xo, xo + width)} into {@code out[oo, oo + outputs)},
   * overwriting whatever was there.
   */
  abstract void output(double[] x, int xo, double[] out, int oo);

  /**
   * Writes the outputs of {@code n} row-major vectors stored one after the other in {@code rows}.
   * Kernels override this where a batch loop is faster than one row at a time.
   */
  void outputRows(double[] rows, int n, double[] out) {
    for (int i = 0, xo = 0, oo = 0; i < n; i++, xo += width, oo += outputs) {
      output(rows, xo, out, oo);
    }
  }

  /**
   * Writes the outputs of the rows {@code [0, n)} of a column-major batch, {@code columns[j][i]}
   * being feature {@code j} of row {@code i}. The default gathers each row into one buffer per
   * call; linear kernels override it with loops over whole columns.
   */
  void outputColumns(double[][] columns, int n, double[] out) {
    double[] row = new double[width];
    for (int i = 0, oo = 0; i < n; i++, oo += outputs) {
      for (int j = 0; j < width; j++) {
        row[j] = columns[j][i];
      }
      output(row, 0, out, oo);
    }
  }

  /** @return whether the vector {@code x[xo, xo + width)} holds a missing value (NaN) */
  final boolean hasMissing(double[] x, int xo) {
    boolean missing = false;
    for (int j = 0; j < width; j++) {
      double v = x[xo + j];
      missing |= v != v;
    }
    return missing;
  }

  /**
   * Whether a tree kernel should scan each input once for missing values and then walk its trees
   * without per-split checks: worth it when the splits visited outnumber the inputs.
   */
  final boolean scanFirst(int trees, int depth) {
    return (long) trees * (depth < 0 ? 8 : depth) > width;
  }

  /** @return a one-line account of the compiled form, for {@code toString} */
  abstract String describe();
}
