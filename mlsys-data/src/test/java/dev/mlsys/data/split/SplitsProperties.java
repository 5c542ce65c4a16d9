package dev.mlsys.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws every splitter must obey, over generated sizes, labels, groups and timestamps. */
class SplitsProperties {

  @Provide
  Arbitrary<double[]> fractions() {
    return Arbitraries.integers().between(1, 98).list().ofMinSize(1).ofMaxSize(2).map(cuts -> {
      int[] c = cuts.stream().mapToInt(Integer::intValue).sorted().toArray();
      if (c.length == 1) {
        return new double[] {c[0] / 100.0, 1 - c[0] / 100.0};
      }
      if (c[0] == c[1]) {
        return new double[] {c[0] / 100.0, 0, 1 - c[0] / 100.0};
      }
      return new double[] {c[0] / 100.0, (c[1] - c[0]) / 100.0, 1 - c[1] / 100.0};
    });
  }

  private static void assertPartition(int n, int[]... parts) {
    int[] seen = new int[n];
    for (int[] p : parts) {
      for (int k = 0; k < p.length; k++) {
        assertTrue(k == 0 || p[k] > p[k - 1], "indices ascending");
        seen[p[k]]++;
      }
    }
    for (int i = 0; i < n; i++) {
      assertEquals(1, seen[i], "row " + i + " must be in exactly one part");
    }
  }

  /** The fractions as the splitters use them: three parts, divided by their sum. */
  private static double[] normalized(double[] f) {
    return Indices.fractions(f);
  }

  @Property(tries = 300)
  void largestRemainderSizesAreExactAndWithinOneOfTheQuota(@ForAll @IntRange(max = 5000) int n,
      @ForAll("fractions") double[] fractions) {
    int[] sizes = Apportion.sizes(n, normalized(fractions));
    assertEquals(n, Arrays.stream(sizes).sum());
    for (int p = 0; p < 3; p++) {
      assertTrue(Math.abs(sizes[p] - n * normalized(fractions)[p]) < 1, "part " + p);
    }
  }

  @Property(tries = 300)
  void controlledRoundingHoldsEveryTotalAndStaysWithinOneOfEachQuota(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 300) Integer> classCounts,
      @ForAll @IntRange(min = 1, max = 12) int parts, @ForAll long seed) {
    int[] rows = classCounts.stream().mapToInt(Integer::intValue).toArray();
    int n = Arrays.stream(rows).sum();
    Assume.that(n > 0);
    double[] f = new java.util.SplittableRandom(seed).doubles(parts, 0.01, 1).toArray();
    double total = Arrays.stream(f).sum();
    int[] cols = Apportion.sizes(n, Arrays.stream(f).map(x -> x / total).toArray());
    int[][] cells = Apportion.table(rows, cols);
    int[] colSums = new int[parts];
    for (int i = 0; i < rows.length; i++) {
      assertEquals(rows[i], Arrays.stream(cells[i]).sum(), "class " + i);
      for (int j = 0; j < parts; j++) {
        colSums[j] += cells[i][j];
        double quota = (double) rows[i] * cols[j] / n;
        assertTrue(Math.abs(cells[i][j] - quota) < 1, "cell " + i + "," + j + ": " + cells[i][j] + " vs " + quota);
      }
    }
    assertArrayEquals(cols, colSums);
  }

  @Property(tries = 300)
  void randomSplitIsASeededPartitionWithExactSizes(@ForAll @IntRange(max = 2000) int n,
      @ForAll("fractions") double[] fractions, @ForAll long seed) {
    Split s = Splits.random(fractions).seed(seed).split(n);
    assertPartition(n, s.train(), s.validation(), s.test());
    int[] sizes = Apportion.sizes(n, normalized(fractions));
    assertEquals(List.of(sizes[0], sizes[1], sizes[2]), s.provenance().sizes());
    assertArrayEquals(s.test(), Splits.random(fractions).seed(seed).split(n).test());
  }

  @Property(tries = 300)
  void stratifiedSplitKeepsEveryClassWithinOneRowOfItsProportion(
      @ForAll @Size(min = 1, max = 600) List<@IntRange(max = 4) Integer> labels,
      @ForAll("fractions") double[] fractions, @ForAll long seed) {
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    Split s = Splits.stratified(fractions).seed(seed).split(y);
    int n = y.length;
    assertPartition(n, s.train(), s.validation(), s.test());
    int[] sizes = Apportion.sizes(n, normalized(fractions));
    Map<Integer, Integer> classTotals = new HashMap<>();
    for (int v : y) {
      classTotals.merge(v, 1, Integer::sum);
    }
    for (Part p : Part.values()) {
      assertEquals(sizes[p.ordinal()], s.size(p));
      Map<Integer, Integer> counts = new HashMap<>();
      for (int i : s.indices(p)) {
        counts.merge(y[i], 1, Integer::sum);
      }
      for (var e : classTotals.entrySet()) {
        double quota = (double) e.getValue() * sizes[p.ordinal()] / n;
        assertTrue(Math.abs(counts.getOrDefault(e.getKey(), 0) - quota) < 1);
      }
    }
  }

  @Property(tries = 300)
  void timeSplitPartsAreStrictlyOrderedInTime(@ForAll @Size(min = 1, max = 300) List<@IntRange(max = 40) Integer> t,
      @ForAll("fractions") double[] fractions) {
    long[] times = t.stream().mapToLong(Integer::longValue).toArray();
    Split s;
    try {
      s = Splits.byTime(fractions).split(times);
    } catch (IllegalArgumentException tooManyTies) {
      Assume.that(false);
      return;
    }
    assertPartition(times.length, s.train(), s.validation(), s.test());
    long[][] bounds = new long[3][];
    for (Part p : Part.values()) {
      long[] v = Arrays.stream(s.indices(p)).mapToLong(i -> times[i]).toArray();
      bounds[p.ordinal()] = v.length == 0 ? null : new long[] {Arrays.stream(v).min().getAsLong(),
          Arrays.stream(v).max().getAsLong()};
    }
    for (int a = 0; a < 3; a++) {
      for (int b = a + 1; b < 3; b++) {
        if (bounds[a] != null && bounds[b] != null) {
          assertTrue(bounds[a][1] < bounds[b][0], "part " + a + " ends before part " + b + " starts");
        }
      }
    }
    assertTrue(LeakageCheck.of(s).timestamps(times).check().isClean());
  }

  @Property(tries = 300)
  void groupSplitNeverPutsAGroupInTwoParts(@ForAll @Size(min = 1, max = 400) List<@IntRange(max = 60) Integer> groups,
      @ForAll("fractions") double[] fractions, @ForAll long seed) {
    Split s = Splits.byGroup(fractions).seed(seed).split(groups);
    assertPartition(groups.size(), s.train(), s.validation(), s.test());
    assertTrue(LeakageCheck.of(s).groups(groups).check().isClean());
    int g = new HashSet<>(groups).size();
    int[] expected = Apportion.sizes(g, normalized(fractions));
    String perPart = fractions.length == 3 ? Arrays.toString(expected) : "[" + expected[0] + ", " + expected[2] + "]";
    assertEquals(perPart, s.provenance().details().get("groupsPerPart"));
  }

  @Property(tries = 300)
  void kFoldTestFoldsPartitionTheRowsAndTrainIsTheComplement(@ForAll @IntRange(min = 2, max = 12) int k,
      @ForAll @IntRange(min = 12, max = 500) int n, @ForAll long seed) {
    List<Fold> folds = Splits.kFold(k).seed(seed).folds(n);
    assertPartition(n, folds.stream().map(Fold::test).toArray(int[][]::new));
    for (Fold f : folds) {
      assertPartition(n, f.train(), f.test());
      assertTrue(Math.abs(f.test().length - (double) n / k) < 1);
    }
  }

  @Property(tries = 300)
  void stratifiedKFoldFoldsPartitionTheRowsAndKeepProportions(@ForAll @IntRange(min = 2, max = 10) int k,
      @ForAll @Size(min = 10, max = 400) List<@IntRange(max = 3) Integer> labels, @ForAll long seed) {
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    List<Fold> folds = Splits.stratifiedKFold(k).seed(seed).folds(y);
    assertPartition(y.length, folds.stream().map(Fold::test).toArray(int[][]::new));
    Map<Integer, Long> totals = new HashMap<>();
    for (int v : y) {
      totals.merge(v, 1L, Long::sum);
    }
    for (Fold f : folds) {
      assertPartition(y.length, f.train(), f.test());
      for (var e : totals.entrySet()) {
        long c = Arrays.stream(f.test()).filter(i -> y[i] == e.getKey()).count();
        assertTrue(Math.abs(c - (double) e.getValue() * f.test().length / y.length) < 1);
      }
    }
  }

  @Property(tries = 300)
  void groupTimeSeriesFoldsTrainStrictlyBeforeTestAndShareNoGroup(
      @ForAll @Size(min = 20, max = 300) List<@IntRange(max = 30) Integer> groupOf,
      @ForAll @IntRange(min = 1, max = 4) int folds, @ForAll @IntRange(max = 2) int gap,
      @ForAll @IntRange(max = 5) int embargo, @ForAll long seed) {
    // each group's rows sit around a time of its own, with some spread so groups may overlap
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    Map<Integer, Long> centre = new HashMap<>();
    long[] t = new long[groupOf.size()];
    for (int i = 0; i < t.length; i++) {
      long c = centre.computeIfAbsent(groupOf.get(i), g -> r.nextLong(1000));
      t[i] = c + r.nextLong(20);
    }
    List<Fold> out;
    try {
      out = Splits.groupTimeSeries(folds).gap(gap).embargo(java.time.Duration.ofMillis(embargo)).folds(groupOf, t);
    } catch (IllegalArgumentException tooFewGroups) {
      Assume.that(false);
      return;
    }
    Set<String> testBlocks = new HashSet<>();
    for (Fold f : out) {
      long trainEnd = Arrays.stream(f.train()).mapToLong(i -> t[i]).max().orElse(Long.MIN_VALUE);
      long testStart = Arrays.stream(f.test()).mapToLong(i -> t[i]).min().orElseThrow();
      assertTrue(trainEnd < testStart - embargo, "fold " + f.index());
      Set<Integer> trainGroups = new HashSet<>();
      Arrays.stream(f.train()).forEach(i -> trainGroups.add(groupOf.get(i)));
      Arrays.stream(f.test()).forEach(i -> assertTrue(!trainGroups.contains(groupOf.get(i))));
      assertTrue(testBlocks.add(Arrays.toString(f.test())), "test blocks differ");
      List<Integer> all = new ArrayList<>();
      Arrays.stream(f.train()).forEach(all::add);
      Arrays.stream(f.test()).forEach(all::add);
      assertEquals(all.size(), new HashSet<>(all).size());
    }
  }
}
