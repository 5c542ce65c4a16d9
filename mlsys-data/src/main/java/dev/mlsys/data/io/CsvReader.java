package dev.mlsys.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Streams the records of a CSV file as text, one {@link CsvRecord} at a time, in constant memory
 * (one record plus a 64 KiB buffer). The layout rules are those of {@link CsvFormat}. To read
 * validated rows of a schema, use {@link RowReader#csv(Path, dev.mlsys.api.Schema)}; this class
 * is the layer under it, and the input of schema inference.
 *
 * <pre>{@code
 * try (CsvReader csv = CsvReader.open(path, CsvFormat.DEFAULT)) {
 *   List<String> columns = csv.header();
 *   while (csv.hasNext()) {
 *     CsvRecord record = csv.next();
 *   }
 * }
 * }</pre>
 *
 * <p>Without a header line the columns are named {@code column1}, {@code column2}, ... after the
 * first record. Every record after the first must have as many fields as the first; one that does
 * not is a malformed record, returned with its {@link CsvRecord#problem()}.
 *
 * <p>Not thread-safe: confine to one thread. I/O failures are thrown as
 * {@link UncheckedIOException}.
 */
public final class CsvReader implements Iterator<CsvRecord>, AutoCloseable {
  private final CsvParser parser;
  private final String source;
  private final List<String> header;
  private final boolean headerLine;
  private byte[] rawHeader = new byte[0];
  private CsvRecord pending;
  private boolean replay;
  private boolean done;

  private CsvReader(CsvParser parser, String source, CsvFormat format) throws IOException {
    this.parser = parser;
    this.source = source;
    this.headerLine = format.header();
    this.header = readHeader(format.header());
  }

  /**
   * @param file a CSV file
   * @param format its layout
   * @return a reader positioned after the header
   * @throws UncheckedIOException if the file cannot be opened or read
   * @throws MalformedRecordException if the header is missing, malformed or has duplicate or
   *     empty names
   */
  public static CsvReader open(Path file, CsvFormat format) {
    Objects.requireNonNull(format, "format");
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + ": " + reason(e), e);
    }
    return open(in, file.toString(), format);
  }

  /**
   * @param in the bytes of a CSV file; closed by {@link #close()}
   * @param source a name for messages (a file name)
   * @param format its layout
   * @return a reader positioned after the header
   * @throws UncheckedIOException if the stream cannot be read
   * @throws MalformedRecordException if the header is missing, malformed or has duplicate or
   *     empty names
   */
  public static CsvReader open(InputStream in, String source, CsvFormat format) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    CsvParser parser = new CsvParser(in, source, format);
    try {
      return new CsvReader(parser, source, format);
    } catch (IOException e) {
      closeQuietly(parser, e);
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(parser, e);
      throw e;
    }
  }

  /** @return the column names: the header line, or {@code column1..N} without one; unmodifiable */
  public List<String> header() {
    return header;
  }

  /** @return the name of the file or stream, for messages */
  public String source() {
    return source;
  }

  /** @return the header line's bytes as read, or none for a headerless format */
  byte[] rawHeader() {
    return rawHeader.clone();
  }

  /** @return whether the input has a header line (as its format says) */
  boolean hasHeaderLine() {
    return headerLine;
  }

  /**
   * @return whether another record follows
   * @throws UncheckedIOException if the input cannot be read
   * @throws MalformedRecordException if a record exceeds the size limit
   */
  @Override
  public boolean hasNext() {
    if (pending != null) {
      return true;
    }
    if (!advance()) {
      return false;
    }
    pending = current();
    return true;
  }

  /**
   * @return the next record
   * @throws NoSuchElementException if there is none
   */
  @Override
  public CsvRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more records in " + source);
    }
    CsvRecord r = pending;
    pending = null;
    return r;
  }

  /** @return how many empty lines were skipped so far (they hold no record) */
  public long blankLines() {
    return parser.blankLines();
  }

  /** Closes the underlying stream. */
  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }

  /** The parser under this reader, for readers that validate its records in place. */
  CsvParser parser() {
    return parser;
  }

  /**
   * Moves the parser to the next record (the first record of a headerless file is already there).
   *
   * @return false at the end of input
   */
  boolean advance() {
    if (replay) {
      replay = false;
      return true;
    }
    if (done) {
      return false;
    }
    try {
      if (!parser.next()) {
        done = true;
        return false;
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": line " + parser.line() + ": " + e.getMessage(), e);
    }
  }

  private CsvRecord current() {
    String problem = parser.problem();
    return new CsvRecord(parser.line(), problem == null ? parser.values() : null, parser.rawBytes(),
        parser.terminator(), problem);
  }

  private List<String> readHeader(boolean headerLine) throws IOException {
    parser.applyMissingValues(!headerLine);
    boolean any = parser.next();
    parser.applyMissingValues(true);
    if (!any) {
      if (headerLine) {
        throw new MalformedRecordException(source, 1, "the input is empty but a header line was expected");
      }
      done = true;
      return List.of();
    }
    if (!headerLine) {
      String[] names = new String[parser.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = "column" + (i + 1);
      }
      parser.expect(names);
      replay = true;
      return List.of(names);
    }
    if (parser.problem() != null) {
      throw new MalformedRecordException(source, parser.line(), "the header " + parser.problem());
    }
    rawHeader = parser.rawBytes();
    String[] names = parser.values();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.length; i++) {
      if (names[i] == null || names[i].isBlank()) {
        throw new MalformedRecordException(source, parser.line(),
            "the header's column " + (i + 1) + " has no name: '" + (names[i] == null ? "" : names[i]) + "'");
      }
      if (!seen.add(names[i])) {
        throw new MalformedRecordException(source, parser.line(),
            "the header names column '" + names[i] + "' twice (columns must be unique)");
      }
    }
    parser.expect(names);
    return List.of(names);
  }

  /** @return why an I/O operation failed, in words (the JDK's file exceptions carry only the path) */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void closeQuietly(CsvParser parser, Throwable cause) {
    try {
      parser.close();
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }
}
