package dev.mlsys.models.compiled;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.RowTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compiled model behind a fitted {@link RowTransform}: each row's features go into a per-thread
 * buffer (the transform allocates nothing, the kernel keeps nothing), so a prediction allocates
 * only its result.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class RowPredictor implements Predictor {
  private final CompiledModel model;
  private final RowTransform transform;
  private final ThreadLocal<double[]> buffer;

  RowPredictor(CompiledModel model, RowTransform transform) {
    this.model = model;
    this.transform = transform;
    int width = model.inputNames().size();
    this.buffer = ThreadLocal.withInitial(() -> new double[width]);
  }

  @Override
  public Prediction predict(Row row) {
    Objects.requireNonNull(row, "row");
    double[] x = buffer.get();
    transform.transform(row, x);
    return model.predictChecked(x);
  }

  @Override
  public List<Prediction> predictAll(List<Row> rows) {
    Objects.requireNonNull(rows, "rows");
    List<Prediction> out = new ArrayList<>(rows.size());
    double[] x = buffer.get();
    for (Row row : rows) {
      transform.transform(row, x);
      out.add(model.predictChecked(x));
    }
    return out;
  }

  @Override
  public String toString() {
    return "RowPredictor[" + model + "]";
  }
}
