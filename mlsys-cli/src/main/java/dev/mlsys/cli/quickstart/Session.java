package dev.mlsys.cli.quickstart;

import dev.mlsys.cli.report.Html;
import dev.mlsys.cli.report.ProgressBar;
import dev.mlsys.cli.report.TextTable;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every quickstart step shares: the options, the terminal, the report being built (JSON
 * members and HTML sections), per-step seeds and timings. Confined to the thread running the
 * quickstart.
 */
final class Session {
  final QuickstartOptions options;
  final Html html;
  final Map<String, Object> json = new LinkedHashMap<>();
  final Map<String, Double> seconds = new LinkedHashMap<>();
  private final PrintWriter out;
  private final PrintWriter err;
  private int section;
  private long stepStart;

  Session(QuickstartOptions options, PrintWriter out, PrintWriter err) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.html = new Html("mlsys quickstart", "The whole lifecycle on real data: data, training, calibration,"
        + " behavioral tests, slices, serving and drift. Seed " + options.seed() + ".");
  }

  /**
   * A seed for one step, mixed from the run's seed (SplitMix64 finaliser) so that steps draw
   * independent streams and changing one step's use of randomness leaves the others alone.
   */
  long seed(String step) {
    long z = options.seed() + 0x9E3779B97F4A7C15L * (step.hashCode() + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Starts a numbered section in the terminal and the clock for the step. */
  void begin(String title) {
    section++;
    stepStart = System.nanoTime();
    if (!options.quiet()) {
      out.println();
      out.println(String.format(Locale.ROOT, "%d. %s", section, title));
      out.println("-".repeat(title.length() + 3));
    }
  }

  /** Stops the clock of the current step and records its time under {@code key}. */
  void end(String key) {
    double s = (System.nanoTime() - stepStart) / 1e9;
    seconds.put(key, s);
    if (!options.quiet()) {
      out.println(String.format(Locale.ROOT, "  (%.1f s)", s));
    }
    out.flush();
  }

  /** Prints a line of the current section, unless quiet. */
  void say(String line) {
    if (!options.quiet()) {
      out.println("  " + line);
    }
  }

  /** Prints a formatted line of the current section, unless quiet. */
  void say(String format, Object... args) {
    say(String.format(Locale.ROOT, format, args));
  }

  /** Prints a table, unless quiet. */
  void table(TextTable table) {
    if (!options.quiet()) {
      out.print(table.render());
    }
  }

  /** Prints a line even when quiet (results a script may read). */
  void always(String line) {
    out.println(line);
    out.flush();
  }

  /** @return a progress bar drawn on the error stream, so the standard output stays clean */
  ProgressBar progress(String title, int total) {
    return new ProgressBar(err, title, total, options.quiet());
  }
}
