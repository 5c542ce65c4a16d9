package dev.mlsys.api;

/**
 * The root of every domain failure mlsys reports: invalid input, a corrupt or incompatible
 * artifact, a model that cannot serve. Unchecked, so callers handle it where they can act on it.
 *
 * <p>Bad arguments to a method are reported with {@link IllegalArgumentException} and misuse of
 * an object with {@link IllegalStateException}, as in the JDK; this hierarchy is for failures of
 * the data, models and artifacts a program works with.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class MlsysException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong, the value, and what was expected
   */
  public MlsysException(String message) {
    super(message);
  }

  /**
   * @param message what was wrong, the value, and what was expected
   * @param cause the underlying failure
   */
  public MlsysException(String message, Throwable cause) {
    super(message, cause);
  }
}
