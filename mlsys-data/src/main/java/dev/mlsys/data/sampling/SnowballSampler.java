package dev.mlsys.data.sampling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Snowball sampling: start from seed items and add, wave by wave, the neighbours that a
 * caller-given function names (referrals, links, co-occurrence), breadth first, until a number of
 * waves or a number of items is reached.
 *
 * <p>Bias: a non-probability method. It over-represents well-connected items (the chance to be
 * reached grows with the number of paths to an item), depends heavily on the seeds, and never
 * reaches items outside the seeds' connected component. Use it to reach hidden populations, not
 * to estimate population quantities.
 *
 * <pre>{@code
 * List<User> sample = Samplers.snowball(List.of(alice), User::referrals).waves(2).limit(500).sample();
 * }</pre>
 *
 * <p>Deterministic: the order is seeds, then neighbours in the order the function lists them;
 * items are told apart by {@link Object#equals}. Thread-safety: immutable; {@link #sample()} is
 * safe to call from several threads if the neighbour function is.
 *
 * @param <T> the item type
 */
public final class SnowballSampler<T> {
  private final List<T> seeds;
  private final Function<? super T, ? extends Collection<? extends T>> neighbours;
  private final int waves;
  private final int limit;

  SnowballSampler(Collection<? extends T> seeds,
      Function<? super T, ? extends Collection<? extends T>> neighbours, int waves, int limit) {
    this.seeds = List.copyOf(seeds);
    this.neighbours = Objects.requireNonNull(neighbours, "neighbours");
    if (waves < 0) {
      throw new IllegalArgumentException("waves must be >= 0 but was: " + waves);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0 but was: " + limit);
    }
    this.waves = waves;
    this.limit = limit;
  }

  /**
   * @param waves how many rounds of neighbours to add after the seeds (0: the seeds only);
   *     the default is unlimited
   * @return a sampler with this number of waves
   */
  public SnowballSampler<T> waves(int waves) {
    return new SnowballSampler<>(seeds, neighbours, waves, limit);
  }

  /**
   * @param limit the most items to return; the default is unlimited
   * @return a sampler with this limit
   */
  public SnowballSampler<T> limit(int limit) {
    return new SnowballSampler<>(seeds, neighbours, waves, limit);
  }

  /**
   * @return the sampled items in breadth-first order, seeds first, without repeats
   * @throws NullPointerException if the neighbour function returns null
   */
  public List<T> sample() {
    Set<T> seen = new LinkedHashSet<>();
    List<T> wave = new ArrayList<>();
    for (T s : seeds) {
      if (seen.size() >= limit) {
        return new ArrayList<>(seen);
      }
      if (seen.add(s)) {
        wave.add(s);
      }
    }
    for (int w = 0; w < waves && !wave.isEmpty(); w++) {
      List<T> nextWave = new ArrayList<>();
      for (T item : wave) {
        Collection<? extends T> ns = Objects.requireNonNull(neighbours.apply(item),
            () -> "neighbours returned null for item: " + item);
        for (T nb : ns) {
          if (seen.size() >= limit) {
            return new ArrayList<>(seen);
          }
          if (seen.add(nb)) {
            nextWave.add(nb);
          }
        }
      }
      wave = nextWave;
    }
    return new ArrayList<>(seen);
  }

  /** @return the method's bias, one line */
  public String bias() {
    return "reached through neighbours: over-represents well-connected items, depends on the"
        + " seeds, never reaches items outside their connected component";
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "snowball(seeds=%d, waves=%d, limit=%d)", seeds.size(), waves, limit);
  }
}
