package dev.mlsys.serving;

import dev.mlsys.api.Calibrator;
import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.MlsysException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Schema;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a model's raw answer into the served one: checks it against the schema's label, puts the
 * class probabilities in the schema's label order (classes the model gave none for get 0),
 * applies the version's calibrator, and stamps version and origin. Stateless and thread-safe.
 *
 * <p>Calibration: for two classes the calibrator maps P(second class) and P(first class) becomes
 * its complement; for more classes it maps each class's probability one-vs-rest and the results
 * are renormalised to sum to 1. The label is re-derived as the most probable class, ties going to
 * the first class in schema order (as argmax does). A hard classifier (no probabilities) is served
 * uncalibrated.
 */
final class Postprocessor {
  private final String labelName;
  private final boolean regression;
  private final String[] classes;
  private final Map<String, Integer> index;

  Postprocessor(Schema schema) {
    Field label = schema.label().orElse(null);
    this.labelName = label == null ? null : label.name();
    this.regression = label != null && label.type() == FieldType.NUMERIC;
    List<String> declared = schema.labelClasses();
    this.classes = declared.toArray(new String[0]);
    this.index = new HashMap<>(classes.length * 2);
    for (int i = 0; i < classes.length; i++) {
      index.put(classes[i], i);
    }
  }

  /** @return whether a calibrator can apply: the label is categorical */
  boolean calibratable() {
    return classes.length >= 2;
  }

  /**
   * @throws MlsysException if the answer does not fit the schema's label or the calibrator
   *     returns an invalid probability
   */
  Prediction model(Prediction raw, ModelVersion v) {
    return conform(raw, v.version, v.calibrator, Prediction.Origin.MODEL);
  }

  /** @throws MlsysException if the fallback's answer does not fit the schema's label */
  Prediction fallback(Prediction raw, String version) {
    return conform(raw, version, null, Prediction.Origin.FALLBACK);
  }

  private Prediction conform(Prediction raw, String version, Calibrator calibrator, Prediction.Origin origin) {
    if (labelName == null) {
      return restamp(raw, raw.label(), raw.probabilities(), raw.calibrated(), version, origin);
    }
    if (regression) {
      if (!raw.isRegression()) {
        throw new MlsysException("version '" + version + "' predicted class '" + raw.label() + "' but label '"
            + labelName + "' is numeric; expected a regression value");
      }
      return restamp(raw, null, raw.probabilities(), raw.calibrated(), version, origin);
    }
    if (raw.isRegression()) {
      throw new MlsysException("version '" + version + "' predicted the value " + raw.value() + " but label '"
          + labelName + "' is categorical; expected one of " + List.of(classes));
    }
    if (!index.containsKey(raw.label())) {
      throw unknownClass(version, raw.label());
    }
    Map<String, Double> given = raw.probabilities();
    if (given.isEmpty()) {
      return restamp(raw, raw.label(), given, raw.calibrated(), version, origin);
    }
    double[] p = new double[classes.length];
    boolean inOrder = given.size() == classes.length;
    int position = 0;
    for (Map.Entry<String, Double> e : given.entrySet()) {
      Integer i = index.get(e.getKey());
      if (i == null) {
        throw unknownClass(version, e.getKey());
      }
      inOrder &= i == position++;
      p[i] = e.getValue();
    }
    if (calibrator == null) {
      return restamp(raw, raw.label(), inOrder ? given : mapOf(p), raw.calibrated(), version, origin);
    }
    int best = calibrate(calibrator, p, version);
    return new Prediction(classes[best], mapOf(p), Double.NaN, version, true, origin);
  }

  /** Calibrates p in place; returns the index of the most probable class. */
  private int calibrate(Calibrator calibrator, double[] p, String version) {
    if (p.length == 2) {
      double q = checked(calibrator, p[1], version);
      p[0] = 1 - q;
      p[1] = q;
      return q > p[0] ? 1 : 0;
    }
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = checked(calibrator, p[i], version);
      sum += p[i];
    }
    if (!(sum > 0)) {
      throw new MlsysException("version '" + version + "': calibrated probabilities sum to " + sum
          + "; one-vs-rest calibration needs a positive sum to renormalise");
    }
    int best = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }

  private static double checked(Calibrator calibrator, double score, String version) {
    double q = calibrator.calibrate(score);
    if (!(q >= 0 && q <= 1)) {
      throw new MlsysException(String.format(Locale.ROOT,
          "version '%s': calibrator returned %s for score %s; a calibrated probability must be in [0, 1]",
          version, q, score));
    }
    return q;
  }

  private Map<String, Double> mapOf(double[] p) {
    Map<String, Double> m = new LinkedHashMap<>(p.length * 2);
    for (int i = 0; i < p.length; i++) {
      m.put(classes[i], p[i]);
    }
    return m;
  }

  private static Prediction restamp(Prediction raw, String label, Map<String, Double> probabilities,
      boolean calibrated, String version, Prediction.Origin origin) {
    return new Prediction(label, probabilities, raw.value(), version, calibrated, origin);
  }

  private MlsysException unknownClass(String version, String cls) {
    return new MlsysException("version '" + version + "' predicted class '" + cls + "' which label '" + labelName
        + "' does not declare; classes are " + List.of(classes));
  }
}
