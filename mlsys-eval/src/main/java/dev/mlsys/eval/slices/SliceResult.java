package dev.mlsys.eval.slices;

import dev.mlsys.eval.metrics.Interval;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A metric on one slice.
 *
 * <p>Immutable value.
 *
 * @param grouping the grouping the slice comes from ("SEX x AGE"), or "overall" / "slices"
 * @param slice the slice's name ("SEX=F &amp; AGE=25-34")
 * @param size the number of examples in it
 * @param value the metric; NaN where undefined on the slice
 * @param interval its confidence interval; null where undefined
 * @param difference value minus the overall value (positive means better when higher is better)
 */
public record SliceResult(String grouping, String slice, long size, double value, Interval interval, double difference) {

  /** @throws NullPointerException if a name is null */
  public SliceResult {
    Objects.requireNonNull(grouping, "grouping");
    Objects.requireNonNull(slice, "slice");
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("grouping", grouping);
    m.put("slice", slice);
    m.put("size", size);
    m.put("value", value);
    if (interval != null) {
      m.put("lower", interval.lower());
      m.put("upper", interval.upper());
    }
    m.put("difference", difference);
    return m;
  }
}
