package dev.mlsys.eval.calibration;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.json.JsonObject;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The entry point of calibration: factories for every method and the JSON reader.
 *
 * <pre>{@code
 * FittedCalibrator platt = Calibrators.platt().fit(heldOutScores, heldOutLabels);
 * double p = platt.calibrate(score);
 * String json = platt.toJson();                          // store beside the model
 * Calibrator again = Calibrators.fromJson(json);         // load in serving
 * }</pre>
 *
 * <p>Fit on held-out scores (a validation split or cross-validated predictions), never on the
 * rows the model was trained on. Methods and fitted calibrators are immutable and thread-safe.
 */
public final class Calibrators {
  private static final CalibrationMethod<PlattScaling> PLATT = new Method<>("platt", PlattScaling::fit);
  private static final CalibrationMethod<IsotonicCalibration> ISOTONIC =
      new Method<>("isotonic", IsotonicCalibration::fit);
  private static final CalibrationMethod<BetaCalibration> BETA = new Method<>("beta", BetaCalibration::fit);

  private Calibrators() {}

  /** @return Platt scaling, matching scikit-learn's sigmoid calibration; see {@link PlattScaling} */
  public static CalibrationMethod<PlattScaling> platt() {
    return PLATT;
  }

  /** @return isotonic regression, matching scikit-learn's; see {@link IsotonicCalibration} */
  public static CalibrationMethod<IsotonicCalibration> isotonic() {
    return ISOTONIC;
  }

  /**
   * @param bins the number of equal-width bins on [0, 1], &gt;= 1
   * @return histogram binning of probabilities; see {@link HistogramBinning}
   * @throws IllegalArgumentException if bins &lt; 1
   */
  public static CalibrationMethod<HistogramBinning> histogramBinning(int bins) {
    return histogramBinning(bins, Binning.EQUAL_WIDTH);
  }

  /**
   * @param bins the number of bins, &gt;= 1
   * @param binning equal-width (scores must be probabilities) or equal-mass (any scores)
   * @return histogram binning; see {@link HistogramBinning}
   * @throws IllegalArgumentException if bins &lt; 1
   */
  public static CalibrationMethod<HistogramBinning> histogramBinning(int bins, Binning binning) {
    Checks.bins(bins);
    Objects.requireNonNull(binning, "binning");
    return new Method<>("histogram", (s, y) -> HistogramBinning.fit(s, y, bins, binning));
  }

  /** @return beta calibration of probabilities; see {@link BetaCalibration} */
  public static CalibrationMethod<BetaCalibration> beta() {
    return BETA;
  }

  /** @return temperature scaling of multi-class logits; see {@link TemperatureScaling} */
  public static MulticlassCalibrationMethod<TemperatureScaling> temperature() {
    return TemperatureScaling::fit;
  }

  /**
   * @param perClass the binary method fitted for each class
   * @return one-vs-rest calibration with normalisation, as scikit-learn's; see
   *     {@link OneVsRestCalibration}
   */
  public static MulticlassCalibrationMethod<OneVsRestCalibration> oneVsRest(CalibrationMethod<?> perClass) {
    Objects.requireNonNull(perClass, "perClass");
    return (scores, labels) -> OneVsRestCalibration.fit(scores, labels, perClass);
  }

  /**
   * Reads a binary calibrator written by {@link FittedCalibrator#toJson()}.
   *
   * @param json the calibrator's JSON
   * @return the calibrator, equal to the one written
   * @throws CorruptArtifactException if the text is not a calibrator of a known format version,
   *     a member is missing or of the wrong type, or a parameter is invalid
   */
  public static FittedCalibrator fromJson(String json) {
    JsonObject o = CalibratorJson.parse(json);
    String method = o.getString("method");
    switch (method) {
      case "platt":
        return PlattScaling.read(o);
      case "isotonic":
        return IsotonicCalibration.read(o);
      case "histogram":
        return HistogramBinning.read(o);
      case "beta":
        return BetaCalibration.read(o);
      default:
        throw new CorruptArtifactException("calibrator: unknown binary method '" + method
            + "'; expected one of platt, isotonic, histogram, beta");
    }
  }

  /**
   * Reads a multi-class calibrator written by {@link MulticlassCalibrator#toJson()}.
   *
   * @param json the calibrator's JSON
   * @return the calibrator, equal to the one written
   * @throws CorruptArtifactException as {@link #fromJson(String)}
   */
  public static MulticlassCalibrator multiclassFromJson(String json) {
    JsonObject o = CalibratorJson.parse(json);
    String method = o.getString("method");
    switch (method) {
      case "temperature":
        return TemperatureScaling.read(o);
      case "one-vs-rest":
        return OneVsRestCalibration.read(o);
      default:
        throw new CorruptArtifactException("calibrator: unknown multi-class method '" + method
            + "'; expected temperature or one-vs-rest");
    }
  }

  private record Method<C extends FittedCalibrator>(String name, BiFunction<double[], int[], C> fitter)
      implements CalibrationMethod<C> {
    @Override
    public C fit(double[] scores, int[] labels) {
      return fitter.apply(scores, labels);
    }

    @Override
    public String toString() {
      return "CalibrationMethod[" + name + "]";
    }
  }
}
