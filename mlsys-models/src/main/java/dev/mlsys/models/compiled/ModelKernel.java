package dev.mlsys.models.compiled;

import dev.mlsys.models.TrainedModel;

/**
 * The documented fallback for a model the compiler cannot read: the model's own
 * {@link TrainedModel#output(double[])}, fed the input in the model's feature order. It allocates
 * per call and, like the model, rejects missing values.
 *
 * <p>Thread-safety: as the model (every {@code TrainedModel} is immutable).
 */
final class ModelKernel extends Kernel {
  private final TrainedModel model;
  private final int[] positions;

  ModelKernel(int width, TrainedModel model, int[] positions) {
    super(width, model.classes().isEmpty() ? 1 : model.classes().size());
    this.model = model;
    this.positions = positions;
  }

  @Override
  void output(double[] x, int xo, double[] out, int oo) {
    double[] v = new double[positions.length];
    for (int j = 0; j < v.length; j++) {
      v[j] = x[xo + positions[j]];
    }
    System.arraycopy(model.output(v), 0, out, oo, outputs);
  }

  @Override
  String describe() {
    return "fallback(" + model.name() + ")";
  }
}
