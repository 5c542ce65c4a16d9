package dev.mlsys.monitor;

import dev.mlsys.monitor.profile.FieldRole;
import java.util.Objects;

/**
 * The drift verdict for one field: the test, its statistic and p-value, the corrected p-value, the
 * effect size, and whether the field drifted.
 *
 * <p>A p-value test flags drift when the corrected p-value is below alpha and the effect size
 * reaches the effect threshold, so that very large samples do not raise alarms on trivial shifts.
 * A distance (no p-value) flags drift when the statistic reaches its threshold.
 *
 * <p>Thread-safety: immutable.
 *
 * @param field the field's name
 * @param role feature, label or prediction
 * @param type the field type ("numeric", "categorical", "boolean", "text", "timestamp")
 * @param tested whether a drift test ran (see {@code note} when not)
 * @param test the test's name, or "none"
 * @param statistic the test statistic or distance, NaN when not tested
 * @param pValue the raw p-value, NaN for distances and untested fields
 * @param adjustedPValue the p-value after multiple-testing correction, NaN when none
 * @param threshold alpha for p-value tests, the distance threshold for distances, NaN when not tested
 * @param effectSizeMetric "wasserstein/std" (numeric) or "jensen-shannon" (categorical), or "none"
 * @param effectSize the effect size, NaN when not tested
 * @param effectThreshold the smallest effect size that counts as drift (p-value tests), NaN otherwise
 * @param drifted the verdict
 * @param contribution this field's share of the summed effect sizes of tested fields, in [0, 1]
 * @param referenceCount valid reference values
 * @param currentCount valid current values
 * @param distribution reference and current proportions for charts, or null
 * @param note why the field was not tested, or how it was tested (for example from a sketch); empty if nothing to say
 */
public record FeatureDrift(String field, FieldRole role, String type, boolean tested, String test, double statistic,
    double pValue, double adjustedPValue, double threshold, String effectSizeMetric, double effectSize,
    double effectThreshold, boolean drifted, double contribution, long referenceCount, long currentCount,
    Distribution distribution, String note) {

  /** @throws NullPointerException if a name, role, type, test, metric or note is null */
  public FeatureDrift {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(effectSizeMetric, "effectSizeMetric");
    Objects.requireNonNull(note, "note");
    if (drifted && !tested) {
      throw new IllegalArgumentException("field '" + field + "' cannot have drifted without being tested");
    }
  }

  FeatureDrift withVerdict(double adjusted, boolean isDrifted, double share) {
    return new FeatureDrift(field, role, type, tested, test, statistic, pValue, adjusted, threshold, effectSizeMetric,
        effectSize, effectThreshold, isDrifted, share, referenceCount, currentCount, distribution, note);
  }
}
