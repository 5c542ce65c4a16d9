package dev.mlsys.serving;

import dev.mlsys.api.Prediction;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** One shadow deployment's version and its comparison counters. Thread-safe. */
final class ShadowRun {
  private static final double REGRESSION_TOLERANCE = 1e-9;

  final ModelVersion version;
  final LongAdder compared = new LongAdder();
  final LongAdder agreed = new LongAdder();
  final LongAdder failures = new LongAdder();
  final LongAdder dropped = new LongAdder();
  final DoubleAdder difference = new DoubleAdder();

  ShadowRun(ModelVersion version) {
    this.version = version;
  }

  void compare(Prediction primary, Prediction shadow) {
    boolean agree;
    double diff;
    if (primary.isRegression() || shadow.isRegression()) {
      diff = Math.abs(primary.value() - shadow.value());
      agree = diff <= REGRESSION_TOLERANCE * Math.max(1, Math.abs(primary.value()));
    } else {
      agree = primary.label().equals(shadow.label());
      diff = totalVariation(primary, shadow, agree);
    }
    difference.add(diff);
    if (agree) {
      agreed.increment();
    }
    compared.increment();
  }

  private static double totalVariation(Prediction a, Prediction b, boolean agree) {
    Map<String, Double> pa = a.probabilities();
    Map<String, Double> pb = b.probabilities();
    if (pa.isEmpty() || pb.isEmpty()) {
      return agree ? 0 : 1;
    }
    double sum = 0;
    for (Map.Entry<String, Double> e : pa.entrySet()) {
      Double other = pb.get(e.getKey());
      sum += Math.abs(e.getValue() - (other == null ? 0 : other));
    }
    for (Map.Entry<String, Double> e : pb.entrySet()) {
      if (!pa.containsKey(e.getKey())) {
        sum += e.getValue();
      }
    }
    return sum / 2;
  }

  ShadowStats stats() {
    long n = compared.sum();
    return new ShadowStats(version.version, n, agreed.sum(), failures.sum(), dropped.sum(),
        n == 0 ? Double.NaN : difference.sum() / n);
  }
}
