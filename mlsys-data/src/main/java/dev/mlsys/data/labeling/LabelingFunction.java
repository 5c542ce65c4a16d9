package dev.mlsys.data.labeling;

/**
 * A heuristic that votes for a class of an item, or abstains: a keyword rule, a threshold, a
 * lookup in a knowledge base, an older model. Many noisy labeling functions, combined by a
 * {@link WeakLabeler}, label data that has no labels (weak supervision; Ratner et al.,
 * "Snorkel: Rapid Training Data Creation with Weak Supervision", VLDB 2018).
 *
 * <pre>{@code
 * LabelingFunction<Row> highGlucose = row -> row.getDouble("glucose") >= 160 ? 1 : LabelingFunction.ABSTAIN;
 * }</pre>
 *
 * <p>Implementations should be deterministic and thread-safe.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface LabelingFunction<T> {
  /** The vote of a function that has no opinion on an item. */
  int ABSTAIN = -1;

  /**
   * @param item an item to label
   * @return the index of a class in the labeler's class list, or {@link #ABSTAIN}
   */
  int vote(T item);
}
