package dev.mlsys.monitor;

/**
 * Receives the report of a monitoring window that drifted or broke the schema (a data-quality
 * finding of severity {@link Severity#ERROR}).
 *
 * <p>Called on the thread that runs the window's check (see
 * {@link MonitoringListener.Builder#executor}); implementations must be thread-safe if that
 * executor has several threads. An exception thrown here is counted and swallowed, never
 * propagated to the serving request.
 */
@FunctionalInterface
public interface DriftAlertListener {

  /** @param report the report of the window that raised the alert */
  void onAlert(DriftReport report);
}
