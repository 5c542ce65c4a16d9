package dev.mlsys.models.compiled;

import dev.mlsys.models.Combiner;
import java.util.Locale;

/**
 * An mlsys {@code EnsembleModel} over members of any kind: each member's output goes into a
 * per-thread scratch buffer, becomes its additive term as {@code EnsembleModel} computes it, and
 * the terms add up in member order before the combiner's finish. Ensembles of single trees never
 * come here: their terms are folded into the leaves of one {@link ForestKernel}.
 *
 * <p>Thread-safety: immutable; the scratch buffer is per thread.
 */
final class EnsembleKernel extends Kernel {
  /** Probabilities are clipped here before logarithms, as {@code EnsembleModel} does. */
  private static final double EPS = Math.ulp(1.0);

  private final Kernel[] members;
  private final double[] share;
  private final Combiner combiner;
  private final int k;
  private final ThreadLocal<double[]> scratch;

  EnsembleKernel(int width, Kernel[] members, double[] share, Combiner combiner) {
    super(width, members[0].outputs);
    this.members = members;
    this.share = share;
    this.combiner = combiner;
    this.k = members[0].outputs;
    int size = 2 * k;
    this.scratch = ThreadLocal.withInitial(() -> new double[size]);
  }

  @Override
  void output(double[] x, int xo, double[] out, int oo) {
    double[] o = scratch.get();
    for (int c = 0; c < k; c++) {
      out[oo + c] = 0.0;
    }
    for (int m = 0; m < members.length; m++) {
      members[m].output(x, xo, o, 0);
      double s = share[m];
      switch (combiner) {
        case MEAN -> out[oo] += s * o[0];
        case SOFT_VOTE -> {
          for (int c = 0; c < k; c++) {
            out[oo + c] += s * o[c];
          }
        }
        case HARD_VOTE, SAMME -> out[oo + Finish.argmax(o, 0, k)] += s;
        case SAMME_R -> {
          double meanLog = 0;
          for (int c = 0; c < k; c++) {
            o[k + c] = Math.log(Math.max(o[c], EPS));
            meanLog += o[k + c];
          }
          meanLog /= k;
          for (int c = 0; c < k; c++) {
            out[oo + c] += s * (k - 1) * (o[k + c] - meanLog);
          }
        }
      }
    }
    switch (combiner) {
      case MEAN -> { }
      case HARD_VOTE, SOFT_VOTE -> Finish.normalize(out, oo, k);
      case SAMME, SAMME_R -> Finish.samme(out, oo, k);
    }
  }

  @Override
  String describe() {
    StringBuilder sb = new StringBuilder("ensemble(").append(combiner.name().toLowerCase(Locale.ROOT));
    for (Kernel m : members) {
      sb.append(", ").append(m.describe());
    }
    return sb.append(')').toString();
  }
}
