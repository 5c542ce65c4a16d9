/**
 * Columnar training data.
 *
 * <p>Entry point: {@link dev.mlsys.data.Table}, an immutable Arrow-backed table of rows of a
 * {@link dev.mlsys.api.Schema}, built from rows ({@link dev.mlsys.data.Table#fromRows}) or read
 * from files ({@link dev.mlsys.data.io}). Subpackages: {@code io} (readers, writers, validation
 * policies), {@code schema} (schema JSON and inference).
 */
package dev.mlsys.data;
