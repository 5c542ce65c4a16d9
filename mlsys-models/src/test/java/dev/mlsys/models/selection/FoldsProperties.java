package dev.mlsys.models.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class FoldsProperties {

  @Property(tries = 200)
  void kFoldPartitionsTheExamples(@ForAll @IntRange(min = 2, max = 300) int n, @ForAll @IntRange(min = 2, max = 10) int k,
      @ForAll long seed) {
    if (n < k) {
      return;
    }
    Folds f = Folds.kFold(n, k, seed);
    int[] seen = new int[n];
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int fold = 0; fold < k; fold++) {
      int[] test = f.test(fold);
      min = Math.min(min, test.length);
      max = Math.max(max, test.length);
      for (int i : test) {
        seen[i]++;
      }
      assertEquals(n, test.length + f.train(fold).length);
    }
    for (int c : seen) {
      assertEquals(1, c);
    }
    assertTrue(max - min <= 1);
    assertEquals(f, Folds.kFold(n, k, seed));
  }

  @Property(tries = 200)
  void stratifiedFoldsBalanceEveryClass(@ForAll @IntRange(min = 10, max = 400) int n,
      @ForAll @IntRange(min = 2, max = 5) int classes, @ForAll @IntRange(min = 2, max = 8) int k, @ForAll long seed) {
    int[] y = new int[n];
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(classes);
    }
    Folds f = Folds.stratified(y, k, seed);
    int[] sizes = new int[k];
    int[] classCounts = new int[classes];
    for (int i = 0; i < n; i++) {
      sizes[f.foldOf(i)]++;
      classCounts[y[i]]++;
    }
    int minSize = java.util.Arrays.stream(sizes).min().orElseThrow();
    int maxSize = java.util.Arrays.stream(sizes).max().orElseThrow();
    assertTrue(maxSize - minSize <= 1, java.util.Arrays.toString(sizes));
    // each class in proportion: its count in a fold is the floor or the ceiling of
    // classCount * foldSize / n (controlled rounding, as the data module's StratifiedKFold states);
    // a class's counts may then differ by more than one between a large and a small fold
    for (int c = 0; c < classes; c++) {
      int[] perFold = new int[k];
      for (int i = 0; i < n; i++) {
        if (y[i] == c) {
          perFold[f.foldOf(i)]++;
        }
      }
      for (int fold = 0; fold < k; fold++) {
        long share = (long) classCounts[c] * sizes[fold];
        long floor = share / n;
        long ceiling = (share + n - 1) / n;
        assertTrue(perFold[fold] >= floor && perFold[fold] <= ceiling, "class " + c + " (" + classCounts[c]
            + " of " + n + ") per fold " + java.util.Arrays.toString(perFold) + ", fold sizes "
            + java.util.Arrays.toString(sizes));
      }
    }
  }
}
