package dev.mlsys.cli.quickstart;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The quickstart's settings.
 *
 * @param out the folder the report goes to
 * @param seed the seed every random step derives its own from
 * @param quiet print only the result lines
 * @param data the user's CSV file, or {@code null} for the bundled data set
 * @param label the user's label column; required with {@code data}
 */
public record QuickstartOptions(Path out, long seed, boolean quiet, Path data, String label) {

  /** @throws IllegalArgumentException if {@code data} is given without {@code label} or the reverse */
  public QuickstartOptions {
    Objects.requireNonNull(out, "out");
    if ((data == null) != (label == null)) {
      throw new IllegalArgumentException("--data and --label go together: give both or neither");
    }
  }

  /** @return whether the run uses the bundled data sets */
  public boolean bundled() {
    return data == null;
  }
}
