package dev.mlsys.data.imbalance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How many rows of each class a resampler aims for. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@link #balanced()} (the default): over-samplers raise every class to the majority's
 *       count, under-samplers lower every class to the minority's count.</li>
 *   <li>{@link #ratio(double)}: over-samplers raise every smaller class to
 *       {@code floor(ratio * majority)}; under-samplers lower every larger class to
 *       {@code floor(minority / ratio)}, as imbalanced-learn's float {@code sampling_strategy}.</li>
 *   <li>{@link #counts(Map)}: an explicit target per class; unnamed classes keep their count.</li>
 * </ul>
 * Cleaning methods such as Tomek links remove what they find and ignore the targets.
 */
public final class SamplingStrategy {
  private static final SamplingStrategy BALANCED = new SamplingStrategy(Double.NaN, null);

  private final double ratio;
  private final Map<Object, Integer> counts;

  private SamplingStrategy(double ratio, Map<Object, Integer> counts) {
    this.ratio = ratio;
    this.counts = counts;
  }

  /** @return every class to the majority's count (over) or the minority's count (under) */
  public static SamplingStrategy balanced() {
    return BALANCED;
  }

  /**
   * @param minorityToMajority the wanted ratio of a smaller class's count to the largest's
   * @return a ratio strategy
   * @throws IllegalArgumentException if the ratio is not in (0, 1]
   */
  public static SamplingStrategy ratio(double minorityToMajority) {
    if (!(minorityToMajority > 0 && minorityToMajority <= 1)) {
      throw new IllegalArgumentException("ratio must be in (0, 1] but was: " + minorityToMajority);
    }
    return new SamplingStrategy(minorityToMajority, null);
  }

  /**
   * @param targets the wanted count per class (labels as the data holds them: strings for rows,
   *     {@code Integer} for matrices)
   * @return an explicit strategy
   * @throws IllegalArgumentException if a count is negative or a key is null
   */
  public static SamplingStrategy counts(Map<?, Integer> targets) {
    Objects.requireNonNull(targets, "targets");
    Map<Object, Integer> copy = new LinkedHashMap<>();
    targets.forEach((k, v) -> {
      if (k == null || v == null || v < 0) {
        throw new IllegalArgumentException("target counts need non-null classes and counts >= 0 but got " + k + "="
            + v);
      }
      copy.put(k, v);
    });
    return new SamplingStrategy(Double.NaN, copy);
  }

  /**
   * @param counts the current count of each class
   * @param classes the class values
   * @param over whether the caller adds rows (true) or removes them (false)
   * @return the target count of each class
   */
  int[] targets(int[] counts, List<Object> classes, boolean over, String method) {
    int max = 0;
    int min = Integer.MAX_VALUE;
    for (int c : counts) {
      max = Math.max(max, c);
      min = Math.min(min, c);
    }
    int[] out = counts.clone();
    if (this.counts != null) {
      for (Object key : this.counts.keySet()) {
        if (!classes.contains(key)) {
          throw new IllegalArgumentException(method + ": target counts name class " + describe(key)
              + " but the training data has only " + classes);
        }
      }
      for (int c = 0; c < counts.length; c++) {
        Integer t = this.counts.get(classes.get(c));
        if (t == null) {
          continue;
        }
        if (over ? t < counts[c] : t > counts[c]) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "%s: target for class %s must be %s its current count %d but was %d", method, describe(classes.get(c)),
              over ? ">=" : "<=", counts[c], t));
        }
        out[c] = t;
      }
      return out;
    }
    for (int c = 0; c < counts.length; c++) {
      if (Double.isNaN(ratio)) {
        out[c] = over ? max : min;
      } else if (over) {
        out[c] = Math.max(counts[c], (int) Math.floor(ratio * max));
      } else {
        out[c] = Math.min(counts[c], (int) Math.floor(min / ratio));
      }
    }
    return out;
  }

  private static String describe(Object key) {
    return key instanceof String s ? "'" + s + "'" : String.valueOf(key);
  }

  @Override
  public String toString() {
    return counts != null ? "counts" + counts : Double.isNaN(ratio) ? "balanced" : "ratio(" + ratio + ")";
  }
}
