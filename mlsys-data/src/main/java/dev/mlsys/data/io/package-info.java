/**
 * Reading and writing data files (CSV, JSON Lines, Arrow IPC file and stream), with validation
 * that loses nothing.
 *
 * <p>Entry points: {@link dev.mlsys.data.io.RowReader}, which reads validated rows of a schema,
 * one at a time or in {@link dev.mlsys.data.Table} batches, and applies a
 * {@link dev.mlsys.data.io.ValidationPolicy} ({@code REJECT}, {@code SKIP_AND_COLLECT},
 * {@code QUARANTINE}) to bad records, keeping each one byte for byte with its line number and
 * violations; and {@link dev.mlsys.data.io.TableWriter}, which writes tables and rows in the same
 * formats. Under them, {@link dev.mlsys.data.io.CsvReader} streams raw CSV records laid out as a
 * {@link dev.mlsys.data.io.CsvFormat} says.
 */
package dev.mlsys.data.io;
