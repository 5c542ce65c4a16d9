package dev.mlsys.cli;

import dev.mlsys.data.io.RowReader;
import dev.mlsys.data.io.ValidationPolicy;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --rejects FILE} option of the commands that read rows against a schema. */
final class RejectsOption {
  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Write every rejected row, untouched, with its line and reasons to FILE (replaced).")
  Path file;

  /** Reads on past rejected rows: quarantined to the file if one was given, else collected. */
  void applyTo(RowReader.Builder reader) {
    if (file != null) {
      reader.quarantine(file);
    } else {
      reader.policy(ValidationPolicy.SKIP_AND_COLLECT);
    }
  }
}
