package dev.mlsys.data.labeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A set of named {@link LabelingFunction}s over a fixed list of classes. {@link #apply(List)}
 * runs every function on every item and returns the {@link LabelMatrix} of votes, which reports
 * coverage, overlap and conflict per function and combines the votes by majority or weighted
 * vote.
 *
 * <pre>{@code
 * WeakLabeler<Row> labeler = WeakLabeler.<Row>builder("neg", "pos")
 *     .add("high_glucose", r -> r.getDouble("glucose") >= 160 ? 1 : LabelingFunction.ABSTAIN)
 *     .add("young", r -> r.getDouble("age") < 25 ? 0 : LabelingFunction.ABSTAIN)
 *     .build();
 * LabelMatrix votes = labeler.apply(rows);
 * int[] labels = votes.majorityVote();                 // LabelingFunction.ABSTAIN where undecided
 * }</pre>
 *
 * <p>Immutable; thread-safe if its functions are.
 *
 * @param <T> the item type
 */
public final class WeakLabeler<T> {
  private final List<String> classes;
  private final List<String> names;
  private final List<LabelingFunction<? super T>> functions;

  private WeakLabeler(List<String> classes, List<String> names, List<LabelingFunction<? super T>> functions) {
    this.classes = classes;
    this.names = names;
    this.functions = functions;
  }

  /**
   * @param classes the class names, at least two and distinct; votes are indices into them
   * @param <T> the item type
   * @return a builder
   * @throws IllegalArgumentException if there are fewer than two classes or a repeat
   */
  public static <T> Builder<T> builder(String... classes) {
    Objects.requireNonNull(classes, "classes");
    if (classes.length < 2) {
      throw new IllegalArgumentException("weak supervision needs at least 2 classes but got " + classes.length);
    }
    if (List.of(classes).stream().distinct().count() != classes.length) {
      throw new IllegalArgumentException("classes must be distinct but were: " + List.of(classes));
    }
    return new Builder<>(List.of(classes));
  }

  /** @return the class names */
  public List<String> classes() {
    return classes;
  }

  /** @return the functions' names, in column order */
  public List<String> names() {
    return names;
  }

  /**
   * @param items the items to label
   * @return the votes of every function on every item
   * @throws IllegalArgumentException if a function votes outside [-1, classes)
   * @throws IllegalStateException if a function throws; the message names it and the item
   */
  public LabelMatrix apply(List<? extends T> items) {
    Objects.requireNonNull(items, "items");
    int[][] votes = new int[items.size()][functions.size()];
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      for (int j = 0; j < functions.size(); j++) {
        int v;
        try {
          v = functions.get(j).vote(item);
        } catch (RuntimeException e) {
          throw new IllegalStateException("labeling function '" + names.get(j) + "' failed on item " + i + ": " + e,
              e);
        }
        if (v < LabelingFunction.ABSTAIN || v >= classes.size()) {
          throw new IllegalArgumentException("labeling function '" + names.get(j) + "' voted " + v + " on item " + i
              + "; votes must be a class index in [0, " + classes.size() + ") or ABSTAIN (-1)");
        }
        votes[i][j] = v;
      }
    }
    return new LabelMatrix(votes, names, classes);
  }

  /**
   * Collects labeling functions. Not thread-safe; {@link #build()} may be called more than once.
   *
   * @param <T> the item type
   */
  public static final class Builder<T> {
    private final List<String> classes;
    private final Map<String, LabelingFunction<? super T>> functions = new LinkedHashMap<>();

    private Builder(List<String> classes) {
      this.classes = classes;
    }

    /**
     * @param name a unique name, used in reports
     * @param function the labeling function
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or taken
     */
    public Builder<T> add(String name, LabelingFunction<? super T> function) {
      Objects.requireNonNull(function, "function");
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("labeling function name must not be blank but was: " + name);
      }
      if (functions.putIfAbsent(name, function) != null) {
        throw new IllegalArgumentException("labeling function '" + name + "' is added twice");
      }
      return this;
    }

    /**
     * @return the labeler
     * @throws IllegalStateException if no function was added
     */
    public WeakLabeler<T> build() {
      if (functions.isEmpty()) {
        throw new IllegalStateException("a weak labeler needs at least one labeling function");
      }
      List<LabelingFunction<? super T>> list = new ArrayList<>(functions.values());
      return new WeakLabeler<T>(classes, List.copyOf(functions.keySet()), list);
    }
  }
}
