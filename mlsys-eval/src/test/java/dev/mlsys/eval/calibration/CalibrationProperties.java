package dev.mlsys.eval.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CalibrationProperties {

  record Data(double[] scores, int[] labels) {}

  @Provide
  Arbitrary<Data> data() {
    return Arbitraries.integers().between(1, 80).flatMap(n -> Combinators.combine(
        Arbitraries.integers().between(0, 40).map(i -> i / 40.0).array(double[].class).ofSize(n),
        Arbitraries.integers().between(0, 1).array(int[].class).ofSize(n)).as(Data::new));
  }

  @Property
  void isotonicIsMonotoneAndWithinTheUnitInterval(@ForAll("data") Data d) {
    IsotonicCalibration c = Calibrators.isotonic().fit(d.scores, d.labels);
    double previous = -1;
    for (int i = -5; i <= 45; i++) {
      double p = c.calibrate(i / 40.0);
      assertTrue(p >= previous && p >= 0 && p <= 1, "p " + p + " after " + previous);
      previous = p;
    }
  }

  @Property
  void isotonicMinimisesSquaredErrorAmongItsBlocks(@ForAll("data") Data d) {
    // the fitted values are a weighted mean of labels per block, so the mean of fitted values
    // over the training rows equals the mean label (a property of PAVA's pooled means)
    IsotonicCalibration c = Calibrators.isotonic().fit(d.scores, d.labels);
    double fitted = 0;
    double labels = 0;
    for (int i = 0; i < d.scores.length; i++) {
      fitted += c.calibrate(d.scores[i]);
      labels += d.labels[i];
    }
    assertEquals(labels, fitted, 1e-9);
  }

  @Property
  void isotonicLookupEqualsAPlainScanEvenForClusteredThresholds(@ForAll("clustered") Data d,
      @ForAll @net.jqwik.api.constraints.DoubleRange(min = -1, max = 40) double v) {
    IsotonicCalibration c = Calibrators.isotonic().fit(d.scores, d.labels);
    double[] x = c.thresholds();
    double[] y = c.values();
    double expected;
    if (v <= x[0]) {
      expected = y[0];
    } else if (v >= x[x.length - 1]) {
      expected = y[x.length - 1];
    } else {
      int j = 0;
      while (x[j + 1] <= v) {
        j++;
      }
      expected = x[j] == v ? y[j] : (y[j + 1] - y[j]) / (x[j + 1] - x[j]) * (v - x[j]) + y[j];
    }
    assertEquals(expected, c.calibrate(v));
  }

  @Provide
  Arbitrary<Data> clustered() {
    // scores bunched near 0 with a long tail: many thresholds share a bucket of the lookup grid
    return Arbitraries.integers().between(2, 300).flatMap(n -> Combinators.combine(
        Arbitraries.doubles().between(0, 12).map(u -> Math.exp(u) - 1).map(v -> Math.floor(v * 1000) / 1e5)
            .array(double[].class).ofSize(n),
        Arbitraries.integers().between(0, 1).array(int[].class).ofSize(n)).as(Data::new));
  }

  @Property
  void plattIsMonotoneAndProbabilities(@ForAll("data") Data d) {
    PlattScaling c = Calibrators.platt().fit(d.scores, d.labels);
    double lo = c.calibrate(0);
    double hi = c.calibrate(1);
    assertTrue(lo >= 0 && lo <= 1 && hi >= 0 && hi <= 1);
    double mid = c.calibrate(0.5);
    assertTrue((mid - lo) * (hi - mid) >= 0, "monotone: " + lo + " " + mid + " " + hi);
  }

  @Property
  void jsonRoundTripIsExact(@ForAll("data") Data d) {
    for (FittedCalibrator c : new FittedCalibrator[] {Calibrators.platt().fit(d.scores, d.labels),
        Calibrators.isotonic().fit(d.scores, d.labels), Calibrators.histogramBinning(7).fit(d.scores, d.labels)}) {
      assertEquals(c, Calibrators.fromJson(c.toJson()));
    }
  }

  @Property
  void eceIsZeroForHardCorrectPredictionsAndBoundedByOne(@ForAll("data") Data d) {
    double ece = CalibrationMetrics.expectedCalibrationError(d.scores, d.labels, 10);
    assertTrue(ece >= 0 && ece <= 1);
    double[] perfect = new double[d.labels.length];
    for (int i = 0; i < perfect.length; i++) {
      perfect[i] = d.labels[i];
    }
    assertEquals(0.0, CalibrationMetrics.expectedCalibrationError(perfect, d.labels, 10));
  }
}
