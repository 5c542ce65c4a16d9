package dev.mlsys.data.split;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Walk-forward cross-validation over groups ordered in time, with a gap (embargo) between training
 * and test: what scikit-learn's {@code TimeSeriesSplit} does for rows, done for groups (days,
 * sessions, users' histories) so that no group is split and no training row comes after a test
 * row.
 *
 * <p>Groups are ordered by their first timestamp (then their last, then first appearance). The
 * last {@code folds * testGroups} groups form {@code folds} consecutive test blocks; fold
 * {@code f} tests on block {@code f} and trains on the groups before it, minus the
 * {@link #gap(int)} groups just before the block, limited to the last
 * {@link #maxTrainGroups(int)}. A training group must also end strictly before the test block's
 * first timestamp minus the {@link #embargo(Duration)}; groups that overlap the test block in time
 * are dropped from training and counted in the provenance ({@code droppedOverlapping}).
 *
 * <pre>{@code
 * List<Fold> folds = Splits.groupTimeSeries(5).gap(1).embargo(Duration.ofDays(7))
 *     .folds(rows, r -> r.get("week"), r -> (Instant) r.get("time"));
 * }</pre>
 *
 * <p>Deterministic: there is no seed. Immutable; every option returns a copy. Thread-safe.
 * (Lopez de Prado, "Advances in Financial Machine Learning", 2018, ch. 7.4: purging and embargo.)
 */
public final class GroupTimeSeriesSplit {
  private final int folds;
  private final int gap;
  private final long embargoMillis;
  private final int testGroups;
  private final int maxTrainGroups;

  GroupTimeSeriesSplit(int folds, int gap, long embargoMillis, int testGroups, int maxTrainGroups) {
    this.folds = folds;
    this.gap = gap;
    this.embargoMillis = embargoMillis;
    this.testGroups = testGroups;
    this.maxTrainGroups = maxTrainGroups;
  }

  /**
   * @param groups the number of groups left out between training and each test block (default 0)
   * @return a copy with the gap
   * @throws IllegalArgumentException if {@code groups < 0}
   */
  public GroupTimeSeriesSplit gap(int groups) {
    if (groups < 0) {
      throw new IllegalArgumentException("gap must be >= 0 groups but was: " + groups);
    }
    return new GroupTimeSeriesSplit(folds, groups, embargoMillis, testGroups, maxTrainGroups);
  }

  /**
   * @param embargo the least time between the end of a training group and the start of the test
   *     block (default zero: training still ends strictly before the test block)
   * @return a copy with the embargo
   * @throws IllegalArgumentException if the duration is negative
   */
  public GroupTimeSeriesSplit embargo(Duration embargo) {
    Objects.requireNonNull(embargo, "embargo");
    if (embargo.isNegative()) {
      throw new IllegalArgumentException("embargo must not be negative but was: " + embargo);
    }
    return new GroupTimeSeriesSplit(folds, gap, embargo.toMillis(), testGroups, maxTrainGroups);
  }

  /**
   * @param groups the number of groups per test block (default: groups / (folds + 1))
   * @return a copy with the test block size
   * @throws IllegalArgumentException if {@code groups < 1}
   */
  public GroupTimeSeriesSplit testGroups(int groups) {
    if (groups < 1) {
      throw new IllegalArgumentException("testGroups must be >= 1 but was: " + groups);
    }
    return new GroupTimeSeriesSplit(folds, gap, embargoMillis, groups, maxTrainGroups);
  }

  /**
   * @param groups the most groups to train on: a rolling window instead of an expanding one
   * @return a copy with the window
   * @throws IllegalArgumentException if {@code groups < 1}
   */
  public GroupTimeSeriesSplit maxTrainGroups(int groups) {
    if (groups < 1) {
      throw new IllegalArgumentException("maxTrainGroups must be >= 1 but was: " + groups);
    }
    return new GroupTimeSeriesSplit(folds, gap, embargoMillis, testGroups, groups);
  }

  /**
   * @param groups the group of each row; none null
   * @param epochMillis the timestamp of each row, in epoch milliseconds
   * @return the folds, oldest test block first
   * @throws IllegalArgumentException if the lengths differ, a group is null, or there are too few
   *     groups for the folds, test blocks and gap
   */
  public List<Fold> folds(List<?> groups, long[] epochMillis) {
    Objects.requireNonNull(epochMillis, "epochMillis");
    if (groups.size() != epochMillis.length) {
      throw new IllegalArgumentException("groups has " + groups.size() + " values but epochMillis has "
          + epochMillis.length);
    }
    return folds(Indices.Coding.of(groups, g -> g, "group"), epochMillis.clone());
  }

  /**
   * @param items the items
   * @param groupOf the group of an item; never null
   * @param timeOf the timestamp of an item; never null
   * @param <T> the item type
   * @return the folds, oldest test block first
   * @throws IllegalArgumentException as {@link #folds(List, long[])}
   */
  public <T> List<Fold> folds(List<T> items, Function<? super T, ?> groupOf, Function<? super T, Instant> timeOf) {
    return folds(Indices.Coding.of(items, groupOf, "group"), Splits.epochMillis(items, timeOf));
  }

  private List<Fold> folds(Indices.Coding coding, long[] t) {
    int n = t.length;
    int g = coding.classes();
    long[] first = new long[g];
    long[] last = new long[g];
    Arrays.fill(first, Long.MAX_VALUE);
    Arrays.fill(last, Long.MIN_VALUE);
    for (int i = 0; i < n; i++) {
      int c = coding.codes[i];
      first[c] = Math.min(first[c], t[i]);
      last[c] = Math.max(last[c], t[i]);
    }
    Integer[] boxed = new Integer[g];
    for (int c = 0; c < g; c++) {
      boxed[c] = c;
    }
    Arrays.sort(boxed, (a, b) -> first[a] != first[b] ? Long.compare(first[a], first[b])
        : last[a] != last[b] ? Long.compare(last[a], last[b]) : Integer.compare(a, b));
    int blockSize = testGroups > 0 ? testGroups : g / (folds + 1);
    int firstTest = g - folds * blockSize;
    if (blockSize < 1 || firstTest - gap < 1) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "%d folds of %s test groups with a gap of %d need more than %d groups, but there are %d",
          folds, testGroups > 0 ? Integer.toString(testGroups) : "groups / (folds + 1)", gap,
          folds * Math.max(blockSize, 1) + gap, g));
    }
    int[][] members = coding.members();
    List<Fold> out = new ArrayList<>(folds);
    for (int f = 0; f < folds; f++) {
      int testStart = firstTest + f * blockSize;
      long testBegins = Long.MAX_VALUE;
      for (int k = testStart; k < testStart + blockSize; k++) {
        testBegins = Math.min(testBegins, first[boxed[k]]);
      }
      int trainEnd = testStart - gap;
      int trainStart = maxTrainGroups > 0 ? Math.max(0, trainEnd - maxTrainGroups) : 0;
      List<Integer> trainRows = new ArrayList<>();
      int kept = 0;
      int dropped = 0;
      for (int k = trainStart; k < trainEnd; k++) {
        int c = boxed[k];
        // strictly before the test block, by at least the embargo
        if (last[c] < testBegins - embargoMillis) {
          for (int i : members[c]) {
            trainRows.add(i);
          }
          kept++;
        } else {
          dropped++;
        }
      }
      List<Integer> testRows = new ArrayList<>();
      for (int k = testStart; k < testStart + blockSize; k++) {
        for (int i : members[boxed[k]]) {
          testRows.add(i);
        }
      }
      int[] train = trainRows.stream().mapToInt(Integer::intValue).sorted().toArray();
      int[] test = testRows.stream().mapToInt(Integer::intValue).sorted().toArray();
      Map<String, String> details = new LinkedHashMap<>();
      details.put("fold", f + " of " + folds);
      details.put("trainGroups", Integer.toString(kept));
      details.put("testGroups", Integer.toString(blockSize));
      details.put("gapGroups", Integer.toString(gap));
      details.put("embargo", Duration.ofMillis(embargoMillis).toString());
      details.put("droppedOverlapping", Integer.toString(dropped));
      details.put("testStart", Instant.ofEpochMilli(testBegins).toString());
      out.add(new Fold(f, n, train, test, new SplitProvenance("group-time-series", OptionalLong.empty(), List.of(),
          List.of(train.length, test.length), details)));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    return "group-time-series folds=" + folds + " gap=" + gap + " embargo=" + Duration.ofMillis(embargoMillis);
  }
}
