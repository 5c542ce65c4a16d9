/**
 * One-pass, mergeable, serializable profiles of data sets: the reference side of drift
 * monitoring.
 *
 * <p>Start at {@link dev.mlsys.monitor.profile.ReferenceProfile#profiler(dev.mlsys.api.Schema)}.
 */
package dev.mlsys.monitor.profile;
