package dev.mlsys.cli;

import picocli.CommandLine;

/**
 * Entry point of the {@code mlsys} command. Exit codes: 0 success, 1 a finding (rejected rows,
 * drift), 2 a usage or I/O error.
 */
public final class Main {
  private Main() {}

  /** @param args command-line arguments */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command without exiting the JVM, for tests.
   *
   * @param args command-line arguments
   * @return the exit code
   */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** @return the configured command line, for tests that capture output */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new MlsysCommand());
    cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      cmd.getErr().println(cmd.getColorScheme().errorText("mlsys: " + ExitCodes.describe(ex)));
      return ExitCodes.ERROR;
    });
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
