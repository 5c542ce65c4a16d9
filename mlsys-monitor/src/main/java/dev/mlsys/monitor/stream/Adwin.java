package dev.mlsys.monitor.stream;

/**
 * ADWIN, adaptive windowing (Bifet and Gavaldà 2007, ADWIN2 with exponential histograms), as River
 * implements it ({@code river.drift.ADWIN}): buckets of 2^i values, at most {@code maxBuckets} per
 * size, a cut test every {@code clock} updates once the window holds more than
 * {@code gracePeriod} values, sub-windows of at least {@code minWindowLength}, and the bound
 * epsilon = sqrt(2 m v ln(2 ln(W) / delta)) + (2/3) m ln(2 ln(W) / delta) with
 * m = 1/(n0 - l + 1) + 1/(n1 - l + 1). The bucket arrays are allocated once (64 sizes cover any
 * window a long can count), so updates allocate nothing; each update is amortised O(log W). Each
 * row of buckets is a ring buffer (River shifts arrays), which changes nothing but the cost: the
 * oldest bucket of a row is still the first one tested and the first one dropped.
 */
final class Adwin extends AbstractDetector {
  private static final int MAX_ROWS = 64;
  /** Bucket sizes 2^i, looked up instead of computed in the cut loop. */
  private static final double[] POW2 = new double[MAX_ROWS];

  static {
    for (int i = 0; i < MAX_ROWS; i++) {
      POW2[i] = Math.scalb(1.0, i);
    }
  }

  private final double delta;
  private final int clock;
  private final int maxBuckets;
  private final int minWindowLength;
  private final int gracePeriod;

  /** Ring capacity per row: the smallest power of two holding maxBuckets + 1 buckets. */
  private final int capacity;
  private final int mask;
  private final double[] totals;
  private final double[] variances;
  private final int[] rowHead = new int[MAX_ROWS];
  private final int[] rowSize = new int[MAX_ROWS];
  private int rowCount;
  private double total;
  private double variance;
  private double width;
  /** Updates left until the next cut test: tick % clock == 0 without a 64-bit division per update. */
  private int untilCheck;
  private long detections;

  Adwin(double delta, int clock, int maxBuckets, int minWindowLength, int gracePeriod) {
    require(delta > 0 && delta < 1, "delta must be in (0, 1) but was: " + fmt(delta));
    require(clock >= 1, "clock must be >= 1 but was: " + clock);
    require(maxBuckets >= 2, "maxBuckets must be >= 2 but was: " + maxBuckets);
    require(minWindowLength >= 1, "minWindowLength must be >= 1 but was: " + minWindowLength);
    require(gracePeriod >= 0, "gracePeriod must be >= 0 but was: " + gracePeriod);
    this.delta = delta;
    this.clock = clock;
    this.maxBuckets = maxBuckets;
    this.minWindowLength = minWindowLength;
    this.gracePeriod = gracePeriod;
    this.capacity = Integer.highestOneBit(maxBuckets) << 1;
    this.mask = capacity - 1;
    this.totals = new double[MAX_ROWS * capacity];
    this.variances = new double[MAX_ROWS * capacity];
    resetState();
  }

  @Override
  public String name() {
    return "adwin(delta=" + fmt(delta) + ", clock=" + clock + ", maxBuckets=" + maxBuckets
        + ", minWindowLength=" + minWindowLength + ", gracePeriod=" + gracePeriod + ")";
  }

  @Override
  void resetState() {
    for (int r = 0; r < rowCount; r++) {
      rowHead[r] = 0;
      rowSize[r] = 0;
    }
    rowCount = 1;
    rowHead[0] = 0;
    rowSize[0] = 0;
    total = 0;
    variance = 0;
    width = 0;
    untilCheck = clock;
    detections = 0;
  }

  @Override
  DriftState step(double value) {
    insertElement(value);
    return detectChange() ? DriftState.DRIFT : DriftState.STABLE;
  }

  /** @return the number of values in the window */
  long width() {
    return (long) width;
  }

  /** @return the mean of the window, 0 when empty */
  double estimation() {
    return width == 0 ? 0.0 : total / width;
  }

  /** @return the sum of squared deviations from the mean over the window */
  double variance() {
    return variance;
  }

  double total() {
    return total;
  }

  long detections() {
    return detections;
  }

  private void insertElement(double value) {
    insertInto(0, value, 0.0);
    width += 1;
    double incremental = 0.0;
    if (width > 1.0) {
      double d = value - total / (width - 1.0);
      incremental = (width - 1.0) * d * d / width;
    }
    variance += incremental;
    total += value;
    compressBuckets();
  }

  /** @return the position of bucket k (0 = oldest) of a row in the flat arrays */
  private int at(int row, int k) {
    return row * capacity + ((rowHead[row] + k) & mask);
  }

  private void insertInto(int row, double value, double var) {
    int i = at(row, rowSize[row]);
    totals[i] = value;
    variances[i] = var;
    rowSize[row]++;
  }

  /** Drops the oldest {@code n} buckets of a row. */
  private void compress(int row, int n) {
    rowHead[row] = (rowHead[row] + n) & mask;
    rowSize[row] -= n;
  }

  private void compressBuckets() {
    int idx = 0;
    while (idx < rowCount) {
      if (rowSize[idx] != maxBuckets + 1) {
        break;
      }
      int next = idx + 1;
      if (next >= rowCount) {
        if (rowCount == MAX_ROWS) {
          throw new IllegalStateException("adwin window exceeds 2^" + MAX_ROWS + " values");
        }
        rowCount++;
        rowHead[next] = 0;
        rowSize[next] = 0;
      }
      int first = at(idx, 0);
      int second = at(idx, 1);
      double n1 = POW2[idx];
      double mu1 = totals[first] / n1;
      double mu2 = totals[second] / n1;
      double total12 = totals[first] + totals[second];
      double temp = n1 * 0.5 * (mu1 - mu2) * (mu1 - mu2);
      double v12 = variances[first] + variances[second] + temp;
      insertInto(next, total12, v12);
      compress(idx, 2);
      if (rowSize[next] <= maxBuckets) {
        break;
      }
      idx++;
    }
  }

  private double deleteElement() {
    int last = rowCount - 1;
    double n = POW2[last];
    int oldest = at(last, 0);
    double u = totals[oldest];
    double mu = u / n;
    double v = variances[oldest];
    width -= n;
    total -= u;
    double muWindow = total / width;
    double incremental = v + n * width * (mu - muWindow) * (mu - muWindow) / (n + width);
    variance -= incremental;
    compress(last, 1);
    if (rowSize[last] == 0) {
      rowCount--;
    }
    return n;
  }

  private boolean detectChange() {
    boolean changeDetected = false;
    boolean due = --untilCheck == 0;
    if (due) {
      untilCheck = clock;
    }
    if (due && width > gracePeriod) {
      boolean reduceWidth = true;
      while (reduceWidth) {
        reduceWidth = false;
        boolean exit = false;
        // constant while the width is: computed once per pass instead of once per candidate cut
        double deltaPrime = Math.log(2 * Math.log(width) / delta);
        double varianceInWindow = variance / width;
        double n0 = 0.0;
        double n1 = width;
        double u0 = 0.0;
        double u1 = total;
        for (int idx = rowCount - 1; idx >= 0 && !exit; idx--) {
          double bucketSize = POW2[idx];
          int size = rowSize[idx];
          int base = idx * capacity;
          int head = rowHead[idx];
          for (int k = 0; k < size; k++) {
            double u2 = totals[base + ((head + k) & mask)];
            n0 += bucketSize;
            n1 -= bucketSize;
            u0 += u2;
            u1 -= u2;
            if (idx == 0 && k == size - 1) {
              exit = true;
              break;
            }
            if (n1 < minWindowLength || n0 < minWindowLength) {
              continue;
            }
            double deltaMean = (u0 / n0) - (u1 / n1);
            if (cut(n0, n1, deltaMean, deltaPrime, varianceInWindow)) {
              reduceWidth = true;
              changeDetected = true;
              if (width > 0) {
                deleteElement();
                exit = true;
                break;
              }
            }
          }
        }
      }
    }
    if (changeDetected) {
      detections++;
    }
    return changeDetected;
  }

  private boolean cut(double n0, double n1, double deltaMean, double deltaPrime, double varianceInWindow) {
    double mRecip = (1.0 / (n0 - minWindowLength + 1)) + (1.0 / (n1 - minWindowLength + 1));
    double epsilon = Math.sqrt(2 * mRecip * varianceInWindow * deltaPrime) + 2.0 / 3.0 * deltaPrime * mRecip;
    return Math.abs(deltaMean) > epsilon;
  }
}
