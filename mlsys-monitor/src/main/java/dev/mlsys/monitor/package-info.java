/**
 * Drift monitoring of a model in production: compare current data with a reference profile,
 * field by field, with multiple-testing control, effect sizes and data-quality findings; watch a
 * prediction feed in windows; report as JSON and HTML.
 *
 * <p>Start at {@link dev.mlsys.monitor.DriftMonitor#builder(dev.mlsys.api.Schema)}; watch a
 * service with {@link dev.mlsys.monitor.MonitoringListener}. The two-sample tests are in
 * {@link dev.mlsys.monitor.stats}, the streaming detectors in {@link dev.mlsys.monitor.stream},
 * the profiles in {@link dev.mlsys.monitor.profile}.
 */
package dev.mlsys.monitor;
