package dev.mlsys.api;

/**
 * A stored artifact (schema, pipeline, calibrator, model, drift profile) cannot be trusted: a
 * checksum does not match, a file is missing or truncated, or its format version is not one this
 * build can read. The message names the file and what was expected against what was found.
 */
public class CorruptArtifactException extends MlsysException {
  private static final long serialVersionUID = 1L;

  /** @param message the file, and expected versus actual */
  public CorruptArtifactException(String message) {
    super(message);
  }

  /**
   * @param message the file, and expected versus actual
   * @param cause the underlying failure
   */
  public CorruptArtifactException(String message, Throwable cause) {
    super(message, cause);
  }
}
