package dev.mlsys.data.io;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.Table;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the writers share: creating a file, checking fields, number text, failure messages. */
final class Writers {
  private Writers() {}

  static OutputStream create(Path file) {
    try {
      return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file + ": " + CsvReader.reason(e), e);
    }
  }

  /** @return the failure to throw when writing {@code what} (a file or stream name) fails */
  static UncheckedIOException cannotWrite(String what, IOException e) {
    return new UncheckedIOException("cannot write " + what + ": " + CsvReader.reason(e), e);
  }

  static void checkFields(Schema expected, Schema actual, String what) {
    if (actual != expected && !actual.allFields().equals(expected.allFields())) {
      throw new IllegalArgumentException(what + " of schema " + actual + " does not fit the writer's schema " + expected);
    }
  }

  static void checkFields(Schema expected, Table table) {
    checkFields(expected, table.schema(), "table");
  }

  static void checkFields(Schema expected, Row row) {
    checkFields(expected, row.schema(), "row");
  }

  /**
   * @return the shortest text that {@link Double#parseDouble} reads back to exactly {@code v}:
   *     integral values without a fraction, negative zero kept
   */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && Double.doubleToRawLongBits(v) != 0)) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
