package dev.mlsys.monitor.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Replays a {@link LabelledStream} through detectors and scores them: detection delay, false
 * alarms and missed changes.
 *
 * <p>Scoring: each change point c owns the interval [c, min(c + maxDelay, next change point)). The
 * first drift reported in that interval detects the change, with delay = index - c; a change with
 * no drift in its interval is missed; every other drift (before the first change, after the
 * interval, or a second drift within it) is a false alarm.
 *
 * <pre>{@code
 * Map<String, DetectorEvaluation.Result> scores = DetectorEvaluation.compare(
 *     Map.of("adwin", DriftDetectors::adwin, "page-hinkley", DriftDetectors::pageHinkley), stream, 500);
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class DetectorEvaluation {
  private DetectorEvaluation() {}

  /**
   * The score of one detector on one stream.
   *
   * @param detector the detector's name
   * @param changePoints number of change points in the stream
   * @param detected change points detected within the delay bound
   * @param missed change points not detected within the delay bound
   * @param falseAlarms drifts that detect no change
   * @param meanDelay mean delay of the detected changes, NaN if none was detected
   * @param delays the delay of each detected change, in stream order
   * @param detections every index at which a drift was reported
   */
  public record Result(String detector, int changePoints, int detected, int missed, int falseAlarms,
      double meanDelay, List<Integer> delays, List<Integer> detections) {

    /** Copies the lists. */
    public Result {
      Objects.requireNonNull(detector, "detector");
      delays = List.copyOf(delays);
      detections = List.copyOf(detections);
    }
  }

  /**
   * @param detector a fresh detector (it is fed the whole stream)
   * @param stream the labelled stream
   * @param maxDelay longest delay that still counts as a detection, >= 1
   * @return the score
   * @throws IllegalArgumentException if maxDelay &lt; 1 or a value is rejected by the detector
   */
  public static Result evaluate(DriftDetector detector, LabelledStream stream, int maxDelay) {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(stream, "stream");
    if (maxDelay < 1) {
      throw new IllegalArgumentException("maxDelay must be >= 1 but was: " + maxDelay);
    }
    double[] values = stream.values();
    int[] changes = stream.changePoints();
    List<Integer> detections = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (detector.update(values[i]) == DriftState.DRIFT) {
        detections.add(i);
      }
    }
    List<Integer> delays = new ArrayList<>();
    boolean[] used = new boolean[detections.size()];
    int missed = 0;
    for (int c = 0; c < changes.length; c++) {
      int from = changes[c];
      int to = Math.min((long) from + maxDelay > Integer.MAX_VALUE ? Integer.MAX_VALUE : from + maxDelay,
          c + 1 < changes.length ? changes[c + 1] : Integer.MAX_VALUE);
      boolean found = false;
      for (int d = 0; d < detections.size(); d++) {
        int at = detections.get(d);
        if (at >= from && at < to) {
          delays.add(at - from);
          used[d] = true;
          found = true;
          break;
        }
      }
      if (!found) {
        missed++;
      }
    }
    int falseAlarms = 0;
    for (boolean u : used) {
      if (!u) {
        falseAlarms++;
      }
    }
    double meanDelay = delays.isEmpty() ? Double.NaN
        : delays.stream().mapToInt(Integer::intValue).average().orElseThrow();
    return new Result(detector.name(), changes.length, delays.size(), missed, falseAlarms, meanDelay, delays,
        detections);
  }

  /**
   * Scores several detectors on the same stream.
   *
   * @param detectors name to a supplier of fresh detectors, in report order
   * @param stream the labelled stream
   * @param maxDelay longest delay that still counts as a detection
   * @return name to score, in the order given
   */
  public static Map<String, Result> compare(Map<String, Supplier<DriftDetector>> detectors, LabelledStream stream,
      int maxDelay) {
    Map<String, Result> out = new LinkedHashMap<>();
    detectors.forEach((name, supplier) -> out.put(name, evaluate(supplier.get(), stream, maxDelay)));
    return out;
  }
}
