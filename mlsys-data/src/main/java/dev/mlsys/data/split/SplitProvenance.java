package dev.mlsys.data.split;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a split or fold was made, so it can be reported and reproduced: the method, the seed (absent
 * for deterministic methods such as time splits), the requested fractions and the resulting sizes.
 *
 * @param method the splitting method, e.g. {@code "stratified"}, {@code "k-fold"}
 * @param seed the seed of the shuffle, if the method shuffles
 * @param fractions the requested fractions, in part order (empty for k-fold methods)
 * @param sizes the resulting number of rows per part, in part order ({@link Part} order for a
 *     split; train then test for a fold)
 * @param details further method-specific facts (class counts, cut times, fold index, gap), in
 *     insertion order
 */
public record SplitProvenance(String method, OptionalLong seed, List<Double> fractions, List<Integer> sizes,
    Map<String, String> details) {

  /** Copies the collections and checks for nulls. */
  public SplitProvenance {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(seed, "seed");
    fractions = List.copyOf(fractions);
    sizes = List.copyOf(sizes);
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(method);
    seed.ifPresent(s -> sb.append(" seed=").append(s));
    if (!fractions.isEmpty()) {
      sb.append(" fractions=").append(fractions);
    }
    sb.append(" sizes=").append(sizes);
    details.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    return sb.toString();
  }
}
