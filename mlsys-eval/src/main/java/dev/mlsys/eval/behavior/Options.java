package dev.mlsys.eval.behavior;

import java.util.Objects;

/** The options every behavioral test shares. */
record Options(String name, long seed, double maxFailureRate, int worstExamples) {
  static final int DEFAULT_WORST = 5;

  Options {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a behavioral test needs a non-blank name");
    }
  }

  static Options named(String name) {
    return new Options(name, BehavioralTests.DEFAULT_SEED, 0, DEFAULT_WORST);
  }

  Options seed(long s) {
    return new Options(name, s, maxFailureRate, worstExamples);
  }

  Options maxFailureRate(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("allowed failure rate must be in [0, 1] but was: " + rate);
    }
    return new Options(name, seed, rate, worstExamples);
  }

  Options worstExamples(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("worstExamples must be >= 0 but was: " + k);
    }
    return new Options(name, seed, maxFailureRate, k);
  }
}
