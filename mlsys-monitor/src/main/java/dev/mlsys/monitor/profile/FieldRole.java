package dev.mlsys.monitor.profile;

/** What a profiled column is to the model. */
public enum FieldRole {
  /** An input feature. */
  FEATURE,
  /** The label (ground truth), when records carry it: label drift. */
  LABEL,
  /** What the model answered (label, value or class probability): prediction drift. */
  PREDICTION
}
