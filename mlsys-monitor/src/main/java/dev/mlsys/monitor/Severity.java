package dev.mlsys.monitor;

/** How much a data-quality finding matters. */
public enum Severity {
  /** Worth knowing; no action needed by itself. */
  INFO,
  /** Likely a problem upstream; look into it. */
  WARNING,
  /** The data breaks its schema: the model sees inputs it was not built for. */
  ERROR
}
