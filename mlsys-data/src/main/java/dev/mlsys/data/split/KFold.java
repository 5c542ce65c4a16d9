package dev.mlsys.data.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Seeded k-fold cross-validation: the rows are shuffled and cut into {@code k} test folds whose
 * sizes differ by at most one (the first {@code n mod k} folds get the extra row, as in
 * scikit-learn's {@code KFold}); each fold trains on the other rows. Every row is in exactly one
 * test fold. Made by {@link Splits#kFold(int)}.
 *
 * <p>Immutable; {@link #seed(long)} returns a copy. Thread-safe.
 */
public final class KFold {
  private final int k;
  private final long seed;

  KFold(int k, long seed) {
    this.k = k;
    this.seed = seed;
  }

  /**
   * @param seed the seed of the shuffle (default 0)
   * @return a copy with the seed
   */
  public KFold seed(long seed) {
    return new KFold(k, seed);
  }

  /**
   * @param n the number of rows
   * @return the {@code k} folds, in order
   * @throws IllegalArgumentException if {@code n < k}
   */
  public List<Fold> folds(int n) {
    Indices.checkCount(n);
    if (n < k) {
      throw new IllegalArgumentException(k + "-fold cross-validation needs at least " + k + " rows but got " + n);
    }
    int[] order = Indices.identity(n);
    Indices.shuffle(order, new SplittableRandom(seed));
    List<Fold> folds = new ArrayList<>(k);
    int start = 0;
    for (int f = 0; f < k; f++) {
      int size = n / k + (f < n % k ? 1 : 0);
      int[] test = Indices.sorted(order, start, start + size);
      int[] train = new int[n - size];
      System.arraycopy(order, 0, train, 0, start);
      System.arraycopy(order, start + size, train, start, n - start - size);
      java.util.Arrays.sort(train);
      Map<String, String> details = new LinkedHashMap<>();
      details.put("fold", f + " of " + k);
      folds.add(new Fold(f, n, train, test, new SplitProvenance("k-fold", OptionalLong.of(seed), List.of(),
          List.of(train.length, test.length), details)));
      start += size;
    }
    return Collections.unmodifiableList(folds);
  }

  /**
   * @param items the items (only their number matters)
   * @return the {@code k} folds of {@code items.size()} rows
   */
  public List<Fold> folds(List<?> items) {
    return folds(Objects.requireNonNull(items, "items").size());
  }

  @Override
  public String toString() {
    return k + "-fold seed=" + seed;
  }
}
