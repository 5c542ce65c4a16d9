package dev.mlsys.cli;

import dev.mlsys.data.io.CsvFormat;
import java.util.List;
import picocli.CommandLine.Option;

/** The CSV layout options shared by the commands that read CSV files. */
final class CsvOptions {
  @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
      description = "Field delimiter: one ASCII character, or 'tab' (default: '${DEFAULT-VALUE}').")
  String delimiter;

  @Option(names = "--no-header", description = "The file has no header line; columns are matched by position.")
  boolean noHeader;

  @Option(names = "--missing", paramLabel = "TOKEN",
      description = "An unquoted value that means missing; repeat for several (default: the empty value and NA)."
          + " Quoted values are never missing.")
  List<String> missing;

  CsvFormat format() {
    char d;
    if (delimiter.equals("tab") || delimiter.equals("\\t")) {
      d = '\t';
    } else if (delimiter.length() == 1) {
      d = delimiter.charAt(0);
    } else {
      throw new IllegalArgumentException("--delimiter must be one character or 'tab' but was: '" + delimiter + "'");
    }
    CsvFormat f = CsvFormat.DEFAULT.withDelimiter(d).withHeader(!noHeader);
    return missing == null ? f : f.withMissingValues(missing.toArray(new String[0]));
  }
}
