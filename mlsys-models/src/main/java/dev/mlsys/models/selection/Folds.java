package dev.mlsys.models.selection;

import java.util.Arrays;
import java.util.Objects;
import dev.mlsys.data.split.Fold;
import dev.mlsys.data.split.Splits;
import java.util.List;

/**
 * An assignment of examples to {@code k} folds, for cross-validation and stacking: the data
 * module's {@link Splits} folds seen as one fold number per example. Build one with
 * {@link #kFold(int, int, long)} or {@link #stratified(int[], int, long)}; the same arguments give
 * the same folds on every machine.
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
   * Seeded k-fold ({@link Splits#kFold(int)}): test folds whose sizes differ by at most one.
   *
   * @param n the number of examples, &gt;= k
   * @param k the number of folds, &gt;= 2
   * @param seed the shuffle seed
   * @return the folds
   * @throws IllegalArgumentException if k &lt; 2 or n &lt; k
   */
  public static Folds kFold(int n, int k, long seed) {
    check(n, k);
    return of(Splits.kFold(k).seed(seed).folds(n));
  }

  /**
   * Seeded stratified k-fold ({@link Splits#stratifiedKFold(int)}): fold sizes differ by at most
   * one, and every fold holds each class in proportion.
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
    for (int c : classOf) {
      if (c < 0) {
        throw new IllegalArgumentException("class indices must be >= 0 but one was: " + c);
      }
    }
    return of(Splits.stratifiedKFold(k).seed(seed).folds(classOf));
  }

  /**
   * @param folds folds made by the data module's {@link Splits}, covering every row once
   * @return the same assignment
   * @throws IllegalArgumentException if a row is in no test fold or in several
   */
  public static Folds of(List<Fold> folds) {
    int n = folds.get(0).rows();
    int[] foldOf = new int[n];
    java.util.Arrays.fill(foldOf, -1);
    for (int f = 0; f < folds.size(); f++) {
      for (int i : folds.get(f).test()) {
        if (foldOf[i] != -1) {
          throw new IllegalArgumentException("row " + i + " is in test folds " + foldOf[i] + " and " + f);
        }
        foldOf[i] = f;
      }
    }
    for (int i = 0; i < n; i++) {
      if (foldOf[i] == -1) {
        throw new IllegalArgumentException("row " + i + " is in no test fold");
      }
    }
    return new Folds(foldOf, folds.size());
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
