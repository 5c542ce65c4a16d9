/**
 * The core types every mlsys module shares, with no dependency beyond the JDK.
 *
 * <p>Start at {@link dev.mlsys.api.Schema#builder()}: a {@link dev.mlsys.api.Schema} validates
 * records into {@link dev.mlsys.api.Row}s and reports every {@link dev.mlsys.api.Violation}; a
 * {@link dev.mlsys.api.Predictor} turns a row into a {@link dev.mlsys.api.Prediction}; a
 * {@link dev.mlsys.api.Calibrator} maps scores to probabilities.
 */
package dev.mlsys.api;
