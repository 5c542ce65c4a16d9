package dev.mlsys.data.io;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes rows of one schema to a file, streaming: tables (batches) and single rows may be
 * written in any mix, and nothing but the current batch is held in memory. Every format reads
 * back, with {@link RowReader}, to the same rows.
 *
 * <pre>{@code
 * try (TableWriter out = TableWriter.arrowFile(path, schema)) {
 *   out.write(table);
 *   out.write(row);
 * }
 * }</pre>
 *
 * <ul>
 *   <li>CSV: a header of the field names, then one line per row; numbers in the shortest form
 *       that reads back exactly (NaN and infinities as {@code NaN}, {@code Infinity}),
 *       timestamps as ISO-8601 instants, a missing value as the format's missing token, a
 *       string quoted when it holds the delimiter, a quote or a line break, or could be read as
 *       missing.
 *   <li>JSON Lines: one object per row, missing values as {@code null}, NaN and infinities as
 *       strings (JSON has no such numbers), timestamps as ISO-8601 strings.
 *   <li>Arrow IPC file or stream: the {@link Table} layout, one record batch per written table
 *       (rows written one at a time are gathered into batches of 65,536), categorical columns
 *       dictionary-encoded with the field's declared values as the dictionary.
 * </ul>
 *
 * <p>Not thread-safe: confine to one thread. I/O failures are thrown as
 * {@link UncheckedIOException}; {@link #close()} flushes and closes the output.
 */
public interface TableWriter extends AutoCloseable {

  /**
   * @param table a table whose fields are the writer's schema's fields
   * @throws IllegalArgumentException if the table has other fields
   */
  void write(Table table);

  /**
   * @param row a row whose fields are the writer's schema's fields
   * @throws IllegalArgumentException if the row has other fields
   */
  void write(Row row);

  /** @return rows written so far */
  long rowsWritten();

  /** Flushes and closes the output. Idempotent. */
  @Override
  void close();

  /**
   * @param file the file to create or replace
   * @param schema the schema of the rows
   * @return a CSV writer in {@link CsvFormat#DEFAULT}
   */
  static TableWriter csv(Path file, Schema schema) {
    return csv(file, schema, CsvFormat.DEFAULT);
  }

  /**
   * @param file the file to create or replace
   * @param schema the schema of the rows
   * @param format the layout; its header flag says whether a header line is written
   * @return a CSV writer
   * @throws IllegalArgumentException if the format has no missing-value token
   */
  static TableWriter csv(Path file, Schema schema, CsvFormat format) {
    return new CsvTableWriter(Writers.create(file), file.toString(), schema, format);
  }

  /**
   * @param out where to write; closed by {@link #close()}
   * @param schema the schema of the rows
   * @param format the layout
   * @return a CSV writer
   */
  static TableWriter csv(OutputStream out, Schema schema, CsvFormat format) {
    return new CsvTableWriter(out, "stream", schema, format);
  }

  /**
   * @param file the file to create or replace
   * @param schema the schema of the rows
   * @return a JSON Lines writer
   */
  static TableWriter jsonLines(Path file, Schema schema) {
    return new JsonLinesTableWriter(Writers.create(file), file.toString(), schema);
  }

  /**
   * @param out where to write; closed by {@link #close()}
   * @param schema the schema of the rows
   * @return a JSON Lines writer
   */
  static TableWriter jsonLines(OutputStream out, Schema schema) {
    return new JsonLinesTableWriter(out, "stream", schema);
  }

  /**
   * @param file the file to create or replace
   * @param schema the schema of the rows
   * @return an Arrow IPC file writer (the random-access format)
   */
  static TableWriter arrowFile(Path file, Schema schema) {
    try {
      return new ArrowTableWriter(Files.newByteChannel(file, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE),
          file.toString(), schema, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file + ": " + CsvReader.reason(e), e);
    }
  }

  /**
   * @param out where to write; closed by {@link #close()}
   * @param schema the schema of the rows
   * @return an Arrow IPC stream writer
   */
  static TableWriter arrowStream(OutputStream out, Schema schema) {
    return new ArrowTableWriter(java.nio.channels.Channels.newChannel(out), "stream", schema, false);
  }
}
