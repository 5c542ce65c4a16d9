package dev.mlsys.data.io;

import dev.mlsys.api.Schema;
import java.util.Map;

/** CSV records matched to a schema's fields by header name (or by position without a header). */
final class CsvSource implements RecordSource {
  private final CsvReader csv;
  private final CsvParser parser;
  private final ColumnMatch match;

  CsvSource(CsvReader csv, Schema schema) {
    this.csv = csv;
    this.parser = csv.parser();
    if (!csv.hasHeaderLine()) {
      // an empty headerless file has no record to match
      this.match = csv.header().isEmpty() ? ColumnMatch.empty()
          : ColumnMatch.byPosition(csv.source(), csv.header().size(), schema);
    } else {
      this.match = ColumnMatch.byName(csv.source(), csv.header(), schema, "header");
    }
  }

  @Override
  public String name() {
    return csv.source();
  }

  @Override
  public boolean advance() {
    return csv.advance();
  }

  @Override
  public long line() {
    return parser.line();
  }

  @Override
  public String problem() {
    return parser.problem();
  }

  @Override
  public Map<String, ?> values() {
    for (int i = 0; i < match.size(); i++) {
      match.set(i, parser.value(match.column(i)));
    }
    return match.view();
  }

  @Override
  public byte[] rawBytes() {
    return parser.rawBytes();
  }

  @Override
  public String rawText() {
    return parser.rawText();
  }

  @Override
  public long blankLines() {
    return parser.blankLines();
  }

  @Override
  public void close() {
    csv.close();
  }

  byte[] rawHeader() {
    return csv.rawHeader();
  }
}
