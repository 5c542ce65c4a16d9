package dev.mlsys.monitor.stream;

import dev.mlsys.monitor.stats.KolmogorovSmirnov;
import dev.mlsys.monitor.stats.PValueMethod;
import java.util.Arrays;

/**
 * KSWIN, Kolmogorov-Smirnov windowing (Raab, Heusinger and Schleif, Neurocomputing 2020), as
 * River's {@code drift.KSWIN}: a sliding window of {@code windowSize} values; once full, the
 * latest {@code statSize} values are compared by the two-sample KS test (p-value as
 * scipy.stats.ks_2samp, method auto) with {@code statSize} values drawn without replacement from
 * the older part of the window; p &lt;= alpha and D &gt; 0.1 is a drift.
 *
 * <p>The draws use CPython's Mersenne Twister seeded with {@code seed}, exactly as River's
 * {@code random.Random(seed).sample}, so detections equal River's for the same seed; the
 * generator is re-seeded on reset, as River does. Buffers are allocated once.
 */
final class Kswin extends AbstractDetector {
  private final double alpha;
  private final int windowSize;
  private final int statSize;
  private final long seed;
  private final PythonRandom rng;
  private final double[] window;
  private int start;
  private int size;
  private final int[] picks;
  private final int[] pool;
  private final boolean[] selected;
  private final double[] older;
  private final double[] recent;
  private double pValue;
  private double statistic;

  Kswin(double alpha, int windowSize, int statSize, long seed) {
    require(alpha >= 0 && alpha <= 1, "alpha must be in [0, 1] but was: " + fmt(alpha));
    require(statSize >= 1, "statSize must be >= 1 but was: " + statSize);
    require(windowSize >= 2 * statSize, "windowSize (" + windowSize + ") must be >= 2 * statSize ("
        + statSize + ") so that statSize older values can be drawn without replacement");
    this.alpha = alpha;
    this.windowSize = windowSize;
    this.statSize = statSize;
    this.seed = seed;
    this.rng = new PythonRandom(seed);
    this.window = new double[windowSize];
    this.picks = new int[statSize];
    this.pool = new int[windowSize - statSize];
    this.selected = new boolean[windowSize - statSize];
    this.older = new double[statSize];
    this.recent = new double[statSize];
    resetState();
  }

  @Override
  public String name() {
    return "kswin(alpha=" + fmt(alpha) + ", windowSize=" + windowSize + ", statSize=" + statSize + ", seed=" + seed + ")";
  }

  @Override
  void resetState() {
    start = 0;
    size = 0;
    pValue = 0;
    statistic = 0;
    rng.seed(seed);
  }

  /** @return the p-value of the latest test (0 before the window first fills, as in River) */
  double pValue() {
    return pValue;
  }

  double statistic() {
    return statistic;
  }

  @Override
  DriftState step(double x) {
    if (size < windowSize) {
      window[(start + size) % windowSize] = x;
      size++;
    } else {
      window[start] = x;
      start = (start + 1) % windowSize;
    }
    if (size < windowSize) {
      return DriftState.STABLE;
    }
    int olderSize = windowSize - statSize;
    rng.sampleRange(olderSize, statSize, picks, pool, selected);
    for (int i = 0; i < statSize; i++) {
      older[i] = window[(start + picks[i]) % windowSize];
      recent[i] = window[(start + olderSize + i) % windowSize];
    }
    Arrays.sort(older);
    Arrays.sort(recent);
    double d = KolmogorovSmirnov.statistic(older, statSize, recent, statSize);
    PValueMethod method = KolmogorovSmirnov.effectiveMethod(statSize, statSize, PValueMethod.AUTO);
    if (method == PValueMethod.EXACT) {
      d = KolmogorovSmirnov.roundedStatistic(d, statSize, statSize);
      pValue = KolmogorovSmirnov.exactPValue(d, statSize, statSize);
      if (Double.isNaN(pValue)) {
        pValue = KolmogorovSmirnov.asymptoticPValue(d, statSize, statSize);
      }
    } else {
      pValue = KolmogorovSmirnov.asymptoticPValue(d, statSize, statSize);
    }
    statistic = d;
    if (pValue <= alpha && d > 0.1) {
      // River keeps only the recent values, then resets the whole window on the next update
      return DriftState.DRIFT;
    }
    return DriftState.STABLE;
  }
}
