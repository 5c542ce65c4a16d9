package dev.mlsys.serving;

import java.util.Locale;

/**
 * How a shadow version compared with the primary answers it ran beside. A classification agrees
 * when the labels are equal, and differs by the total variation distance of the probabilities
 * (half the sum of absolute differences; 0 or 1 by label when either side has no
 * probabilities); a regression agrees when the values are equal within a relative 1e-9, and
 * differs by the absolute difference of the values.
 *
 * @param version the shadow version
 * @param compared requests for which the shadow answered and was compared
 * @param agreed those on which it agreed with the primary
 * @param failures shadow calls that threw (never seen by callers)
 * @param dropped requests not shadowed because the shadow queue was full
 * @param meanDifference the mean difference over the compared requests, NaN before the first
 */
public record ShadowStats(String version, long compared, long agreed, long failures, long dropped,
    double meanDifference) {

  /** @return agreed / compared, NaN before the first comparison */
  public double agreementRate() {
    return compared == 0 ? Double.NaN : (double) agreed / compared;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "shadow %s: %d compared, agreement %.4f, mean difference %.4g, %d failures, "
        + "%d dropped", version, compared, agreementRate(), meanDifference, failures, dropped);
  }
}
