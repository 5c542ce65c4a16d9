package dev.mlsys.models.compiled;

/**
 * Thrown by {@link ModelCompiler} for a model it cannot compile. The message names the model, what
 * was not supported and the kinds that are; {@link ModelCompiler#compileOrFallback} handles such
 * models by falling back to their own predict instead.
 */
public final class UnsupportedModelException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message what could not be compiled and what can be */
  public UnsupportedModelException(String message) {
    super(message);
  }
}
