package dev.mlsys.models.compiled;

/**
 * An mlsys {@code StackingModel}: the base models' outputs (one column for regression and binary
 * bases, the positive class; every class otherwise), then the input features when passed through,
 * make the meta-model's input, built in a per-thread scratch buffer.
 *
 * <p>Thread-safety: immutable; the scratch buffers are per thread.
 */
final class StackingKernel extends Kernel {
  private final Kernel[] bases;
  private final int perBase;
  /** Input positions of the passed-through features, in the model's feature order; empty if none. */
  private final int[] passthrough;
  private final Kernel meta;
  private final ThreadLocal<double[][]> scratch;

  StackingKernel(int width, Kernel[] bases, int perBase, int[] passthrough, Kernel meta) {
    super(width, meta.outputs);
    this.bases = bases;
    this.perBase = perBase;
    this.passthrough = passthrough;
    this.meta = meta;
    int baseOut = bases[0].outputs;
    int z = meta.width;
    this.scratch = ThreadLocal.withInitial(() -> new double[][] {new double[baseOut], new double[z]});
  }

  @Override
  void output(double[] x, int xo, double[] out, int oo) {
    double[][] s = scratch.get();
    double[] o = s[0];
    double[] z = s[1];
    int n = bases[0].outputs;
    for (int m = 0; m < bases.length; m++) {
      bases[m].output(x, xo, o, 0);
      if (perBase == 1) {
        z[m] = n == 2 ? o[1] : o[0];
      } else {
        System.arraycopy(o, 0, z, m * perBase, perBase);
      }
    }
    int at = perBase * bases.length;
    for (int j = 0; j < passthrough.length; j++) {
      z[at + j] = x[xo + passthrough[j]];
    }
    meta.output(z, 0, out, oo);
  }

  @Override
  String describe() {
    return "stacking(" + bases.length + " bases, meta " + meta.describe() + ")";
  }
}
