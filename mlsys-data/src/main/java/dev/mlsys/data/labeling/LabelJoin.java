package dev.mlsys.data.labeling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Joins predictions with the outcomes that arrive later (natural labels: a click, a purchase, a
 * fraud report): the feedback loop that turns served predictions into training and evaluation
 * data.
 *
 * <p>An outcome matches a prediction of the same key (compared with {@code equals}) made at or
 * before it and at most {@link #window(Duration)} earlier: {@code p.time <= o.time <= p.time +
 * window}. Outcomes are taken in time order (ties in input order); each prediction gets at most
 * one outcome, and which predictions an outcome labels is set by the {@link Attribution}.
 * Nothing is dropped: every prediction ends up matched, pending (its window is still open at
 * {@link #asOf(Instant)}) or expired (its window closed with no outcome, which for many problems
 * is itself the label, such as "no click"), and every outcome is matched or reported unmatched
 * with the reason.
 *
 * <pre>{@code
 * LabelJoin<Served, Click> join = LabelJoin.of(Served::requestId, Served::time, Click::requestId, Click::time)
 *     .window(Duration.ofMinutes(30))
 *     .asOf(now);
 * LabelJoin.Result<Served, Click> r = join.join(served, clicks);
 * }</pre>
 *
 * <p>Immutable; every option returns a copy. Thread-safe if the key and time functions are.
 *
 * @param <P> the prediction type
 * @param <O> the outcome type
 */
public final class LabelJoin<P, O> {
  private final Function<? super P, ?> predictionKey;
  private final Function<? super P, Instant> predictionTime;
  private final Function<? super O, ?> outcomeKey;
  private final Function<? super O, Instant> outcomeTime;
  private final Duration window;
  private final Attribution attribution;
  private final Instant asOf;

  private LabelJoin(Function<? super P, ?> predictionKey, Function<? super P, Instant> predictionTime,
      Function<? super O, ?> outcomeKey, Function<? super O, Instant> outcomeTime, Duration window,
      Attribution attribution, Instant asOf) {
    this.predictionKey = predictionKey;
    this.predictionTime = predictionTime;
    this.outcomeKey = outcomeKey;
    this.outcomeTime = outcomeTime;
    this.window = window;
    this.attribution = attribution;
    this.asOf = asOf;
  }

  /**
   * @param predictionKey the join key of a prediction (request id, user, entity); never null
   * @param predictionTime when the prediction was made; never null
   * @param outcomeKey the join key of an outcome; never null
   * @param outcomeTime when the outcome happened; never null
   * @param <P> the prediction type
   * @param <O> the outcome type
   * @return a join with a one-day window, latest-prediction attribution and {@code asOf} the
   *     latest time in the data
   */
  public static <P, O> LabelJoin<P, O> of(Function<? super P, ?> predictionKey,
      Function<? super P, Instant> predictionTime, Function<? super O, ?> outcomeKey,
      Function<? super O, Instant> outcomeTime) {
    return new LabelJoin<>(Objects.requireNonNull(predictionKey, "predictionKey"),
        Objects.requireNonNull(predictionTime, "predictionTime"), Objects.requireNonNull(outcomeKey, "outcomeKey"),
        Objects.requireNonNull(outcomeTime, "outcomeTime"), Duration.ofDays(1), Attribution.LATEST_PREDICTION, null);
  }

  /**
   * @param window how long after a prediction its outcome may arrive (inclusive)
   * @return a copy with the window
   * @throws IllegalArgumentException if the window is negative
   */
  public LabelJoin<P, O> window(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative but was: " + window);
    }
    return new LabelJoin<>(predictionKey, predictionTime, outcomeKey, outcomeTime, window, attribution, asOf);
  }

  /**
   * @param attribution which predictions an outcome labels (default latest prediction)
   * @return a copy with the attribution
   */
  public LabelJoin<P, O> attribution(Attribution attribution) {
    return new LabelJoin<>(predictionKey, predictionTime, outcomeKey, outcomeTime, window,
        Objects.requireNonNull(attribution, "attribution"), asOf);
  }

  /**
   * @param asOf the time the data is complete up to: a prediction whose window ends after it is
   *     pending, not expired (default: the latest prediction or outcome time in the data)
   * @return a copy with the time
   */
  public LabelJoin<P, O> asOf(Instant asOf) {
    return new LabelJoin<>(predictionKey, predictionTime, outcomeKey, outcomeTime, window, attribution,
        Objects.requireNonNull(asOf, "asOf"));
  }

  /**
   * @param predictions the served predictions
   * @param outcomes the outcomes observed since
   * @return every prediction and outcome, matched or accounted for
   * @throws IllegalArgumentException if a key or time is null (naming the item)
   */
  public Result<P, O> join(List<? extends P> predictions, List<? extends O> outcomes) {
    Objects.requireNonNull(predictions, "predictions");
    Objects.requireNonNull(outcomes, "outcomes");
    int np = predictions.size();
    int no = outcomes.size();
    long[] pt = new long[np];
    Object[] pk = new Object[np];
    Instant latest = Instant.MIN;
    for (int i = 0; i < np; i++) {
      pk[i] = require(predictionKey.apply(predictions.get(i)), "key of prediction", i);
      Instant t = require(predictionTime.apply(predictions.get(i)), "time of prediction", i);
      pt[i] = micros(t);
      latest = t.isAfter(latest) ? t : latest;
    }
    long[] ot = new long[no];
    Object[] ok = new Object[no];
    for (int i = 0; i < no; i++) {
      ok[i] = require(outcomeKey.apply(outcomes.get(i)), "key of outcome", i);
      Instant t = require(outcomeTime.apply(outcomes.get(i)), "time of outcome", i);
      ot[i] = micros(t);
      latest = t.isAfter(latest) ? t : latest;
    }
    long windowMicros = micros(window);
    // predictions of each key, sorted by (time, index)
    Map<Object, List<Integer>> byKey = new HashMap<>();
    for (int i = 0; i < np; i++) {
      byKey.computeIfAbsent(pk[i], k -> new ArrayList<>()).add(i);
    }
    Map<Object, Track> tracks = new HashMap<>();
    byKey.forEach((k, list) -> {
      list.sort((a, b) -> pt[a] != pt[b] ? Long.compare(pt[a], pt[b]) : Integer.compare(a, b));
      tracks.put(k, new Track(list.stream().mapToInt(Integer::intValue).toArray(), pt));
    });
    Integer[] outcomeOrder = new Integer[no];
    for (int i = 0; i < no; i++) {
      outcomeOrder[i] = i;
    }
    Arrays.sort(outcomeOrder, (a, b) -> ot[a] != ot[b] ? Long.compare(ot[a], ot[b]) : Integer.compare(a, b));
    int[] outcomeOf = new int[np];
    Arrays.fill(outcomeOf, -1);
    List<Match<P, O>> matched = new ArrayList<>();
    List<UnmatchedOutcome<O>> unmatched = new ArrayList<>();
    for (int o : outcomeOrder) {
      Track track = tracks.get(ok[o]);
      if (track == null) {
        unmatched.add(new UnmatchedOutcome<>(outcomes.get(o), UnmatchedOutcome.Reason.NO_PREDICTION_FOR_KEY));
        continue;
      }
      int lo = track.firstAtOrAfter(ot[o] - windowMicros);
      int hi = track.firstAfter(ot[o]) - 1;
      if (lo > hi) {
        unmatched.add(new UnmatchedOutcome<>(outcomes.get(o), UnmatchedOutcome.Reason.OUTSIDE_WINDOW));
        continue;
      }
      int labelled = 0;
      if (attribution == Attribution.LATEST_PREDICTION) {
        int j = track.openAtOrBefore(hi);
        if (j >= lo) {
          track.close(j);
          outcomeOf[track.order[j]] = o;
          labelled++;
        }
      } else {
        for (int j = track.openAtOrAfter(lo); j >= 0 && j <= hi; j = track.openAtOrAfter(j)) {
          track.close(j);
          outcomeOf[track.order[j]] = o;
          labelled++;
        }
      }
      if (labelled == 0) {
        unmatched.add(new UnmatchedOutcome<>(outcomes.get(o), UnmatchedOutcome.Reason.PREDICTIONS_ALREADY_LABELED));
      }
    }
    long asOfMicros = micros(asOf != null ? asOf : latest == Instant.MIN ? Instant.EPOCH : latest);
    List<P> pending = new ArrayList<>();
    List<P> expired = new ArrayList<>();
    for (int i = 0; i < np; i++) {
      if (outcomeOf[i] >= 0) {
        int o = outcomeOf[i];
        matched.add(new Match<>(predictions.get(i), outcomes.get(o), Duration.of(ot[o] - pt[i],
            java.time.temporal.ChronoUnit.MICROS)));
      } else if (pt[i] + windowMicros > asOfMicros) {
        pending.add(predictions.get(i));
      } else {
        expired.add(predictions.get(i));
      }
    }
    return new Result<>(matched, pending, expired, unmatched, np, no);
  }

  private static <V> V require(V v, String what, int index) {
    if (v == null) {
      throw new IllegalArgumentException(what + " " + index + " is null; every item needs a key and a time");
    }
    return v;
  }

  /** Time in microseconds: exact for any instant within about 292,000 years of 1970. */
  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  private static long micros(Duration d) {
    return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1000);
  }

  /**
   * The predictions of one key in time order, with union-find links that skip predictions already
   * labelled in either direction (Tarjan, "Efficiency of a good but not linear set union
   * algorithm", JACM 1975), so each outcome finds its prediction in near-constant time.
   */
  private static final class Track {
    final int[] order;
    final long[] times;
    final int[] left;
    final int[] right;

    Track(int[] order, long[] pt) {
      this.order = order;
      this.times = new long[order.length];
      for (int j = 0; j < order.length; j++) {
        times[j] = pt[order[j]];
      }
      left = new int[order.length + 1];
      right = new int[order.length + 1];
      for (int j = 0; j <= order.length; j++) {
        left[j] = j;
        right[j] = j;
      }
    }

    int firstAtOrAfter(long t) {
      int lo = 0;
      int hi = times.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (times[mid] < t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    int firstAfter(long t) {
      int lo = 0;
      int hi = times.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (times[mid] <= t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** @return the latest open position at or before {@code j}, or -1 */
    int openAtOrBefore(int j) {
      // left is indexed shifted by one so that -1 (nothing open) has a slot: position j is slot j + 1
      return find(left, j + 1) - 1;
    }

    /** @return the earliest open position at or after {@code j}, or -1 */
    int openAtOrAfter(int j) {
      int r = find(right, j);
      return r >= order.length ? -1 : r;
    }

    void close(int j) {
      left[j + 1] = j;
      right[j] = j + 1;
    }

    private static int find(int[] parent, int x) {
      int root = x;
      while (parent[root] != root) {
        root = parent[root];
      }
      while (parent[x] != root) {
        int next = parent[x];
        parent[x] = root;
        x = next;
      }
      return root;
    }
  }

  /**
   * A prediction with the outcome that labels it.
   *
   * @param prediction the prediction
   * @param outcome its outcome
   * @param delay the time from prediction to outcome (microsecond precision)
   * @param <P> the prediction type
   * @param <O> the outcome type
   */
  public record Match<P, O>(P prediction, O outcome, Duration delay) { }

  /**
   * An outcome that labels no prediction.
   *
   * @param outcome the outcome
   * @param reason why it is unmatched
   * @param <O> the outcome type
   */
  public record UnmatchedOutcome<O>(O outcome, Reason reason) {
    /** Why an outcome labels no prediction. */
    public enum Reason {
      /** No prediction has the outcome's key. */
      NO_PREDICTION_FOR_KEY,
      /** Predictions have the key, but none in the window before the outcome. */
      OUTSIDE_WINDOW,
      /** Every prediction of the key in the window had an earlier outcome already. */
      PREDICTIONS_ALREADY_LABELED
    }
  }

  /**
   * The outcome of a join: every prediction appears exactly once among {@link #matched()},
   * {@link #pending()} and {@link #expired()}; every outcome is in {@link #matched()} or
   * {@link #unmatchedOutcomes()}. Lists keep input order (unmatched outcomes: time order).
   * Immutable.
   *
   * @param <P> the prediction type
   * @param <O> the outcome type
   */
  public static final class Result<P, O> {
    private final List<Match<P, O>> matched;
    private final List<P> pending;
    private final List<P> expired;
    private final List<UnmatchedOutcome<O>> unmatched;
    private final int predictions;
    private final int outcomes;

    Result(List<Match<P, O>> matched, List<P> pending, List<P> expired, List<UnmatchedOutcome<O>> unmatched,
        int predictions, int outcomes) {
      this.matched = Collections.unmodifiableList(matched);
      this.pending = Collections.unmodifiableList(pending);
      this.expired = Collections.unmodifiableList(expired);
      this.unmatched = Collections.unmodifiableList(unmatched);
      this.predictions = predictions;
      this.outcomes = outcomes;
    }

    /** @return predictions with their outcome, in prediction input order */
    public List<Match<P, O>> matched() {
      return matched;
    }

    /** @return predictions with no outcome yet whose window is still open */
    public List<P> pending() {
      return pending;
    }

    /** @return predictions whose window closed without an outcome */
    public List<P> expired() {
      return expired;
    }

    /** @return outcomes that label no prediction, with the reason */
    public List<UnmatchedOutcome<O>> unmatchedOutcomes() {
      return unmatched;
    }

    /** @return the number of predictions joined */
    public int predictions() {
      return predictions;
    }

    /** @return the number of outcomes joined */
    public int outcomes() {
      return outcomes;
    }

    /** @return matched predictions over predictions whose window has closed or matched (NaN if none) */
    public double labelRate() {
      int decided = matched.size() + expired.size();
      return decided == 0 ? Double.NaN : (double) matched.size() / decided;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT,
          "LabelJoin.Result[%d predictions: %d matched, %d pending, %d expired; %d outcomes: %d unmatched]",
          predictions, matched.size(), pending.size(), expired.size(), outcomes, unmatched.size());
    }
  }
}
