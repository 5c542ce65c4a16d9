package dev.mlsys.api;

import java.util.List;

/**
 * Turns a validated {@link Row} into the dense feature vector a model reads: the serving face of
 * a fitted feature pipeline. mlsys-data's {@code FeaturePipeline} implements it, so serving can
 * apply the pipeline fitted at training time without depending on the data module.
 *
 * <p>Thread-safety: implementations must be immutable or otherwise safe for concurrent use.
 */
public interface RowTransform {

  /** @return the names of the output features, in vector order */
  List<String> outputNames();

  /** @return the length of the output vector */
  default int outputWidth() {
    return outputNames().size();
  }

  /**
   * Writes the features of a row into a caller-owned buffer, allocating nothing.
   *
   * @param row a row of the schema the transform was fitted on
   * @param out a buffer of at least {@link #outputWidth()} values
   * @throws IncompatibleSchemaException if the row lacks a field the transform reads
   */
  void transform(Row row, double[] out);

  /**
   * @param row a row of the schema the transform was fitted on
   * @return a new feature vector
   */
  default double[] transform(Row row) {
    double[] out = new double[outputWidth()];
    transform(row, out);
    return out;
  }

  /**
   * @param model a model over this transform's output vectors
   * @return a predictor over rows: this transform, then the model
   */
  default Predictor andThen(VectorPredictor model) {
    RowTransform self = this;
    return row -> model.predict(self.transform(row));
  }
}
