package dev.mlsys.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model ready to predict one validated {@link Row} at a time. Any lambda is a predictor:
 *
 * <pre>{@code
 * Predictor alwaysYes = row -> Prediction.of("yes", Map.of("no", 0.1, "yes", 0.9));
 * }</pre>
 *
 * <p>Thread-safety: implementations must be safe for concurrent use; serving calls
 * {@link #predict(Row)} from many threads at once.
 */
@FunctionalInterface
public interface Predictor {

  /**
   * @param row a validated row; its label, if any, must be ignored
   * @return the prediction
   * @throws MlsysException if the model cannot predict this row
   */
  Prediction predict(Row row);

  /**
   * Predicts many rows, in order. Implementations may override this with a faster batch path.
   *
   * @param rows validated rows
   * @return one prediction per row, in the same order
   */
  default List<Prediction> predictAll(List<Row> rows) {
    Objects.requireNonNull(rows, "rows");
    List<Prediction> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(predict(row));
    }
    return out;
  }
}
