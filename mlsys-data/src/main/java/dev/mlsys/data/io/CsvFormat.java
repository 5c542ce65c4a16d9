package dev.mlsys.data.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * How a CSV file is laid out: delimiter, quote character, whether the first line is a header,
 * which unquoted values mean "missing", and the largest record the reader will hold.
 *
 * <p>The rules (RFC 4180, with the usual extensions): records end at {@code \n}, {@code \r\n}
 * or {@code \r}; a field may be enclosed in quotes, inside which delimiters and line breaks are
 * data and a doubled quote stands for one quote. A quoted value is never missing, so
 * {@code "NA"} in quotes is the two-letter string and {@code ""} is the empty string, while an
 * unquoted {@code NA} or an empty field is missing (with the default missing values). Empty
 * lines carry no record and are skipped (and counted). Text is UTF-8; a leading byte-order mark
 * is skipped.
 *
 * <p>An immutable value: every {@code with...} method returns a copy, so a format is safe to
 * keep in a {@code static final} field and share between threads.
 *
 * @param delimiter the field separator, an ASCII character other than the quote and line breaks
 * @param quote the quote character, ASCII
 * @param header whether the first record holds the column names
 * @param missingValues unquoted values that mean "missing" ({@code ""} for an empty field)
 * @param maxRecordBytes the longest record, in bytes, the reader accepts; longer records are a
 *     {@link MalformedRecordException} (this bounds memory on a corrupt file)
 */
public record CsvFormat(char delimiter, char quote, boolean header, Set<String> missingValues, int maxRecordBytes) {

  /** Comma, double quote, a header line, {@code NA} and empty as missing, records up to 16 MiB. */
  public static final CsvFormat DEFAULT = new CsvFormat(',', '"', true, Set.of("", "NA"), 16 << 20);

  /**
   * @throws IllegalArgumentException if a character is not ASCII, is a line break, or the
   *     delimiter equals the quote; or if {@code maxRecordBytes < 1}
   * @throws NullPointerException if {@code missingValues} is or holds null
   */
  public CsvFormat {
    checkChar("delimiter", delimiter);
    checkChar("quote", quote);
    if (delimiter == quote) {
      throw new IllegalArgumentException("delimiter and quote must differ but both are '" + delimiter + "'");
    }
    missingValues = Set.copyOf(missingValues);
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be >= 1 but was: " + maxRecordBytes);
    }
  }

  /**
   * @param delimiter the field separator, e.g. {@code ';'} or {@code '\t'}
   * @return a copy with that delimiter
   */
  public CsvFormat withDelimiter(char delimiter) {
    return new CsvFormat(delimiter, quote, header, missingValues, maxRecordBytes);
  }

  /**
   * @param quote the quote character
   * @return a copy with that quote character
   */
  public CsvFormat withQuote(char quote) {
    return new CsvFormat(delimiter, quote, header, missingValues, maxRecordBytes);
  }

  /**
   * @param header whether the first record holds the column names
   * @return a copy with that choice
   */
  public CsvFormat withHeader(boolean header) {
    return new CsvFormat(delimiter, quote, header, missingValues, maxRecordBytes);
  }

  /**
   * @param values the unquoted values that mean "missing"; none for "nothing is missing"
   * @return a copy with exactly those missing values
   */
  public CsvFormat withMissingValues(String... values) {
    return new CsvFormat(delimiter, quote, header, Set.copyOf(Arrays.asList(values)), maxRecordBytes);
  }

  /**
   * @param maxRecordBytes the longest record, in bytes, to accept
   * @return a copy with that limit
   */
  public CsvFormat withMaxRecordBytes(int maxRecordBytes) {
    return new CsvFormat(delimiter, quote, header, missingValues, maxRecordBytes);
  }

  private static void checkChar(String what, char c) {
    if (c >= 0x80 || c == '\n' || c == '\r') {
      throw new IllegalArgumentException(what + " must be an ASCII character other than a line break but was: "
          + String.format(Locale.ROOT, "U+%04X", (int) c));
    }
  }
}
