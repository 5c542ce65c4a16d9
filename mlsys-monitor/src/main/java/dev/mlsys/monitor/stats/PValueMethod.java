package dev.mlsys.monitor.stats;

/**
 * How a test with both an exact and a large-sample null distribution computes its p-value.
 */
public enum PValueMethod {
  /** Exact for small samples, asymptotic beyond the test's documented size limit (scipy's default). */
  AUTO,
  /** The exact null distribution (falls back to asymptotic where scipy does, as documented per test). */
  EXACT,
  /** The large-sample (limiting) distribution. */
  ASYMPTOTIC
}
