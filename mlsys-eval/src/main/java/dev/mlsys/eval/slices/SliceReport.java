package dev.mlsys.eval.slices;

import dev.mlsys.api.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A metric per slice with intervals, the overall value, the slices too small to report, and the
 * worst slices. Exports JSON with format {@value #FORMAT} version {@value #VERSION}.
 *
 * <p>Immutable value.
 *
 * @param metric the metric's name
 * @param higherIsBetter whether larger values are better
 * @param overall the metric on all examples
 * @param slices every slice of at least the minimum size, grouping by grouping, slices in name order
 * @param tooSmall slices below the minimum size
 * @param minSize the minimum slice size
 * @param confidence the confidence level of the intervals
 * @param seed the seed of bootstrap intervals
 */
public record SliceReport(String metric, boolean higherIsBetter, SliceResult overall, List<SliceResult> slices,
    List<SmallSlice> tooSmall, int minSize, double confidence, long seed) {
  /** The format name written at the start of the JSON. */
  public static final String FORMAT = "mlsys.slice-report";
  /** The format version written. */
  public static final int VERSION = 1;

  /** Copies the lists. */
  public SliceReport {
    slices = List.copyOf(slices);
    tooSmall = List.copyOf(tooSmall);
  }

  /**
   * @param k how many slices, &gt;= 0
   * @return the k worst slices by value (undefined ones left out), worst first
   */
  public List<SliceResult> worst(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0 but was: " + k);
    }
    Comparator<SliceResult> byValue = Comparator.comparingDouble(SliceResult::value);
    return slices.stream().filter(s -> !Double.isNaN(s.value()))
        .sorted(higherIsBetter ? byValue : byValue.reversed()).limit(k).toList();
  }

  /** @return slices whose whole interval lies on the worse side of the overall value, worst first */
  public List<SliceResult> worseThanOverall() {
    double o = overall.value();
    return worst(slices.size()).stream().filter(s -> s.interval() != null
        && (higherIsBetter ? s.interval().upper() < o : s.interval().lower() > o)).toList();
  }

  /**
   * @param slice a slice's name
   * @return its result
   * @throws IllegalArgumentException if no reported slice has that name
   */
  public SliceResult slice(String slice) {
    return slices.stream().filter(s -> s.slice().equals(slice)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("no reported slice named '" + slice + "'"
            + (tooSmall.stream().anyMatch(s -> s.slice().equals(slice)) ? " (it is below the minimum size " + minSize + ")" : "")));
  }

  /** @return a plain-text table of the worst slices */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s overall %.4f on %d examples; %d slices of >= %d examples, %d smaller%n",
        metric, overall.value(), overall.size(), slices.size(), minSize, tooSmall.size()));
    for (SliceResult s : worst(Math.min(10, slices.size()))) {
      sb.append(String.format(Locale.ROOT, "  %-50s n=%-6d %.4f", s.slice(), s.size(), s.value()));
      if (s.interval() != null) {
        sb.append(String.format(Locale.ROOT, " [%.4f, %.4f]", s.interval().lower(), s.interval().upper()));
      }
      sb.append(String.format(Locale.ROOT, " (%+.4f)%n", s.difference()));
    }
    return sb.toString();
  }

  /** @return the JSON-ready form, starting with format and version */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("formatVersion", VERSION);
    m.put("metric", metric);
    m.put("higherIsBetter", higherIsBetter);
    m.put("minSize", minSize);
    m.put("confidence", confidence);
    m.put("seed", seed);
    m.put("overall", overall.toMap());
    List<Object> list = new ArrayList<>();
    slices.forEach(s -> list.add(s.toMap()));
    m.put("slices", list);
    List<Object> small = new ArrayList<>();
    for (SmallSlice s : tooSmall) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("grouping", s.grouping());
      e.put("slice", s.slice());
      e.put("size", s.size());
      small.add(e);
    }
    m.put("tooSmall", small);
    return m;
  }

  /** @return the report as JSON (NaN written as null) */
  public String toJson() {
    return Json.write(toMap(), true);
  }
}
