/**
 * Streaming change detectors with River's defaults and semantics (ADWIN, DDM, EDDM, Page-Hinkley,
 * CUSUM, KSWIN, HDDM_A, HDDM_W) and an evaluation harness for labelled streams.
 *
 * <p>Start at {@link dev.mlsys.monitor.stream.DriftDetectors}; measure detectors on a stream with
 * known change points with {@link dev.mlsys.monitor.stream.DetectorEvaluation}.
 */
package dev.mlsys.monitor.stream;
