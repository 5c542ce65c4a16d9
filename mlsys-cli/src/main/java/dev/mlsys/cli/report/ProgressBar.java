package dev.mlsys.cli.report;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with a carriage return:
 * {@code   training  [##########..........]  12/24  bagging}. Silent when quiet. Safe to call
 * {@link #step(String)} from several threads: updates are serialised.
 */
public final class ProgressBar {
  private static final int WIDTH = 24;
  private final PrintWriter out;
  private final String title;
  private final int total;
  private final boolean quiet;
  private int done;

  /**
   * @param out where to draw (usually the terminal's error stream, so stdout stays clean)
   * @param title a word for the work
   * @param total how many steps the work has
   * @param quiet draw nothing
   */
  public ProgressBar(PrintWriter out, String title, int total, boolean quiet) {
    this.out = out;
    this.title = title;
    this.total = Math.max(1, total);
    this.quiet = quiet;
  }

  /**
   * Marks one step done and redraws.
   *
   * @param what the step just finished, shown after the bar
   */
  public synchronized void step(String what) {
    done = Math.min(total, done + 1);
    if (quiet) {
      return;
    }
    int filled = done * WIDTH / total;
    String label = what.length() > 28 ? what.substring(0, 27) + "~" : what;
    out.print(String.format(Locale.ROOT, "\r  %-10s [%s%s] %3d/%-3d %-28s", title, "#".repeat(filled),
        ".".repeat(WIDTH - filled), done, total, label));
    if (done == total) {
      out.print("\r" + " ".repeat(80) + "\r");
    }
    out.flush();
  }
}
