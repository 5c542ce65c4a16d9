package dev.mlsys.models.compiled;

import java.util.Arrays;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The fallback for boosters the compiler cannot read (a {@code dart} or {@code gblinear} booster,
 * categorical splits, an unknown objective): xgboost4j's own prediction, one dense single-row
 * {@code DMatrix} per call, disposed before the call returns, so native memory does not grow
 * between garbage collections (Tribuo 4.3.2's {@code XGBoostModel.predict} leaves every
 * {@code DMatrix} to the finalizer).
 *
 * <p>Missing values (NaN) and features the input does not carry are missing to XGBoost. The
 * booster's output (probabilities, or one value) goes to the same positions as the compiled
 * kernel's would.
 *
 * <p>Thread-safety: xgboost4j 1.6 serialises {@code Booster.predict}; the booster is owned by this
 * kernel and never changed. This path allocates per call (the row, the native matrix, the result).
 */
final class NativeXGBoostKernel extends Kernel {
  private final Booster booster;
  /** Per booster feature index: the input position, or {@link Inputs#ABSENT}. */
  private final int[] inputOf;
  private final boolean binaryLogistic;
  private final int[] pos;
  private final boolean normalize;

  NativeXGBoostKernel(int width, int outputs, Booster booster, int[] inputOf, boolean binaryLogistic, int[] pos,
      boolean normalize) {
    super(width, outputs);
    this.booster = booster;
    this.inputOf = inputOf;
    this.binaryLogistic = binaryLogistic;
    this.pos = pos;
    this.normalize = normalize;
  }

  @Override
  void output(double[] x, int xo, double[] out, int oo) {
    float[] row = new float[inputOf.length];
    for (int f = 0; f < row.length; f++) {
      row[f] = inputOf[f] == Inputs.ABSENT ? Float.NaN : (float) x[xo + inputOf[f]];
    }
    float[] result = predict(row);
    if (pos == null) {
      out[oo] = result[0];
      return;
    }
    Arrays.fill(out, oo, oo + outputs, 0.0);
    if (binaryLogistic) {
      out[oo + pos[0]] = 1.0 - result[0];
      out[oo + pos[1]] = result[0];
    } else {
      for (int g = 0; g < result.length; g++) {
        out[oo + pos[g]] = result[g];
      }
    }
    if (normalize) {
      Finish.normalize(out, oo, outputs);
    }
  }

  /** One row through xgboost4j, the matrix disposed whatever happens. */
  float[] predict(float[] row) {
    DMatrix m = null;
    try {
      m = new DMatrix(row, 1, row.length, Float.NaN);
      return booster.predict(m)[0];
    } catch (XGBoostError e) {
      throw new IllegalStateException("xgboost4j failed to predict: " + e.getMessage(), e);
    } finally {
      if (m != null) {
        m.dispose();
      }
    }
  }

  @Override
  String describe() {
    return "xgboost4j(native, " + inputOf.length + " features)";
  }
}
