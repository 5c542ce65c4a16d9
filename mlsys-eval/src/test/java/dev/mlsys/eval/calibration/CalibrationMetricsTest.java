package dev.mlsys.eval.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationMetricsTest {
  private static final JsonObject GOLDEN = Golden.load("calibration");

  @Test
  void countsEceAndMceMatchTheReferenceForEachBinning() {
    double[] p = GOLDEN.getDoubles("histogramScores");
    int[] y = Golden.ints(GOLDEN, "histogramLabels");
    for (JsonObject c : GOLDEN.getObjects("reliability")) {
      Binning binning = Binning.valueOf(c.getString("binning"));
      int bins = c.getInt("bins");
      ReliabilityDiagram d = CalibrationMetrics.reliabilityDiagram(p, y, bins, binning);
      int[] counts = Golden.ints(c, "counts");
      for (int b = 0; b < bins; b++) {
        assertEquals(counts[b], d.bins().get(b).count(), binning + " bin " + b);
      }
      assertEquals(c.getDouble("ece"), d.expectedCalibrationError(), 1e-12, binning + " ece");
      assertEquals(c.getDouble("mce"), d.maximumCalibrationError(), 1e-12, binning + " mce");
      if (binning == Binning.EQUAL_WIDTH) {
        assertEquals(c.getDouble("ece"), CalibrationMetrics.expectedCalibrationError(p, y, bins), 1e-12);
        assertEquals(c.getDouble("mce"), CalibrationMetrics.maximumCalibrationError(p, y, bins), 1e-12);
        // scikit-learn's calibration_curve lists non-empty bins only; with no probability on an inner edge they agree
        List<Double> fraction = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        for (ReliabilityBin b : d.bins()) {
          if (b.count() > 0) {
            fraction.add(b.fractionPositive());
            mean.add(b.meanProbability());
          }
        }
        double[] skFraction = c.getDoubles("sklearnFractionPositive");
        double[] skMean = c.getDoubles("sklearnMeanProbability");
        assertEquals(skFraction.length, fraction.size());
        for (int i = 0; i < skFraction.length; i++) {
          assertEquals(skFraction[i], fraction.get(i), 1e-12);
          assertEquals(skMean[i], mean.get(i), 1e-12);
        }
      }
    }
  }

  @Test
  void probabilitiesOnEdgesFollowTheLeftClosedConvention() {
    JsonObject e = GOLDEN.getObject("reliabilityEdges");
    ReliabilityDiagram d = CalibrationMetrics.reliabilityDiagram(e.getDoubles("probabilities"), Golden.ints(e, "labels"),
        10, Binning.EQUAL_WIDTH);
    int[] expectedBins = Golden.ints(e, "bins");
    long[] counts = new long[10];
    for (int b : expectedBins) {
      counts[b]++;
    }
    for (int b = 0; b < 10; b++) {
      assertEquals(counts[b], d.bins().get(b).count(), "bin " + b);
    }
    // 0.1 opens bin 1 (scikit-learn would put it in bin 0); 1.0 closes the last bin
    assertEquals(1, d.bins().get(1).count());
    assertEquals(2, d.bins().get(9).count());
  }

  @Test
  void perfectlyCalibratedBinsHaveNoError() {
    double[] p = {0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75};
    int[] y = {1, 0, 0, 0, 1, 1, 1, 0};
    assertEquals(0.0, CalibrationMetrics.expectedCalibrationError(p, y, 10), 1e-15);
    ReliabilityDiagram d = CalibrationMetrics.reliabilityDiagram(p, y, 4, Binning.EQUAL_WIDTH);
    assertTrue(Double.isNaN(d.bins().get(0).meanProbability()));
    assertEquals(0, d.bins().get(0).count());
  }
}
