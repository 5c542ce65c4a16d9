package dev.mlsys.cli;

/** The exit codes every {@code mlsys} subcommand uses. */
final class ExitCodes {
  /** Success, nothing to report. */
  static final int OK = 0;
  /** The command ran and found something: rejected rows, drift, failed checks. */
  static final int FINDING = 1;
  /** Usage error, unreadable input or any other failure to run. */
  static final int ERROR = 2;

  private ExitCodes() {}

  static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
        ? "I/O error: " + message : message;
  }
}
