package dev.mlsys.data.sampling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The non-probability sampling methods: cheap and common, but no item has a known chance of
 * selection, so no estimate from them has a known bias or error. Each {@link Method} states its
 * bias; {@link #bias()} returns it so a report can carry it along with the sample.
 *
 * <pre>{@code
 * NonProbabilitySampler<Row> firstPerRegion = Samplers.<Row>quota(r -> r.get("region"), 100);
 * rows.forEach(firstPerRegion::add);
 * }</pre>
 *
 * <p>Deterministic (no randomness). Thread-safety: not thread-safe; one sampler per thread.
 *
 * @param <T> the item type
 */
public final class NonProbabilitySampler<T> {

  /** The method, each with the bias it brings. */
  public enum Method {
    /**
     * Convenience sampling: the first n items that arrive. Biased toward whatever the stream's
     * order puts first (the earliest days, one region, one source, the easiest users to reach):
     * representative only if the order is random, which is rarely true.
     */
    CONVENIENCE("the first items of the stream: over-represents whatever its order puts first"
        + " (early time, one source or region)"),
    /**
     * Quota sampling: the first n items of each group. Group sizes are fixed by design, but within
     * a group it is convenience sampling, with the same order bias; and the quotas themselves
     * reflect a choice, not the population's group sizes.
     */
    QUOTA("the first items of each group: group sizes are set by hand, and within a group the"
        + " stream's order decides (convenience bias)"),
    /**
     * Judgment (purposive) sampling: the items an expert's rule selects. The sample is exactly as
     * representative as the rule: it misses what the expert did not think of.
     */
    JUDGMENT("the items an expert's rule selects: as representative as the rule, blind to what"
        + " it does not anticipate");

    private final String bias;

    Method(String bias) {
      this.bias = bias;
    }

    /** @return one line stating the bias */
    public String bias() {
      return bias;
    }
  }

  private final Method method;
  private final int limit;
  private final Function<? super T, ?> groupOf;
  private final Predicate<? super T> rule;
  private final Map<Object, Integer> taken = new HashMap<>();
  private final List<T> sample = new ArrayList<>();
  private long count;

  NonProbabilitySampler(Method method, int limit, Function<? super T, ?> groupOf, Predicate<? super T> rule) {
    this.method = method;
    this.limit = limit;
    this.groupOf = groupOf;
    this.rule = rule;
  }

  /**
   * @param item the next item
   * @return whether it was taken into the sample
   * @throws IllegalArgumentException for quota sampling, if the group function returns null
   */
  public boolean add(T item) {
    boolean take = switch (method) {
      case CONVENIENCE -> sample.size() < limit;
      case JUDGMENT -> rule.test(item);
      case QUOTA -> {
        Object group = groupOf.apply(item);
        if (group == null) {
          throw new IllegalArgumentException("groupOf returned null for item: " + item);
        }
        int n = taken.getOrDefault(group, 0);
        if (n < limit) {
          taken.put(group, n + 1);
          yield true;
        }
        yield false;
      }
    };
    count++;
    if (take) {
      sample.add(item);
    }
    return take;
  }

  /** @return the number of items offered */
  public long count() {
    return count;
  }

  /** @return the items taken, in arrival order; unmodifiable view */
  public List<T> sample() {
    return Collections.unmodifiableList(sample);
  }

  /** @return the method */
  public Method method() {
    return method;
  }

  /** @return the method's bias, one line */
  public String bias() {
    return method.bias();
  }

  static <T> NonProbabilitySampler<T> convenience(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1 but was: " + n);
    }
    return new NonProbabilitySampler<>(Method.CONVENIENCE, n, null, null);
  }

  static <T> NonProbabilitySampler<T> quota(Function<? super T, ?> groupOf, int perGroup) {
    Objects.requireNonNull(groupOf, "groupOf");
    if (perGroup < 1) {
      throw new IllegalArgumentException("perGroup must be >= 1 but was: " + perGroup);
    }
    return new NonProbabilitySampler<>(Method.QUOTA, perGroup, groupOf, null);
  }

  static <T> NonProbabilitySampler<T> judgment(Predicate<? super T> rule) {
    return new NonProbabilitySampler<>(Method.JUDGMENT, Integer.MAX_VALUE, null,
        Objects.requireNonNull(rule, "rule"));
  }
}
