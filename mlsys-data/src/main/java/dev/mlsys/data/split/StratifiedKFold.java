package dev.mlsys.data.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Seeded stratified k-fold cross-validation: test folds whose sizes differ by at most one, each
 * holding every class in proportion. Each class's count in each fold is the floor or the ceiling
 * of {@code classCount * foldSize / n}, by controlled rounding, so class totals and fold sizes
 * hold exactly. A class with fewer than {@code k} rows is missing from some folds. Made by
 * {@link Splits#stratifiedKFold(int)}.
 *
 * <p>Immutable; {@link #seed(long)} returns a copy. Thread-safe.
 */
public final class StratifiedKFold {
  private final int k;
  private final long seed;

  StratifiedKFold(int k, long seed) {
    this.k = k;
    this.seed = seed;
  }

  /**
   * @param seed the seed of the shuffle (default 0)
   * @return a copy with the seed
   */
  public StratifiedKFold seed(long seed) {
    return new StratifiedKFold(k, seed);
  }

  /**
   * @param labels the class of each row
   * @return the {@code k} folds, in order
   * @throws IllegalArgumentException if there are fewer than {@code k} rows
   */
  public List<Fold> folds(int[] labels) {
    return folds(Indices.Coding.ofInts(labels));
  }

  /**
   * @param items the items
   * @param labelOf the class of an item; never null
   * @param <T> the item type
   * @return the {@code k} folds, in order
   * @throws IllegalArgumentException if there are fewer than {@code k} rows or a class is null
   */
  public <T> List<Fold> folds(List<T> items, Function<? super T, ?> labelOf) {
    return folds(Indices.Coding.of(items, labelOf, "label"));
  }

  private List<Fold> folds(Indices.Coding coding) {
    int n = coding.codes.length;
    if (n < k) {
      throw new IllegalArgumentException(k + "-fold cross-validation needs at least " + k + " rows but got " + n);
    }
    int[] sizes = new int[k];
    for (int f = 0; f < k; f++) {
      sizes[f] = n / k + (f < n % k ? 1 : 0);
    }
    int[][] cells = Apportion.table(coding.counts(), sizes);
    int[][] members = coding.members();
    SplittableRandom random = new SplittableRandom(seed);
    int[] foldOf = new int[n];
    for (int c = 0; c < members.length; c++) {
      int[] m = members[c].clone();
      Indices.shuffle(m, random);
      int i = 0;
      for (int f = 0; f < k; f++) {
        for (int t = 0; t < cells[c][f]; t++) {
          foldOf[m[i++]] = f;
        }
      }
    }
    List<Fold> folds = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      int[] test = new int[sizes[f]];
      int[] train = new int[n - sizes[f]];
      int a = 0;
      int b = 0;
      for (int i = 0; i < n; i++) {
        if (foldOf[i] == f) {
          test[a++] = i;
        } else {
          train[b++] = i;
        }
      }
      Map<String, String> details = new LinkedHashMap<>();
      details.put("fold", f + " of " + k);
      StringBuilder sb = new StringBuilder("{");
      for (int c = 0; c < cells.length; c++) {
        sb.append(c == 0 ? "" : ", ").append(coding.values.get(c)).append('=').append(cells[c][f]);
      }
      details.put("testClasses", sb.append('}').toString());
      folds.add(new Fold(f, n, train, test, new SplitProvenance("stratified-k-fold", OptionalLong.of(seed),
          List.of(), List.of(train.length, test.length), details)));
    }
    return Collections.unmodifiableList(folds);
  }

  @Override
  public String toString() {
    return "stratified " + k + "-fold seed=" + seed;
  }
}
