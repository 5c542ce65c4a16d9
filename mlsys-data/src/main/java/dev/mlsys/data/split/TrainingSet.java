package dev.mlsys.data.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Items known to be training data: the training side of a {@link Split} or {@link Fold}, or items
 * declared training data with {@link #of(List, String)}. Resamplers
 * ({@code dev.mlsys.data.imbalance}) accept only this type, so a validation or test part, which
 * a split hands out as a plain {@code List}, cannot be resampled by mistake.
 *
 * <pre>{@code
 * Split split = Splits.stratified(0.8, 0.2).seed(42).split(rows, Row::label);
 * TrainingSet<Row> train = split.training(rows);
 * List<Row> test = split.take(Part.TEST, rows);
 * }</pre>
 *
 * <p>Each set records its provenance: one line per step that made it (the split, then each
 * resampling).
 *
 * <p>Immutable (the items are an unmodifiable list) and thread-safe if the items are.
 *
 * @param <T> the item type
 */
public final class TrainingSet<T> {
  private final List<T> items;
  private final List<String> provenance;

  TrainingSet(List<? extends T> items, List<String> provenance) {
    this.items = Collections.unmodifiableList(new ArrayList<>(items));
    this.provenance = List.copyOf(provenance);
  }

  /**
   * Declares items to be training data, for data that comes already separated (a training file).
   * Prefer {@link Split#training(List)}, which cannot pick the wrong part.
   *
   * @param items the training items; none null
   * @param origin where they come from, recorded as the first provenance line
   * @param <T> the item type
   * @return the training set
   * @throws NullPointerException if an argument or an item is null
   */
  public static <T> TrainingSet<T> of(List<? extends T> items, String origin) {
    Objects.requireNonNull(origin, "origin");
    checkItems(items);
    return new TrainingSet<>(items, List.of("declared training data: " + origin + " (" + items.size() + " items)"));
  }

  /**
   * Makes a training set derived from this one, such as a resampled copy.
   *
   * @param items the derived items; none null
   * @param step what was done, appended to the provenance
   * @param <U> the derived item type
   * @return the derived training set
   * @throws NullPointerException if an argument or an item is null
   */
  public <U> TrainingSet<U> derive(List<? extends U> items, String step) {
    Objects.requireNonNull(step, "step");
    checkItems(items);
    List<String> p = new ArrayList<>(provenance);
    p.add(step);
    return new TrainingSet<>(items, p);
  }

  private static void checkItems(List<?> items) {
    Objects.requireNonNull(items, "items");
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null) {
        throw new NullPointerException("training item " + i + " is null");
      }
    }
  }

  /** @return the items, an unmodifiable list */
  public List<T> items() {
    return items;
  }

  /** @return the number of items */
  public int size() {
    return items.size();
  }

  /** @return one line per step that made this set, oldest first */
  public List<String> provenance() {
    return provenance;
  }

  @Override
  public String toString() {
    return "TrainingSet[" + items.size() + " items; " + String.join(" -> ", provenance) + "]";
  }
}
