package dev.mlsys.serving;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Schema;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ServingProperties {
  private static final Schema SCHEMA = Schema.builder().numeric("x", 0, 100).categorical("c", "p", "q", "r")
      .label("y", "neg", "pos").build();
  private static final Predictor MODEL = row -> {
    double p = (row.getDouble("x") * 7 + row.getString("c").charAt(0)) % 100 / 100.0;
    return Prediction.of(p > 0.5 ? "pos" : "neg", Map.of("neg", 1 - p, "pos", p));
  };

  /** Cache transparency: with or without a cache, every answer is the same but for its origin. */
  @Property(tries = 50)
  boolean theCacheNeverChangesAnAnswer(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 20) Integer> xs,
      @ForAll @IntRange(min = 1, max = 8) int cacheSize) {
    try (PredictionService cached = PredictionService.builder(SCHEMA).model("v", MODEL).cacheSize(cacheSize)
        .calibrator(s -> s * s).build();
        PredictionService plain = PredictionService.builder(SCHEMA).model("v", MODEL).calibrator(s -> s * s)
            .build()) {
      for (int x : xs) {
        Map<String, Object> record = Map.of("x", x, "c", x % 2 == 0 ? "p" : "r");
        Prediction a = cached.predict(record);
        Prediction b = plain.predict(record);
        if (!a.withOrigin(Prediction.Origin.MODEL).equals(b)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Binary calibration: probabilities sum to 1, the label is the argmax (ties to the first class). */
  @Property
  boolean calibratedBinaryPredictionsAreCoherent(@ForAll @DoubleRange(min = 0, max = 1) double raw,
      @ForAll @DoubleRange(min = 0, max = 3) double power) {
    Schema s = Schema.builder().numeric("x").label("y", "neg", "pos").build();
    try (PredictionService service = PredictionService.builder(s)
        .model("v", row -> Prediction.of("neg", Map.of("pos", raw, "neg", 1 - raw)))
        .calibrator(score -> Math.pow(score, power)).build()) {
      Prediction p = service.predict(Map.of("x", 0));
      double pos = p.probability("pos");
      double neg = p.probability("neg");
      return p.calibrated() && Math.abs(pos + neg - 1) <= 1e-15 && pos == Math.pow(raw, power)
          && p.label().equals(pos > neg ? "pos" : "neg");
    }
  }

  /** A monotone calibrator keeps the order of the positive-class scores. */
  @Property
  boolean monotoneCalibrationKeepsTheRanking(@ForAll @DoubleRange(min = 0, max = 1) double a,
      @ForAll @DoubleRange(min = 0, max = 1) double b) {
    Schema s = Schema.builder().numeric("x").label("y", "neg", "pos").build();
    try (PredictionService service = PredictionService.builder(s)
        .model("v", row -> {
          double p = row.getDouble("x");
          return Prediction.of("neg", Map.of("pos", p, "neg", 1 - p));
        })
        .calibrator(score -> 1 / (1 + Math.exp(-4 * (score - 0.3)))).build()) {
      double pa = service.predict(Map.of("x", a)).probability("pos");
      double pb = service.predict(Map.of("x", b)).probability("pos");
      return a <= b ? pa <= pb : pa >= pb;
    }
  }
}
