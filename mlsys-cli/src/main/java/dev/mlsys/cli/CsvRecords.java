package dev.mlsys.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV stream record by record, keeping each record's exact bytes (terminator included) so
 * a sampled record can be written back byte for byte. Record boundaries follow RFC 4180: a line
 * end ends a record unless it is inside a quoted field; {@code \n}, {@code \r\n} and {@code \r}
 * all end lines, as in Jackson's CSV parser. Blank lines are not records and are skipped. Field
 * values are parsed by Jackson's streaming CSV parser, one record at a time and only when a
 * command needs a column.
 *
 * <p>Memory: one record plus a 64 KiB buffer. Not thread-safe.
 */
final class CsvRecords {
  private static final int START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  private final InputStream in;
  private final byte delimiter;
  private final CsvFactory factory = new CsvFactory();
  private final CsvSchema schema;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] record = new byte[256];
  private int length;
  private long number;

  CsvRecords(InputStream in, char delimiter) {
    if (delimiter > 0x7f || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter must be one ASCII character other than a quote or line end but was: "
          + delimiter);
    }
    this.in = in;
    this.delimiter = (byte) delimiter;
    this.schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withoutHeader();
  }

  private int read() throws IOException {
    if (pos == limit) {
      limit = in.read(buf, 0, buf.length);
      pos = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buf[pos++] & 0xff;
  }

  private int peek() throws IOException {
    if (pos == limit) {
      limit = in.read(buf, 0, buf.length);
      pos = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buf[pos] & 0xff;
  }

  private void append(int b) {
    if (length == record.length) {
      record = Arrays.copyOf(record, record.length * 2);
    }
    record[length++] = (byte) b;
  }

  /**
   * Advances to the next record.
   *
   * @return false at the end of the input
   * @throws IOException if reading fails
   */
  boolean next() throws IOException {
    while (true) {
      length = 0;
      int state = START;
      int content = 0;
      int b;
      while ((b = read()) >= 0) {
        append(b);
        if (state == QUOTED) {
          if (b == '"') {
            state = QUOTE_IN_QUOTED;
          }
          continue;
        }
        if (b == '\n' || b == '\r') {
          if (b == '\r' && peek() == '\n') {
            append(read());
          }
          break;
        }
        content++;
        if (b == delimiter) {
          state = START;
        } else if (b == '"' && state == START) {
          state = QUOTED;
        } else if (state == QUOTE_IN_QUOTED && b == '"') {
          state = QUOTED;
        } else {
          state = UNQUOTED;
        }
      }
      if (length == 0) {
        return false;
      }
      if (content > 0 || state == QUOTED) {
        number++;
        return true;
      }
      // a blank line: not a record
    }
  }

  /** @return the 1-based number of the current record (the header is record 1) */
  long number() {
    return number;
  }

  /** @return a copy of the current record's bytes, terminator included */
  byte[] bytes() {
    return Arrays.copyOf(record, length);
  }

  /** @return the current record's fields, parsed by Jackson's streaming CSV parser */
  String[] fields() {
    try (CsvParser p = factory.createParser(record, 0, length)) {
      p.setSchema(schema);
      List<String> values = new ArrayList<>();
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY) {
        while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
          values.add(p.getText());
        }
      }
      return values.toArray(new String[0]);
    } catch (IOException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "record %d is not valid CSV: %s", number,
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
  }

  /** @return the value of field {@code index} of the current record */
  String field(int index, String column) {
    String[] f = fields();
    if (index >= f.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "record %d has %d fields, so no value for column '%s' (field %d)", number, f.length, column, index + 1));
    }
    return f[index];
  }

}
