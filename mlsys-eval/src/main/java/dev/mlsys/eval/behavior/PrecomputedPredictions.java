package dev.mlsys.eval.behavior;

import dev.mlsys.api.MlsysException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Behavioral tests on predictions computed elsewhere (a batch job, a Python model, a log): a
 * {@link Predictor} that answers from a table. Collect {@link BehavioralTest#rowsToPredict()},
 * score them, and run the test on {@code PrecomputedPredictions.of(rows, predictions)}; the test
 * evaluates exactly as with a live model.
 *
 * <p>The predictor is immutable and thread-safe.
 */
public final class PrecomputedPredictions {
  private PrecomputedPredictions() {}

  /**
   * @param rows the rows that were scored
   * @param predictions their predictions, same order
   * @return a predictor answering from the table
   * @throws IllegalArgumentException if sizes differ or a row appears twice with different predictions
   */
  public static Predictor of(List<Row> rows, List<Prediction> predictions) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(predictions, "predictions");
    if (rows.size() != predictions.size()) {
      throw new IllegalArgumentException("rows and predictions must have the same size but had " + rows.size()
          + " and " + predictions.size());
    }
    Map<Row, Prediction> table = new HashMap<>(rows.size() * 2);
    for (int i = 0; i < rows.size(); i++) {
      Prediction p = Objects.requireNonNull(predictions.get(i), "prediction");
      Prediction previous = table.put(rows.get(i), p);
      if (previous != null && !previous.equals(p)) {
        throw new IllegalArgumentException("row " + i + " appears twice with different predictions: " + rows.get(i));
      }
    }
    return of(table);
  }

  /**
   * @param table row to prediction
   * @return a predictor answering from a copy of the table; an unknown row is an
   *     {@link MlsysException} naming it
   */
  public static Predictor of(Map<Row, Prediction> table) {
    Map<Row, Prediction> copy = Map.copyOf(table);
    return row -> {
      Prediction p = copy.get(row);
      if (p == null) {
        throw new MlsysException("no precomputed prediction for " + row
            + "; score every row of the test's rowsToPredict()");
      }
      return p;
    };
  }
}
