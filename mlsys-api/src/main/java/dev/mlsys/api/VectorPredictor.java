package dev.mlsys.api;

/**
 * A model over dense feature vectors, in the order a {@link RowTransform} writes them. Compose
 * the two into a row {@link Predictor} with {@link RowTransform#andThen(VectorPredictor)}.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use, and must not keep or
 * change the vector they are given.
 */
@FunctionalInterface
public interface VectorPredictor {

  /**
   * @param features the feature vector; missing values are NaN
   * @return the prediction
   */
  Prediction predict(double[] features);
}
