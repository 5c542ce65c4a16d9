package dev.mlsys.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Row;
import dev.mlsys.data.testdata.RealData;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

  @Test
  void randomSplitSizesAreLargestRemainderRoundings() {
    Split s = Splits.random(0.7, 0.15, 0.15).seed(5).split(10);
    // quotas 7, 1.5, 1.5: the one row left goes to the earlier of the tied remainders
    assertEquals(List.of(7, 2, 1), s.provenance().sizes());
    assertEquals(7, s.train().length);
    assertEquals(OptionalLong.of(5), s.provenance().seed());
    assertEquals(List.of(0.7, 0.15, 0.15), s.provenance().fractions());
    assertEquals(List.of(0.8, 0.2), Splits.random(0.8, 0.2).split(3).provenance().fractions());
    assertEquals(0, Splits.random(0.8, 0.2).split(3).validation().length);
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    Split a = Splits.random(0.8, 0.2).seed(42).split(1000);
    Split b = Splits.random(0.8, 0.2).seed(42).split(1000);
    Split c = Splits.random(0.8, 0.2).seed(43).split(1000);
    assertArrayEquals(a.train(), b.train());
    assertFalse(Arrays.equals(a.train(), c.train()));
  }

  @Test
  void stratifiedSplitOfTicdataKeepsTheSixPercentMinorityInEveryPart() {
    List<Row> rows = RealData.ticdata();
    Split s = Splits.stratified(0.7, 0.15, 0.15).seed(1).split(rows, Row::label);
    // 9822 rows: quotas 6875.4, 1473.3, 1473.3 -> 6875, 1474, 1473 (largest remainders 0.4, 0.3, 0.3)
    assertEquals(List.of(6876, 1473, 1473), s.provenance().sizes());
    long[][] classCounts = new long[3][2];
    for (Part p : Part.values()) {
      for (int i : s.indices(p)) {
        classCounts[p.ordinal()][rows.get(i).label().equals("insurance") ? 1 : 0]++;
      }
    }
    int[] sizes = {6876, 1473, 1473};
    for (int p = 0; p < 3; p++) {
      double quota = 586.0 * sizes[p] / 9822;
      assertTrue(Math.abs(classCounts[p][1] - quota) < 1, "part " + p + ": " + classCounts[p][1] + " vs " + quota);
    }
    assertEquals(586, classCounts[0][1] + classCounts[1][1] + classCounts[2][1]);
    assertEquals("{noinsurance=9236, insurance=586}", s.provenance().details().get("classes"));
  }

  @Test
  void trainingSetCarriesTheSplitsProvenance() {
    List<Row> rows = RealData.pima();
    Split s = Splits.stratified(0.8, 0.2).seed(9).split(rows, Row::label);
    TrainingSet<Row> train = s.training(rows);
    assertEquals(s.size(Part.TRAIN), train.size());
    assertTrue(train.provenance().get(0).contains("stratified seed=9"), train.provenance().toString());
    assertEquals(s.take(Part.TEST, rows).size(), s.test().length);
    assertThrows(IllegalArgumentException.class, () -> s.training(rows.subList(0, 10)));
  }

  @Test
  void timeSplitOfSeattleWeatherIsStrictlyOrderedAndClean() {
    List<Row> rows = RealData.seattleWeather();
    Split s = Splits.byTime(0.7, 0.15, 0.15).split(rows, r -> (Instant) r.get("date"));
    // one row per day: sizes are exact
    assertEquals(List.of(1023, 219, 219), s.provenance().sizes());
    Instant trainEnd = Instant.parse(s.provenance().details().get("trainEnd"));
    Instant validationStart = Instant.parse(s.provenance().details().get("validationStart"));
    assertTrue(trainEnd.isBefore(validationStart));
    LeakageReport report = LeakageCheck.of(s).records(rows).timestamps(rows, r -> (Instant) r.get("date")).check();
    assertTrue(report.isClean(), report.toString());
    // the same rows split at random train on the future: the check says so
    Split random = Splits.random(0.7, 0.15, 0.15).seed(1).split(rows);
    LeakageReport leaky = LeakageCheck.of(random).timestamps(rows, r -> (Instant) r.get("date")).check();
    assertFalse(leaky.isClean());
    assertEquals(Part.TRAIN, leaky.timeOverlaps().get(0).earlierPart());
    assertTrue(leaky.timeOverlaps().get(0).rows() > 500, leaky.toString());
  }

  @Test
  void tiedTimestampsStayTogetherAndTheCutMovesToTheNearestChange() {
    long[] t = {5, 1, 1, 2, 2, 2};
    Split s = Splits.byTime(0.5, 0.5).split(t);
    // target 3 train rows; time 2 spans sorted positions 2..4, so the cut moves to position 2
    assertArrayEquals(new int[] {1, 2}, s.train());
    assertArrayEquals(new int[] {0, 3, 4, 5}, s.test());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splits.byTime(0.5, 0.5).split(new long[] {7, 7, 7, 7}));
    assertTrue(e.getMessage().contains("1 distinct timestamps"), e.getMessage());
  }

  @Test
  void timeCutoffsPutRowsAtTheCutoffInTheLaterPart() {
    long[] t = {10, 20, 30, 40, 50};
    Split s = Splits.byTime(Instant.ofEpochMilli(20), Instant.ofEpochMilli(40)).split(t);
    assertArrayEquals(new int[] {0}, s.train());
    assertArrayEquals(new int[] {1, 2}, s.validation());
    assertArrayEquals(new int[] {3, 4}, s.test());
    assertEquals("1970-01-01T00:00:00.040Z", s.provenance().details().get("testCutoff"));
    Split twoWay = Splits.byTime(null, Instant.ofEpochMilli(35)).split(t);
    assertArrayEquals(new int[] {0, 1, 2}, twoWay.train());
  }

  @Test
  void groupSplitKeepsEveryGroupInOnePart() {
    List<Row> rows = RealData.income();
    // a group per (sex, age band, education): households that look alike stay together
    List<Object> groups = rows.stream().map(r -> r.get("SEX") + "/" + r.get("AGE") + "/" + r.get("EDUCATION"))
        .map(o -> (Object) o).toList();
    Split s = Splits.byGroup(0.6, 0.2, 0.2).seed(11).split(groups);
    LeakageReport r = LeakageCheck.of(s).groups(groups).check();
    assertTrue(r.isClean(), r.toString());
    int g = Integer.parseInt(s.provenance().details().get("groups"));
    int[] groupSizes = Apportion.sizes(g, new double[] {0.6, 0.2, 0.2});
    assertEquals(Arrays.toString(groupSizes), s.provenance().details().get("groupsPerPart"));
    assertEquals(g, Arrays.stream(groupSizes).sum());
    assertEquals(rows.size(), s.train().length + s.validation().length + s.test().length);
    Split random = Splits.random(0.6, 0.2, 0.2).seed(11).split(groups);
    assertTrue(LeakageCheck.of(random).groups(groups).check().sharedGroups() > 0);
  }

  @Test
  void kFoldCoversEveryRowOnceWithSizesDifferingByAtMostOne() {
    List<Fold> folds = Splits.kFold(5).seed(3).folds(23);
    int[] seen = new int[23];
    for (Fold f : folds) {
      for (int i : f.test()) {
        seen[i]++;
      }
      assertEquals(23, f.train().length + f.test().length);
    }
    assertArrayEquals(IntStream.range(0, 23).map(i -> 1).toArray(), seen);
    assertEquals(List.of(5, 5, 5, 4, 4), folds.stream().map(f -> f.test().length).toList());
    assertThrows(IllegalArgumentException.class, () -> Splits.kFold(5).folds(4));
    assertThrows(IllegalArgumentException.class, () -> Splits.kFold(1));
  }

  @Test
  void stratifiedKFoldOnPimaKeepsClassProportions() {
    List<Row> rows = RealData.pima();
    List<Fold> folds = Splits.stratifiedKFold(10).seed(7).folds(rows, Row::label);
    long positives = rows.stream().filter(r -> r.label().equals("pos")).count();
    for (Fold f : folds) {
      long pos = Arrays.stream(f.test()).filter(i -> rows.get(i).label().equals("pos")).count();
      double quota = positives * (double) f.test().length / rows.size();
      assertTrue(Math.abs(pos - quota) < 1, "fold " + f.index() + ": " + pos + " vs " + quota);
      assertTrue(LeakageCheck.of(f).check().isClean());
    }
  }

  @Test
  void groupTimeSeriesFoldsWalkForwardWithGapAndEmbargo() {
    List<Row> rows = RealData.seattleWeather();
    // groups are ISO weeks; 7 folds of 4-week test blocks, 2 weeks of gap and a 3-day embargo
    java.util.function.Function<Row, Object> week = r -> {
      var d = ((Instant) r.get("date")).atZone(ZoneOffset.UTC);
      return d.get(IsoFields.WEEK_BASED_YEAR) * 100 + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    };
    List<Fold> folds = Splits.groupTimeSeries(7).testGroups(4).gap(2).embargo(Duration.ofDays(3))
        .folds(rows, week, r -> (Instant) r.get("date"));
    assertEquals(7, folds.size());
    int previousTrain = 0;
    for (Fold f : folds) {
      long trainEnd = Arrays.stream(f.train()).mapToLong(i -> ((Instant) rows.get(i).get("date")).toEpochMilli())
          .max().orElseThrow();
      long testStart = Arrays.stream(f.test()).mapToLong(i -> ((Instant) rows.get(i).get("date")).toEpochMilli())
          .min().orElseThrow();
      // two skipped weeks then a 3-day embargo: training ends at least 2 weeks before testing
      assertTrue(testStart - trainEnd > Duration.ofDays(14).toMillis(), "fold " + f.index());
      if (f.index() < 6) {
        assertEquals(28, f.test().length, "four whole weeks of days");
      } else {
        // the data ends on Thursday 2015-12-31: the last ISO week has 4 days
        assertEquals(25, f.test().length);
      }
      assertTrue(f.train().length > previousTrain, "the training window expands");
      previousTrain = f.train().length;
      List<Object> groups = rows.stream().map(week).toList();
      LeakageReport r = LeakageCheck.of(f).groups(groups).timestamps(rows, x -> (Instant) x.get("date")).check();
      assertTrue(r.isClean(), r.toString());
    }
    List<Fold> rolling = Splits.groupTimeSeries(3).maxTrainGroups(10)
        .folds(rows, week, r -> (Instant) r.get("date"));
    assertTrue(rolling.stream().allMatch(f -> f.train().length <= 10 * 7));
    assertThrows(IllegalArgumentException.class, () -> Splits.groupTimeSeries(3).gap(2)
        .folds(List.of("a", "b", "c", "d"), new long[] {1, 2, 3, 4}));
  }

  @Test
  void groupTimeSeriesDropsTrainingGroupsThatOverlapTheTestBlockInTime() {
    // group "long" starts first but runs into the test block: it must not be trained on
    List<String> groups = List.of("long", "long", "a", "b", "c", "c");
    long[] t = {1, 50, 2, 3, 40, 41};
    Fold f = Splits.groupTimeSeries(1).testGroups(1).folds(groups, t).get(0);
    assertArrayEquals(new int[] {4, 5}, f.test());
    assertArrayEquals(new int[] {2, 3}, f.train());
    assertEquals("1", f.provenance().details().get("droppedOverlapping"));
  }

  @Test
  void leakageCheckFindsDuplicatedRecordsAndSharedIndices() {
    List<String> records = List.of("a", "b", "c", "a", "d", "b");
    LeakageReport r = LeakageCheck.of(new int[] {0, 1, 2}, new int[] {3, 4, 5, 2}).records(records).check();
    assertEquals(1, r.sharedIndices());
    assertEquals(2, r.duplicateRows());
    assertEquals(new LeakageReport.Duplicate(Part.TRAIN, 0, Part.TEST, 3), r.duplicates().get(0));
    assertTrue(r.toString().contains("2 duplicated records"), r.toString());
    assertThrows(IllegalArgumentException.class,
        () -> LeakageCheck.of(new int[] {0}, new int[] {9}).records(records).check());
  }

  @Test
  void aTableIsSplitByTakingTheIndicesOfEachPart() {
    List<Row> rows = RealData.pima();
    Split s = Splits.stratified(0.6, 0.2, 0.2).seed(2).split(rows, Row::label);
    try (org.apache.arrow.memory.RootAllocator allocator = new org.apache.arrow.memory.RootAllocator();
        dev.mlsys.data.Table table = dev.mlsys.data.Table.fromRows(rows.get(0).schema(), rows, allocator)) {
      for (Part p : Part.values()) {
        try (dev.mlsys.data.Table part = s.take(p, table)) {
          assertEquals(s.take(p, rows), part.toRows());
        }
      }
      assertEquals(s.training(rows).items(), s.training(table).items());
      Fold f = Splits.kFold(4).seed(1).folds(rows).get(2);
      try (dev.mlsys.data.Table train = f.train(table); dev.mlsys.data.Table test = f.test(table)) {
        assertEquals(f.training(rows).items(), train.toRows());
        assertEquals(f.test(rows), test.toRows());
      }
      try (dev.mlsys.data.Table head = table.head(10)) {
        assertThrows(IllegalArgumentException.class, () -> s.take(Part.TEST, head));
      }
    }
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException sum = assertThrows(IllegalArgumentException.class, () -> Splits.random(0.8, 0.3));
    assertTrue(sum.getMessage().contains("sum to 1"), sum.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Splits.random(0.5));
    assertThrows(IllegalArgumentException.class, () -> Splits.random(-0.5, 1.5));
    assertThrows(IllegalArgumentException.class, () -> Splits.random(0, 1));
    IllegalArgumentException nullLabel = assertThrows(IllegalArgumentException.class,
        () -> Splits.stratified(0.5, 0.5).split(Arrays.asList("a", null), x -> x));
    assertTrue(nullLabel.getMessage().contains("item 1"), nullLabel.getMessage());
    assertNotEquals(Splits.random(0.5, 0.5).toString(), "");
  }
}
