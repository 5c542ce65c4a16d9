package dev.mlsys.data.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of {@link Splits}, {@link TrainingSet} and {@link LeakageCheck}, compiled and run. */
class SplitExamplesTest {

  @Test
  void splitsClassExample() {
    Schema schema = Schema.builder().numeric("x").categorical("user", "u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7")
        .numeric("week").timestamp("ts").label("y", "no", "yes").build();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      rows.add(schema.rowOf(i, "u" + i % 8, i / 10, Instant.ofEpochSecond(i * 3600L), i % 4 == 0 ? "yes" : "no"));
    }
    Split random = Splits.random(0.8, 0.2).seed(1).split(rows.size());
    Split stratified = Splits.stratified(0.7, 0.15, 0.15).seed(1).split(rows, Row::label);
    Split byTime = Splits.byTime(0.8, 0.2).split(rows, r -> (Instant) r.get("ts"));
    Split byGroup = Splits.byGroup(0.8, 0.2).seed(1).split(rows, r -> r.get("user"));
    List<Fold> cv = Splits.stratifiedKFold(5).seed(1).folds(rows, Row::label);
    List<Fold> walk = Splits.groupTimeSeries(4).gap(1).folds(rows, r -> r.get("week"), r -> (Instant) r.get("ts"));
    LeakageReport report = LeakageCheck.of(stratified).records(rows).check();
    assertEquals(64, random.train().length);
    assertEquals(16, byTime.test().length);
    assertTrue(byGroup.train().length % 10 == 0);
    assertEquals(5, cv.size());
    assertEquals(4, walk.size());
    assertTrue(report.isClean());

    TrainingSet<Row> train = stratified.training(rows);
    List<Row> test = stratified.take(Part.TEST, rows);
    assertEquals(80, train.size() + stratified.size(Part.VALIDATION) + test.size());
    LeakageReport timeReport = LeakageCheck.of(byTime).records(rows, Row::withoutLabel)
        .timestamps(rows, row -> (Instant) row.get("ts")).check();
    assertTrue(timeReport.isClean(), timeReport.toString());
  }
}
