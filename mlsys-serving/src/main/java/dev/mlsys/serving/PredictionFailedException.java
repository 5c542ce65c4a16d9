package dev.mlsys.serving;

import dev.mlsys.api.MlsysException;
import java.util.Objects;

/**
 * A model version could not answer a request (it threw, returned something unusable, or missed
 * the service's deadline) and no fallback was configured or the fallback failed too. The cause is
 * the model's failure; a failed fallback is attached as a suppressed exception.
 *
 * <p>Immutable and thread-safe.
 */
public class PredictionFailedException extends MlsysException {
  private static final long serialVersionUID = 1L;

  private final String version;
  private final boolean deadlineExceeded;

  /**
   * @param version the model version that failed
   * @param deadlineExceeded whether it failed by missing the deadline
   * @param message what went wrong
   * @param cause the model's failure, may be null for a missed deadline
   */
  public PredictionFailedException(String version, boolean deadlineExceeded, String message, Throwable cause) {
    super(message, cause);
    this.version = Objects.requireNonNull(version, "version");
    this.deadlineExceeded = deadlineExceeded;
  }

  /** @return the model version that failed */
  public String version() {
    return version;
  }

  /** @return whether the model missed the service's deadline (rather than throwing) */
  public boolean deadlineExceeded() {
    return deadlineExceeded;
  }
}
