package dev.mlsys.monitor.stream;

/** What a {@link DriftDetector} concluded after its latest update. */
public enum DriftState {
  /** No evidence of change. */
  STABLE,
  /** Change may be starting: the warning zone of DDM, EDDM and the HDDM tests. */
  WARNING,
  /** Change detected at this update; the detector resets itself on the next update, as River does. */
  DRIFT
}
