package dev.mlsys.data.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Row;
import dev.mlsys.data.labeling.LabelJoin.UnmatchedOutcome.Reason;
import dev.mlsys.data.testdata.RealData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelJoinTest {
  record Forecast(LocalDate day, Instant madeAt, String predicted) { }

  record Observation(LocalDate day, Instant observedAt, String weather) { }

  private static Instant at(LocalDate d, int hour) {
    return d.atTime(hour, 0).toInstant(ZoneOffset.UTC);
  }

  @Test
  void seattleForecastsJoinWithTheNextMorningsObservations() {
    // every evening a forecast for the next day; the weather is observed the morning after that day
    List<Row> days = RealData.seattleWeather();
    List<Forecast> forecasts = new ArrayList<>();
    List<Observation> observations = new ArrayList<>();
    int outage = 0;
    for (Row r : days) {
      LocalDate d = ((Instant) r.get("date")).atZone(ZoneOffset.UTC).toLocalDate();
      forecasts.add(new Forecast(d.plusDays(1), at(d, 18), "sun"));
      // the station drops heavy-rain days (a sensor outage), so those forecasts never get a label
      if (r.getDouble("precipitation") > 20) {
        outage++;
      } else {
        observations.add(new Observation(d, at(d.plusDays(1), 6), (String) r.label()));
      }
    }
    LabelJoin<Forecast, Observation> join = LabelJoin.of(Forecast::day, Forecast::madeAt, Observation::day,
        Observation::observedAt).window(Duration.ofHours(40));
    LabelJoin.Result<Forecast, Observation> r = join.join(forecasts, observations);
    // 1461 forecasts: the one for 2016-01-01 is pending (its window is still open at the last
    // observation); the first day 2012-01-01 had no forecast; outage days expire
    assertEquals(1461, r.predictions());
    assertEquals(1, r.pending().size());
    assertEquals(LocalDate.of(2016, 1, 1), r.pending().get(0).day());
    long outageAfterFirstDay = days.stream().skip(1).filter(x -> x.getDouble("precipitation") > 20).count();
    assertEquals(outageAfterFirstDay, r.expired().size());
    assertEquals(1461 - 1 - outageAfterFirstDay, r.matched().size());
    assertEquals(1, r.unmatchedOutcomes().size());
    assertEquals(LocalDate.of(2012, 1, 1), r.unmatchedOutcomes().get(0).outcome().day());
    assertEquals(Reason.NO_PREDICTION_FOR_KEY, r.unmatchedOutcomes().get(0).reason());
    assertTrue(r.matched().stream().allMatch(m -> m.delay().equals(Duration.ofHours(36))));
    assertTrue(outage > 0);
    // with a window shorter than the 36-hour delay nothing matches: every outcome is outside it
    var tooShort = join.window(Duration.ofHours(35)).join(forecasts, observations);
    assertEquals(0, tooShort.matched().size());
    assertEquals(observations.size() - 1, tooShort.unmatchedOutcomes().stream()
        .filter(u -> u.reason() == Reason.OUTSIDE_WINDOW).count());
  }

  record P(String key, long t) { }

  record O(String key, long t) { }

  private static LabelJoin<P, O> join(long window) {
    return LabelJoin.of(P::key, (P p) -> Instant.ofEpochSecond(p.t()), O::key, (O o) -> Instant.ofEpochSecond(o.t()))
        .window(Duration.ofSeconds(window));
  }

  @Test
  void latestPredictionAttributionLabelsOnlyTheLastPrediction() {
    List<P> ps = List.of(new P("u", 0), new P("u", 5), new P("u", 8));
    List<O> os = List.of(new O("u", 9), new O("u", 9), new O("u", 9), new O("u", 9));
    var r = join(10).asOf(Instant.ofEpochSecond(100)).join(ps, os);
    // the first outcome labels t=8, the next t=5, then t=0; the fourth finds all labelled
    assertEquals(3, r.matched().size());
    assertEquals(List.of(0L, 5L, 8L), r.matched().stream().map(m -> m.prediction().t()).toList());
    assertEquals(Reason.PREDICTIONS_ALREADY_LABELED, r.unmatchedOutcomes().get(0).reason());
  }

  @Test
  void eachPredictionAttributionLabelsTheWholeWindow() {
    List<P> ps = List.of(new P("u", 0), new P("u", 5), new P("u", 8), new P("u", 20), new P("v", 8));
    List<O> os = List.of(new O("u", 9));
    var r = join(10).attribution(Attribution.EACH_PREDICTION).asOf(Instant.ofEpochSecond(100)).join(ps, os);
    assertEquals(List.of(0L, 5L, 8L), r.matched().stream().map(m -> m.prediction().t()).toList());
    assertEquals(2, r.expired().size());
    assertTrue(r.unmatchedOutcomes().isEmpty());
  }

  @Test
  void windowBoundsAreInclusiveAndOutcomesBeforeThePredictionDoNotCount() {
    var r = join(10).asOf(Instant.ofEpochSecond(100)).join(List.of(new P("a", 0), new P("b", 50)),
        List.of(new O("a", 10), new O("b", 49)));
    assertEquals(1, r.matched().size());
    assertEquals("a", r.matched().get(0).prediction().key());
    assertEquals(Reason.OUTSIDE_WINDOW, r.unmatchedOutcomes().get(0).reason());
    assertEquals(List.of(new P("b", 50)), r.expired());
    assertEquals(0.5, r.labelRate());
    var pending = join(10).asOf(Instant.ofEpochSecond(55)).join(List.of(new P("b", 50)), List.of());
    assertEquals(1, pending.pending().size());
  }

  @Test
  void missingKeysOrTimesAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> join(10).join(List.of(new P("a", 0), new P(null, 1)), List.of()));
    assertTrue(e.getMessage().contains("key of prediction 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> join(-1));
  }
}
