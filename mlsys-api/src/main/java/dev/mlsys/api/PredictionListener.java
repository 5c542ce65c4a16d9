package dev.mlsys.api;

/**
 * Receives every prediction a service makes, so monitoring can watch a service without depending
 * on it. Called on the request thread after the answer is computed: keep it quick, hand heavy
 * work to another thread, and do not throw (a thrown exception is counted and dropped by the
 * caller, never failing the request).
 *
 * <p>Thread-safety: called from many threads at once; implementations must be thread-safe.
 */
@FunctionalInterface
public interface PredictionListener {

  /** @param event the served request */
  void onPrediction(PredictionEvent event);
}
