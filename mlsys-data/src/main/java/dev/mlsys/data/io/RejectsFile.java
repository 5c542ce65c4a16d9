package dev.mlsys.data.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The side file of {@link ValidationPolicy#QUARANTINE}: each rejected record, byte for byte as
 * read, after two leading columns with its line number and its violations. For CSV input:
 *
 * <pre>
 * mlsys_line,mlsys_violations,&lt;the input's header line, as read&gt;
 * 17,"field 'age': value '-3' is below min 0.0 (OUT_OF_RANGE)",&lt;the record, as read&gt;
 * </pre>
 *
 * <p>The leading columns come first so they stay in place whatever the record holds (a ragged
 * record, a broken quote); strip them to get the original bytes back.
 *
 * <p>For JSON Lines and Arrow input the side file is JSON Lines, one object per rejected record:
 * {@code {"mlsys_line":17,"mlsys_violations":["..."],"record":<the record>}}, the record embedded
 * byte for byte when it is JSON, or as {@code "record_text"}, a string, when it is not (a line
 * that failed to parse). Not thread-safe.
 */
final class RejectsFile implements Closeable {
  /** Name of the column holding the line number. */
  static final String LINE_COLUMN = "mlsys_line";
  /** Name of the column holding the violations. */
  static final String VIOLATIONS_COLUMN = "mlsys_violations";

  private final OutputStream out;
  private final Path file;
  private final byte delimiter;
  private final char quote;
  private final boolean json;

  private RejectsFile(OutputStream out, Path file, char delimiter, char quote, boolean json) {
    this.out = out;
    this.file = file;
    this.delimiter = (byte) delimiter;
    this.quote = quote;
    this.json = json;
  }

  /** Creates (or replaces) a JSON Lines side file. */
  static RejectsFile jsonLines(Path file) {
    try {
      return new RejectsFile(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), file, ',', '"', true);
    } catch (IOException e) {
      throw Writers.cannotWrite("rejected rows to " + file, e);
    }
  }

  /**
   * Creates (or replaces) the file and writes its header.
   *
   * @param rawHeader the input's header line as read, or null for headerless input
   */
  static RejectsFile csv(Path file, CsvFormat format, byte[] rawHeader) {
    try {
      OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      RejectsFile r = new RejectsFile(out, file, format.delimiter(), format.quote(), false);
      if (rawHeader != null) {
        r.writeText(LINE_COLUMN);
        out.write(r.delimiter);
        r.writeText(VIOLATIONS_COLUMN);
        out.write(r.delimiter);
        out.write(rawHeader);
        out.write('\n');
      }
      return r;
    } catch (IOException e) {
      throw Writers.cannotWrite("rejected rows to " + file, e);
    }
  }

  /**
   * @param row the rejected record
   * @param rawIsJson whether its raw bytes are a JSON value (JSON side files embed them verbatim)
   */
  void write(RejectedRow row, boolean rawIsJson) {
    if (json) {
      writeJson(row, rawIsJson);
      return;
    }
    try {
      writeText(Long.toString(row.line()));
      out.write(delimiter);
      String q = String.valueOf(quote);
      writeText(q + row.reasons().replace(q, q + q) + q);
      out.write(delimiter);
      out.write(row.rawUnsafe());
      out.write('\n');
    } catch (IOException e) {
      throw Writers.cannotWrite("rejected rows to " + file, e);
    }
  }

  private void writeJson(RejectedRow row, boolean rawIsJson) {
    try {
      StringBuilder head = new StringBuilder("{\"" + LINE_COLUMN + "\":").append(row.line())
          .append(",\"" + VIOLATIONS_COLUMN + "\":[");
      for (int i = 0; i < row.violations().size(); i++) {
        head.append(i == 0 ? "" : ",").append(JsonLinesSource.MAPPER.writeValueAsString(row.violations().get(i).message()));
      }
      head.append("],");
      if (rawIsJson) {
        writeText(head.append("\"record\":").toString());
        out.write(row.rawUnsafe());
      } else {
        writeText(head.append("\"record_text\":").append(JsonLinesSource.MAPPER.writeValueAsString(row.raw()))
            .toString());
      }
      writeText("}\n");
    } catch (IOException e) {
      throw Writers.cannotWrite("rejected rows to " + file, e);
    }
  }

  private void writeText(String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw Writers.cannotWrite("rejected rows to " + file, e);
    }
  }
}
