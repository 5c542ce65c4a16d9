package dev.mlsys.data.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A streaming RFC 4180 parser over bytes. It splits records on ASCII structure (delimiter, quote,
 * line breaks, which never occur inside a UTF-8 multi-byte sequence), keeps each record's raw
 * bytes so a rejected record can be written out untouched, and only then decodes fields as
 * strict UTF-8.
 *
 * <p>A malformed record is reported, not thrown: {@link #problem()} says what is wrong and the
 * caller decides (reject, collect, quarantine). A quote that opens a field and breaks the syntax
 * after a line break (it never closes before the end of input or the size limit, or text follows
 * its closing quote) would otherwise swallow the following lines; the parser then takes the
 * record's first line alone as the malformed record and resumes on the next line, so no line is
 * lost. Only a single line longer than {@code maxRecordBytes} stops reading, with a
 * {@link MalformedRecordException}.
 *
 * <p>Not thread-safe. The current record is a view valid until the next call to {@link #next()}.
 */
final class CsvParser implements Closeable {
  private static final byte LF = '\n';
  private static final byte CR = '\r';
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int AFTER_QUOTE = 3;

  private final InputStream in;
  private final String source;
  private final byte delim;
  private final byte quote;
  private final String quoteText;
  private final String doubledQuote;
  private final int maxRecordBytes;
  private final Set<String> missing;
  private final boolean emptyIsMissing;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private boolean started;
  private boolean pendingTerminator;
  private long nextLine = 1;
  private long blankLines;

  private byte[] raw = new byte[1024];
  private int rawLen;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private boolean[] quoted = new boolean[32];
  private int count;
  private long line;
  private String terminator = "";
  private String problem;
  private int firstBreak;
  private int firstBreakLen;
  private String brokenAfterBreak;
  private String[] values = new String[32];
  private int expected = -1;
  private String[] names;
  private boolean applyMissing = true;

  CsvParser(InputStream in, String source, CsvFormat format) {
    this.in = in;
    this.source = source;
    this.delim = (byte) format.delimiter();
    this.quote = (byte) format.quote();
    this.quoteText = String.valueOf(format.quote());
    this.doubledQuote = quoteText + quoteText;
    this.maxRecordBytes = format.maxRecordBytes();
    this.missing = format.missingValues();
    this.emptyIsMissing = missing.contains("");
  }

  /** Sets the number of fields every following record must have, and the names for messages. */
  void expect(String[] columnNames) {
    this.names = columnNames.clone();
    this.expected = columnNames.length;
  }

  /** Sets whether missing-value tokens become null (not for a header line). */
  void applyMissingValues(boolean apply) {
    this.applyMissing = apply;
  }

  /**
   * Parses the next record.
   *
   * @return false at the end of input
   * @throws IOException if the input cannot be read
   * @throws MalformedRecordException if a single line exceeds the size limit
   */
  boolean next() throws IOException {
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    if (pendingTerminator) {
      consumeTerminator();
      pendingTerminator = false;
    }
    while (true) {
      if (!fill()) {
        return false;
      }
      byte b = buf[pos];
      if (b != LF && b != CR) {
        break;
      }
      consumeTerminator();
      blankLines++;
    }
    line = nextLine;
    rawLen = 0;
    count = 0;
    problem = null;
    firstBreak = -1;
    brokenAfterBreak = null;
    boolean ended;
    try {
      ended = scan();
    } catch (RecordTooLong e) {
      if (firstBreak < 0) {
        throw new MalformedRecordException(source, line, String.format(Locale.ROOT,
            "record is longer than the limit of %d bytes (CsvFormat.maxRecordBytes); raise the limit if the "
                + "data is right", maxRecordBytes));
      }
      resync("its quoted field still runs on after " + maxRecordBytes + " bytes");
      return true;
    }
    pendingTerminator = ended;
    terminator = ended ? peekTerminator() : "";
    boolean mismatch = expected >= 0 && count != expected;
    // A well-formed quoted field that spans lines is data even in a ragged record; only a syntax
    // error after the line break (a quote that never closes, or text after it) marks a broken quote.
    if (brokenAfterBreak != null) {
      resync(brokenAfterBreak);
      return true;
    }
    if (problem == null && mismatch) {
      problem = String.format(Locale.ROOT, "has %d fields but the header has %d", count, expected);
    }
    if (problem == null) {
      decodeValues();
    }
    return true;
  }

  /** @return the line the current record starts on, 1-based */
  long line() {
    return line;
  }

  /**
   * @return the line terminator that ended the current record as read: {@code "\n"},
   *     {@code "\r\n"}, {@code "\r"}, or {@code ""} for a last record without one
   */
  String terminator() {
    return terminator;
  }

  /** @return what is wrong with the current record, or null if it is well-formed */
  String problem() {
    return problem;
  }

  /** @return the number of fields of the current (well-formed) record */
  int size() {
    return count;
  }

  /** @return field {@code i} of the current well-formed record; null if missing */
  String value(int i) {
    return values[i];
  }

  /** @return a copy of the fields of the current well-formed record, nulls for missing values */
  String[] values() {
    return Arrays.copyOf(values, count);
  }

  /** @return a copy of the current record's bytes as read, without its line terminator */
  byte[] rawBytes() {
    return Arrays.copyOf(raw, rawLen);
  }

  /** Writes the current record's bytes as read, without its line terminator. */
  void writeRaw(OutputStream out) throws IOException {
    out.write(raw, 0, rawLen);
  }

  /** @return the current record's text, decoded leniently (invalid bytes replaced), for messages */
  String rawText() {
    return new String(raw, 0, rawLen, StandardCharsets.UTF_8);
  }

  /** @return how many empty lines were skipped so far */
  long blankLines() {
    return blankLines;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Scans one record's structure into {@code raw}, {@code starts}, {@code ends}; true if a line break ended it. */
  private boolean scan() throws IOException {
    int state = FIELD_START;
    int fieldStart = 0;
    while (true) {
      if (pos >= limit && !fill()) {
        switch (state) {
          case FIELD_START:
            addField(rawLen, rawLen, false);
            break;
          case UNQUOTED:
            addField(fieldStart, rawLen, false);
            break;
          case QUOTED:
            note("has a quote in column " + (count + 1) + " that never closes");
            addField(fieldStart, rawLen, false);
            break;
          default:
            addField(fieldStart, rawLen, true);
        }
        return false;
      }
      switch (state) {
        case FIELD_START: {
          byte b = buf[pos];
          if (b == quote) {
            fieldStart = rawLen;
            append(b);
            state = QUOTED;
          } else if (b == delim) {
            addField(rawLen, rawLen, false);
            append(b);
          } else if (b == LF || b == CR) {
            addField(rawLen, rawLen, false);
            return true;
          } else {
            fieldStart = rawLen;
            state = UNQUOTED;
          }
          break;
        }
        case UNQUOTED: {
          int p = pos;
          byte[] bb = buf;
          int lim = limit;
          byte d = delim;
          byte q = quote;
          while (p < lim) {
            byte c = bb[p];
            if (c == d || c == LF || c == CR || c == q) {
              break;
            }
            p++;
          }
          appendRun(p);
          if (p == lim) {
            break;
          }
          byte c = bb[p];
          if (c == q) {
            note("has a quote character inside the unquoted field in column " + (count + 1));
            append(c);
          } else if (c == d) {
            addField(fieldStart, rawLen, false);
            append(c);
            state = FIELD_START;
          } else {
            addField(fieldStart, rawLen, false);
            return true;
          }
          break;
        }
        case QUOTED: {
          int p = pos;
          byte[] bb = buf;
          int lim = limit;
          byte q = quote;
          while (p < lim) {
            byte c = bb[p];
            if (c == q || c == LF || c == CR) {
              break;
            }
            p++;
          }
          appendRun(p);
          if (p == lim) {
            break;
          }
          byte c = bb[p];
          if (c == q) {
            append(c);
            state = AFTER_QUOTE;
          } else {
            // a line break inside quotes is data; remember the first for resynchronisation
            int at = rawLen;
            append(c);
            int len = 1;
            if (c == CR && (pos < limit || fill()) && buf[pos] == LF) {
              append(LF);
              len = 2;
            }
            if (firstBreak < 0) {
              firstBreak = at;
              firstBreakLen = len;
            }
            nextLine++;
          }
          break;
        }
        default: { // AFTER_QUOTE
          byte b = buf[pos];
          if (b == quote) {
            append(b);
            state = QUOTED;
          } else if (b == delim) {
            addField(fieldStart, rawLen, true);
            append(b);
            state = FIELD_START;
          } else if (b == LF || b == CR) {
            addField(fieldStart, rawLen, true);
            return true;
          } else {
            note("has text after the closing quote in column " + (count + 1));
            state = UNQUOTED;
          }
        }
      }
    }
  }

  /** Takes the current record's first line alone as a malformed record and re-reads the rest. */
  private void resync(String why) {
    int rest = firstBreak + firstBreakLen;
    terminator = firstBreakLen == 2 ? "\r\n" : raw[firstBreak] == CR ? "\r" : "\n";
    pushBack(raw, rest, rawLen - rest);
    rawLen = firstBreak;
    count = 0;
    pendingTerminator = false;
    nextLine = line + 1;
    problem = "has a quote that opens a field and does not close on its line (" + why
        + "); the line is taken alone and reading resumes on the next line";
  }

  private void note(String what) {
    if (problem == null) {
      problem = what;
    }
    if (firstBreak >= 0 && brokenAfterBreak == null) {
      brokenAfterBreak = what;
    }
  }

  private void addField(int start, int end, boolean isQuoted) {
    if (count == starts.length) {
      int n = count * 2;
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      quoted = Arrays.copyOf(quoted, n);
      values = Arrays.copyOf(values, n);
    }
    starts[count] = start;
    ends[count] = end;
    quoted[count] = isQuoted;
    count++;
  }

  /** Appends one byte at {@code buf[pos]} (which must be {@code b}) and advances. */
  private void append(byte b) {
    if (rawLen == maxRecordBytes) {
      throw new RecordTooLong();
    }
    if (rawLen == raw.length) {
      raw = Arrays.copyOf(raw, Math.min(Math.max(16, raw.length * 2), maxRecordBytes));
    }
    raw[rawLen++] = b;
    pos++;
  }

  /** Appends {@code buf[pos, end)} and advances to {@code end}. */
  private void appendRun(int end) {
    int n = end - pos;
    if (n == 0) {
      return;
    }
    if (n > maxRecordBytes - rawLen) {
      throw new RecordTooLong();
    }
    if (rawLen + n > raw.length) {
      raw = Arrays.copyOf(raw, (int) Math.min(Math.max((long) raw.length * 2, (long) rawLen + n), maxRecordBytes));
    }
    System.arraycopy(buf, pos, raw, rawLen, n);
    rawLen += n;
    pos = end;
  }

  /**
   * Reads the terminator at {@code pos} without consuming it (that waits for the next record, as
   * {@link #consumeTerminator()} does); after a CR this may read ahead one byte to see an LF.
   */
  private String peekTerminator() throws IOException {
    if (buf[pos] == LF) {
      return "\n";
    }
    while (limit - pos < 2 && !eof) {
      readMore();
    }
    return limit - pos >= 2 && buf[pos + 1] == LF ? "\r\n" : "\r";
  }

  private void consumeTerminator() throws IOException {
    if (!fill()) {
      return;
    }
    byte b = buf[pos++];
    if (b == CR && fill() && buf[pos] == LF) {
      pos++;
    }
    nextLine++;
  }

  private void skipByteOrderMark() throws IOException {
    while (limit - pos < 3 && !eof) {
      readMore();
    }
    if (limit - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB
        && (buf[pos + 2] & 0xFF) == 0xBF) {
      pos += 3;
    }
  }

  /** @return whether a byte is available at {@code pos} */
  private boolean fill() throws IOException {
    while (pos >= limit) {
      if (eof) {
        return false;
      }
      pos = 0;
      limit = 0;
      if (buf.length > 1 << 16) {
        buf = new byte[1 << 16];
      }
      readMore();
    }
    return true;
  }

  /** Appends whatever the stream gives to the buffer's tail (compacting first if needed). */
  private void readMore() throws IOException {
    if (limit == buf.length) {
      int live = limit - pos;
      System.arraycopy(buf, pos, buf, 0, live);
      pos = 0;
      limit = live;
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  private void pushBack(byte[] bytes, int from, int len) {
    int live = limit - pos;
    byte[] nb = new byte[Math.max(1 << 16, len + live)];
    System.arraycopy(bytes, from, nb, 0, len);
    System.arraycopy(buf, pos, nb, len, live);
    buf = nb;
    pos = 0;
    limit = len + live;
  }

  private void decodeValues() {
    for (int i = 0; i < count; i++) {
      int s = starts[i];
      int e = ends[i];
      if (quoted[i]) {
        String v = decode(s + 1, e - 1, i);
        if (v == null) {
          return;
        }
        values[i] = v.contains(quoteText) ? v.replace(doubledQuote, quoteText) : v;
      } else if (s == e) {
        values[i] = emptyIsMissing && applyMissing ? null : "";
      } else {
        String v = decode(s, e, i);
        if (v == null) {
          return;
        }
        values[i] = applyMissing && missing.contains(v) ? null : v;
      }
    }
  }

  private String decode(int from, int to, int column) {
    byte[] r = raw;
    for (int i = from; i < to; i++) {
      if (r[i] < 0) {
        return decodeUtf8(from, to, column);
      }
    }
    return new String(r, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private String decodeUtf8(int from, int to, int column) {
    ByteBuffer in = ByteBuffer.wrap(raw, from, to - from);
    CharBuffer out = CharBuffer.allocate(to - from);
    utf8.reset();
    CoderResult r = utf8.decode(in, out, true);
    if (!r.isError()) {
      r = utf8.flush(out);
    }
    if (r.isError()) {
      int offset = in.position() - from;
      problem = String.format(Locale.ROOT, "is not valid UTF-8 in column %s: byte 0x%02X at offset %d of the field",
          columnName(column), raw[in.position()] & 0xFF, offset);
      return null;
    }
    out.flip();
    return out.toString();
  }

  private String columnName(int column) {
    return names != null && column < names.length ? (column + 1) + " ('" + names[column] + "')"
        : String.valueOf(column + 1);
  }

  /** Signals a record longer than the limit; caught in {@link #next()}. */
  private static final class RecordTooLong extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RecordTooLong() {
      super(null, null, false, false);
    }
  }
}
