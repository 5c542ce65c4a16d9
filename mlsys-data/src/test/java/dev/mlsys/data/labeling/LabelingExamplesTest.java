package dev.mlsys.data.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Row;
import dev.mlsys.data.testdata.RealData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of {@link LabelJoin} and {@link WeakLabeler}, compiled and run. */
class LabelingExamplesTest {
  record Served(String requestId, Instant time) { }

  record Click(String requestId, Instant time) { }

  @Test
  void labelJoinExample() {
    Instant now = Instant.parse("2024-05-01T12:00:00Z");
    List<Served> served = List.of(new Served("r1", now.minusSeconds(3600)), new Served("r2", now.minusSeconds(600)));
    List<Click> clicks = List.of(new Click("r1", now.minusSeconds(3000)));
    LabelJoin<Served, Click> join = LabelJoin.of(Served::requestId, Served::time, Click::requestId, Click::time)
        .window(Duration.ofMinutes(30))
        .asOf(now);
    LabelJoin.Result<Served, Click> r = join.join(served, clicks);
    assertEquals(1, r.matched().size());
    assertEquals(1, r.pending().size());
  }

  @Test
  void weakLabelerExample() {
    List<Row> rows = RealData.pima();
    WeakLabeler<Row> labeler = WeakLabeler.<Row>builder("neg", "pos")
        .add("high_glucose", r -> r.getDouble("glucose") >= 160 ? 1 : LabelingFunction.ABSTAIN)
        .add("young", r -> r.getDouble("age") < 25 ? 0 : LabelingFunction.ABSTAIN)
        .build();
    LabelMatrix votes = labeler.apply(rows);
    int[] labels = votes.majorityVote();                 // LabelingFunction.ABSTAIN where undecided
    assertEquals(rows.size(), labels.length);
  }
}
