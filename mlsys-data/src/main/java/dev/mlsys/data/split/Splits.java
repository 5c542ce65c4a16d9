package dev.mlsys.data.split;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Entry point to splits that avoid leakage: seeded, exact, and recording their provenance.
 *
 * <pre>{@code
 * Split random     = Splits.random(0.8, 0.2).seed(1).split(rows.size());
 * Split stratified = Splits.stratified(0.7, 0.15, 0.15).seed(1).split(rows, Row::label);
 * Split byTime     = Splits.byTime(0.8, 0.2).split(rows, r -> (Instant) r.get("date"));
 * Split byGroup    = Splits.byGroup(0.8, 0.2).seed(1).split(rows, r -> r.get("user"));
 * List<Fold> cv    = Splits.stratifiedKFold(5).seed(1).folds(rows, Row::label);
 * List<Fold> walk  = Splits.groupTimeSeries(4).gap(1).folds(rows, r -> r.get("week"), r -> (Instant) r.get("ts"));
 * LeakageReport r  = LeakageCheck.of(stratified).records(rows).check();
 * }</pre>
 *
 * <p>Fractions are two values (train, test) or three (train, validation, test), non-negative,
 * summing to 1. Seeds default to 0 and are mixed by {@link java.util.SplittableRandom}, so nearby
 * seeds give unrelated shuffles. Every method here is thread-safe; the splitters are immutable.
 */
public final class Splits {
  private Splits() {}

  /**
   * @param fractions train and test, or train, validation and test
   * @return a seeded random split with exact sizes
   * @throws IllegalArgumentException if the fractions are not 2 or 3 non-negative values summing
   *     to 1 with a positive train fraction
   */
  public static RandomSplit random(double... fractions) {
    return new RandomSplit(Indices.fractions(fractions), fractions.length == 3, 0);
  }

  /**
   * @param fractions train and test, or train, validation and test
   * @return a seeded split keeping class proportions in every part
   * @throws IllegalArgumentException as {@link #random(double...)}
   */
  public static StratifiedSplit stratified(double... fractions) {
    return new StratifiedSplit(Indices.fractions(fractions), fractions.length == 3, 0);
  }

  /**
   * @param fractions train and test, or train, validation and test
   * @return a split by timestamp: train strictly before validation strictly before test
   * @throws IllegalArgumentException as {@link #random(double...)}
   */
  public static TimeSplit byTime(double... fractions) {
    return new TimeSplit(Indices.fractions(fractions), fractions.length == 3, null);
  }

  /**
   * @param validationStart the first instant of the validation part, or {@code null} for a
   *     two-way split
   * @param testStart the first instant of the test part
   * @return a split by timestamp at fixed cutoffs
   * @throws IllegalArgumentException if {@code testStart} is before {@code validationStart}
   */
  public static TimeSplit byTime(Instant validationStart, Instant testStart) {
    Objects.requireNonNull(testStart, "testStart");
    if (validationStart == null) {
      return new TimeSplit(null, false, new long[] {testStart.toEpochMilli()});
    }
    if (testStart.isBefore(validationStart)) {
      throw new IllegalArgumentException("testStart (" + testStart + ") must not be before validationStart ("
          + validationStart + ")");
    }
    return new TimeSplit(null, true, new long[] {validationStart.toEpochMilli(), testStart.toEpochMilli()});
  }

  /**
   * @param fractions fractions of groups: train and test, or train, validation and test
   * @return a seeded split that keeps every group in one part
   * @throws IllegalArgumentException as {@link #random(double...)}
   */
  public static GroupSplit byGroup(double... fractions) {
    return new GroupSplit(Indices.fractions(fractions), fractions.length == 3, 0);
  }

  /**
   * @param k the number of folds, at least 2
   * @return seeded k-fold cross-validation
   * @throws IllegalArgumentException if {@code k < 2}
   */
  public static KFold kFold(int k) {
    return new KFold(checkK(k), 0);
  }

  /**
   * @param k the number of folds, at least 2
   * @return seeded stratified k-fold cross-validation
   * @throws IllegalArgumentException if {@code k < 2}
   */
  public static StratifiedKFold stratifiedKFold(int k) {
    return new StratifiedKFold(checkK(k), 0);
  }

  /**
   * @param folds the number of folds (test blocks), at least 1
   * @return walk-forward cross-validation over time-ordered groups, with optional gap and embargo
   * @throws IllegalArgumentException if {@code folds < 1}
   */
  public static GroupTimeSeriesSplit groupTimeSeries(int folds) {
    if (folds < 1) {
      throw new IllegalArgumentException("folds must be >= 1 but was: " + folds);
    }
    return new GroupTimeSeriesSplit(folds, 0, 0, 0, 0);
  }

  private static int checkK(int k) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2 but was: " + k);
    }
    return k;
  }

  static <T> long[] epochMillis(List<T> items, Function<? super T, Instant> timeOf) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(timeOf, "timeOf");
    long[] t = new long[items.size()];
    for (int i = 0; i < t.length; i++) {
      Instant at = timeOf.apply(items.get(i));
      if (at == null) {
        throw new IllegalArgumentException("timestamp of item " + i + " is null; every item needs a timestamp");
      }
      t[i] = at.toEpochMilli();
    }
    return t;
  }
}
