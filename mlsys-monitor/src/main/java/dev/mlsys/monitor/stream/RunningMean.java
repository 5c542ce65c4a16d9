package dev.mlsys.monitor.stream;

/** River's stats.Mean (n counted as a double, mean += (1/n)(x - mean)), copied by value. */
final class RunningMean {
  double n;
  double mean;

  void update(double x) {
    n += 1.0;
    mean += (1.0 / n) * (x - mean);
  }

  void copyFrom(RunningMean other) {
    n = other.n;
    mean = other.mean;
  }

  void clear() {
    n = 0;
    mean = 0;
  }
}
