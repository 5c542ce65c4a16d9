package dev.mlsys.monitor.stream;

/** Which changes of the mean a Page-Hinkley or CUSUM detector watches for (River's {@code mode}). */
public enum ChangeDirection {
  /** Increases only. */
  UP,
  /** Decreases only. */
  DOWN,
  /** Increases and decreases (River's default, {@code "both"}). */
  BOTH
}
