package dev.mlsys.models.selection;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An assignment of examples to {@code k} folds, for cross-validation and stacking. Build one
 * with {@link #kFold(int, int, long)} or {@link #stratified(int[], int, long)}; the same
 * arguments give the same folds on every machine.
 *
 * <pre>{@code
 * Folds folds = Folds.stratified(data.classIndices(), 5, 42);
 * LabeledData train = data.subset(folds.train(0)), test = data.subset(folds.test(0));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class Folds {
  private final int[] foldOf;
  private final int k;

  private Folds(int[] foldOf, int k) {
    this.foldOf = foldOf;
    this.k = k;
  }

  /**
   * Shuffles the examples with the seed and cuts the permutation into {@code k} contiguous parts,
   * the first {@code n % k} one example larger (as scikit-learn's {@code KFold}).
   *
   * @param n the number of examples, &gt;= k
   * @param k the number of folds, &gt;= 2
   * @param seed the shuffle seed
   * @return the folds
   * @throws IllegalArgumentException if k &lt; 2 or n &lt; k
   */
  public static Folds kFold(int n, int k, long seed) {
    check(n, k);
    int[] perm = permutation(n, new SplittableRandom(seed));
    int[] foldOf = new int[n];
    int pos = 0;
    for (int f = 0; f < k; f++) {
      int size = n / k + (f < n % k ? 1 : 0);
      for (int j = 0; j < size; j++) {
        foldOf[perm[pos++]] = f;
      }
    }
    return new Folds(foldOf, k);
  }

  /**
   * Deals each class's shuffled examples round-robin over the folds, continuing where the
   * previous class stopped, so every fold has each class in nearly its overall proportion and the
   * fold sizes differ by at most one.
   *
   * @param classOf the class index of each example
   * @param k the number of folds, &gt;= 2
   * @param seed the shuffle seed
   * @return the folds
   * @throws IllegalArgumentException if k &lt; 2 or there are fewer examples than folds
   */
  public static Folds stratified(int[] classOf, int k, long seed) {
    Objects.requireNonNull(classOf, "classOf");
    check(classOf.length, k);
    int classes = 0;
    for (int c : classOf) {
      if (c < 0) {
        throw new IllegalArgumentException("class indices must be >= 0 but one was: " + c);
      }
      classes = Math.max(classes, c + 1);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] foldOf = new int[classOf.length];
    int next = 0;
    for (int c = 0; c < classes; c++) {
      int count = 0;
      for (int y : classOf) {
        if (y == c) {
          count++;
        }
      }
      int[] members = new int[count];
      int m = 0;
      for (int i = 0; i < classOf.length; i++) {
        if (classOf[i] == c) {
          members[m++] = i;
        }
      }
      int[] perm = permutation(count, rnd);
      for (int j = 0; j < count; j++) {
        foldOf[members[perm[j]]] = next;
        next = (next + 1) % k;
      }
    }
    return new Folds(foldOf, k);
  }

  /**
   * @param foldOf the fold of each example, each in [0, k)
   * @param k the number of folds
   * @return folds as given (for folds made elsewhere, such as a data module split)
   * @throws IllegalArgumentException if a fold is out of range or empty
   */
  public static Folds of(int[] foldOf, int k) {
    check(foldOf.length, k);
    int[] counts = new int[k];
    for (int i = 0; i < foldOf.length; i++) {
      if (foldOf[i] < 0 || foldOf[i] >= k) {
        throw new IllegalArgumentException("foldOf[" + i + "] must be in [0, " + k + ") but was: " + foldOf[i]);
      }
      counts[foldOf[i]]++;
    }
    for (int f = 0; f < k; f++) {
      if (counts[f] == 0) {
        throw new IllegalArgumentException("fold " + f + " is empty");
      }
    }
    return new Folds(foldOf.clone(), k);
  }

  private static void check(int n, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2 but was: " + k);
    }
    if (n < k) {
      throw new IllegalArgumentException("need at least k = " + k + " examples but got: " + n);
    }
  }

  /** Fisher-Yates shuffle of 0..n-1. */
  static int[] permutation(int n, SplittableRandom rnd) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm;
  }

  /** @return the number of folds */
  public int k() {
    return k;
  }

  /** @return the number of examples */
  public int size() {
    return foldOf.length;
  }

  /**
   * @param i an example position
   * @return its fold
   */
  public int foldOf(int i) {
    return foldOf[i];
  }

  /**
   * @param fold a fold in [0, k)
   * @return the positions in that fold, ascending
   */
  public int[] test(int fold) {
    Objects.checkIndex(fold, k);
    return java.util.stream.IntStream.range(0, foldOf.length).filter(i -> foldOf[i] == fold).toArray();
  }

  /**
   * @param fold a fold in [0, k)
   * @return the positions outside that fold, ascending
   */
  public int[] train(int fold) {
    Objects.checkIndex(fold, k);
    return java.util.stream.IntStream.range(0, foldOf.length).filter(i -> foldOf[i] != fold).toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Folds f && k == f.k && Arrays.equals(foldOf, f.foldOf);
  }

  @Override
  public int hashCode() {
    return 31 * k + Arrays.hashCode(foldOf);
  }
}
