/**
 * Reading and writing data files, with validation that loses nothing.
 *
 * <p>Entry point: {@link dev.mlsys.data.io.RowReader}, which reads validated rows of a schema and
 * applies a {@link dev.mlsys.data.io.ValidationPolicy} ({@code REJECT}, {@code SKIP_AND_COLLECT},
 * {@code QUARANTINE}) to bad records, keeping each one byte for byte with its line number and
 * violations. Under it, {@link dev.mlsys.data.io.CsvReader} streams raw CSV records laid out as a
 * {@link dev.mlsys.data.io.CsvFormat} says.
 */
package dev.mlsys.data.io;
