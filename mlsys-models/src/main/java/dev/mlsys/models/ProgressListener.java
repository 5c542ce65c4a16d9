package dev.mlsys.models;

/**
 * Receives progress of long work (cross-validation, searches); the CLI draws it as a bar.
 * Called from worker threads, one call at a time, with {@code done} increasing.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (stage, done, total) -> { };

  /**
   * @param stage what is running, such as {@code "grid search"}
   * @param done units of work finished
   * @param total units of work in all
   */
  void onProgress(String stage, int done, int total);
}
