package dev.mlsys.monitor.profile;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * The profile of a numeric column: counts, exact moments (Welford; merged by Chan, Golub and
 * LeVeque 1979), minimum and maximum, a KLL quantile sketch (Karnin, Lang and Liberty 2016, from
 * Apache DataSketches), the exact values while there are at most {@code exactLimit} of them, and
 * the distinct values while there are at most {@value #MAX_DISTINCT}.
 *
 * <p>Quantiles and the CDF are exact while the exact values are kept, else read from the sketch
 * with normalised rank error at most {@link #rankError()} (with 99% confidence). DataSketches'
 * KLL compacts with its own unseeded generator, so sketch-based answers may vary between runs
 * within that error; exact answers never do.
 *
 * <p>Thread-safety: immutable once obtained from a {@link ReferenceProfile} (the mutators are
 * package-private and used by {@link Profiler} only).
 */
public final class NumericProfile extends RecordCounts implements FieldProfile {
  /** Distinct values tracked, for the "few distinct values" test choice. */
  public static final int MAX_DISTINCT = 20;

  private final int exactLimit;
  private final KllDoublesSketch sketch;
  long outOfRange;
  long valid;
  double mean;
  double m2;
  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;
  private double[] exact;
  private int exactSize;
  private boolean exactComplete = true;
  private boolean sorted = true;
  private TreeMap<Double, Long> distinct = new TreeMap<>();

  NumericProfile(FieldSpec spec, int sketchK, int exactLimit) {
    super(spec);
    this.exactLimit = exactLimit;
    this.sketch = KllDoublesSketch.newHeapInstance(sketchK);
    this.exact = new double[Math.min(exactLimit, 64)];
  }

  private NumericProfile(FieldSpec spec, int exactLimit, KllDoublesSketch sketch) {
    super(spec);
    this.exactLimit = exactLimit;
    this.sketch = sketch;
    this.exact = new double[0];
  }

  private NumericProfile(NumericProfile o) {
    super(o.spec);
    this.exactLimit = o.exactLimit;
    // a byte-exact copy: a merge into an empty sketch would reorder its items
    this.sketch = heapify(o.sketch.toByteArray());
    copyCounts(o);
    this.exact = o.exactComplete ? Arrays.copyOf(o.exact, o.exactSize) : new double[0];
    this.exactSize = o.exactComplete ? o.exactSize : 0;
    this.exactComplete = o.exactComplete;
    this.sorted = o.sorted;
    this.distinct = o.distinct == null ? null : new TreeMap<>(o.distinct);
  }

  private void copyCounts(NumericProfile o) {
    setCounts(o.count, o.absent, o.missing, o.typeErrors);
    outOfRange = o.outOfRange;
    valid = o.valid;
    mean = o.mean;
    m2 = o.m2;
    min = o.min;
    max = o.max;
  }

  NumericProfile copy() {
    NumericProfile c = new NumericProfile(this);
    c.sortExact();
    return c;
  }

  void add(double v) {
    count++;
    valid++;
    double delta = v - mean;
    mean += delta / valid;
    m2 += delta * (v - mean);
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (v < spec.min() || v > spec.max()) {
      outOfRange++;
    }
    sketch.update(v);
    if (exactComplete) {
      if (exactSize == exactLimit) {
        exactComplete = false;
        exact = new double[0];
        exactSize = 0;
      } else {
        if (exactSize == exact.length) {
          exact = Arrays.copyOf(exact, (int) Math.min((long) exact.length * 2, exactLimit));
        }
        if (exactSize > 0 && v < exact[exactSize - 1]) {
          sorted = false;
        }
        exact[exactSize++] = v;
      }
    }
    if (distinct != null) {
      distinct.merge(v, 1L, Long::sum);
      if (distinct.size() > MAX_DISTINCT) {
        distinct = null;
      }
    }
  }

  /** Folds another profile of the same column into this one (Chan et al.'s pairwise update). */
  void merge(NumericProfile o) {
    long n = valid + o.valid;
    if (n > 0) {
      double delta = o.mean - mean;
      double newMean = mean + delta * o.valid / n;
      m2 = m2 + o.m2 + delta * delta * ((double) valid * o.valid / n);
      mean = newMean;
    }
    mergeCounts(o);
    outOfRange += o.outOfRange;
    valid = n;
    min = Math.min(min, o.min);
    max = Math.max(max, o.max);
    sketch.merge(o.sketch);
    if (exactComplete && o.exactComplete && (long) exactSize + o.exactSize <= exactLimit) {
      exact = Arrays.copyOf(exact, exactSize + o.exactSize);
      System.arraycopy(o.exact, 0, exact, exactSize, o.exactSize);
      exactSize += o.exactSize;
      sorted = false;
    } else {
      exactComplete = false;
      exact = new double[0];
      exactSize = 0;
    }
    if (distinct != null && o.distinct != null) {
      o.distinct.forEach((k, v) -> distinct.merge(k, v, Long::sum));
      if (distinct.size() > MAX_DISTINCT) {
        distinct = null;
      }
    } else {
      distinct = null;
    }
    sortExact();
  }

  private void sortExact() {
    if (!sorted) {
      Arrays.sort(exact, 0, exactSize);
      sorted = true;
    }
  }

  /** @return valid values outside the declared range (they stay in the distribution) */
  public long outOfRange() {
    return outOfRange;
  }

  /** @return the smallest valid value, +infinity if none */
  public double min() {
    return min;
  }

  /** @return the largest valid value, -infinity if none */
  public double max() {
    return max;
  }

  /** @return the mean of the valid values, 0 if none */
  public double mean() {
    return mean;
  }

  /** @return the population variance (ddof 0) of the valid values, 0 if none */
  public double variance() {
    return valid == 0 ? 0.0 : m2 / valid;
  }

  /** @return the population standard deviation (ddof 0) */
  public double standardDeviation() {
    return Math.sqrt(variance());
  }

  /** @return whether every valid value is kept, so that tests on this profile are exact */
  public boolean hasExactValues() {
    return exactComplete;
  }

  /** @return the largest number of values kept exactly */
  public int exactLimit() {
    return exactLimit;
  }

  /** @return a sorted copy of the valid values, if kept */
  public Optional<double[]> sortedValues() {
    return exactComplete ? Optional.of(Arrays.copyOf(exact, exactSize)) : Optional.empty();
  }

  /** @return value to count for at most {@value #MAX_DISTINCT} distinct values, if no more were seen */
  public Optional<Map<Double, Long>> distinctValues() {
    return distinct == null ? Optional.empty() : Optional.of(Collections.unmodifiableMap(distinct));
  }

  /** @return 0 when exact, else the sketch's normalised rank error (99% confidence) */
  public double rankError() {
    return exactComplete ? 0.0 : sketch.getNormalizedRankError(false);
  }

  /** @return the KLL parameter k */
  public int sketchK() {
    return sketch.getK();
  }

  /**
   * @param x a value
   * @return the fraction of valid values &lt;= x (exact, or from the sketch)
   * @throws IllegalStateException if there are no valid values
   */
  public double cdf(double x) {
    requireValues();
    if (exactComplete) {
      return upperBound(exact, exactSize, x) / (double) exactSize;
    }
    return sketch.getRank(x, QuantileSearchCriteria.INCLUSIVE);
  }

  /**
   * @param q a probability in [0, 1]
   * @return the q-quantile: numpy's linear interpolation when exact, the sketch's estimate otherwise
   * @throws IllegalStateException if there are no valid values
   */
  public double quantile(double q) {
    requireValues();
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be in [0, 1] but was: " + q);
    }
    if (exactComplete) {
      double virtual = (exactSize - 1) * q;
      if (virtual >= exactSize - 1) {
        return exact[exactSize - 1];
      }
      int prev = (int) Math.floor(virtual);
      double gamma = virtual - prev;
      double a = exact[prev];
      double b = exact[prev + 1];
      double diff = b - a;
      return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
    return sketch.getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
  }

  /**
   * The distribution as weighted values: the exact values with weight 1 each, or the sketch's
   * retained items with their weights. Sketch-based tests work on this.
   *
   * @return a fresh copy
   * @throws IllegalStateException if there are no valid values
   */
  public WeightedValues weightedValues() {
    requireValues();
    if (exactComplete) {
      double[] cum = new double[exactSize];
      for (int i = 0; i < exactSize; i++) {
        cum[i] = i + 1;
      }
      return new WeightedValues(Arrays.copyOf(exact, exactSize), cum);
    }
    var view = sketch.getSortedView();
    double[] q = view.getQuantiles();
    long[] w = view.getCumulativeWeights();
    double[] cum = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      cum[i] = w[i];
    }
    return new WeightedValues(q.clone(), cum);
  }

  byte[] sketchBytes() {
    return sketch.toByteArray();
  }

  static NumericProfile restore(FieldSpec spec, int exactLimit, byte[] sketchBytes, double[] values,
      Map<Double, Long> distinct) {
    NumericProfile p = new NumericProfile(spec, exactLimit, heapify(sketchBytes));
    if (values == null) {
      p.exactComplete = false;
      p.exact = new double[0];
    } else {
      p.exact = values.clone();
      p.exactSize = values.length;
      p.sorted = false;
      p.sortExact();
    }
    p.distinct = distinct == null ? null : new TreeMap<>(distinct);
    return p;
  }

  private static KllDoublesSketch heapify(byte[] bytes) {
    return KllDoublesSketch.heapify(org.apache.datasketches.memory.Memory.wrap(bytes));
  }

  private void requireValues() {
    if (valid == 0) {
      throw new IllegalStateException("field '" + spec.name() + "' has no valid values");
    }
  }

  private static int upperBound(double[] a, int n, double x) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
