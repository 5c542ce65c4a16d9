package dev.mlsys.models.selection;

import dev.mlsys.models.ModelTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a grid or random search: every trial ranked by the search metric, the best
 * trainer, and a printable results table.
 *
 * @param metric the metric trials are ranked by
 * @param trials every trial, best first (ties keep generation order)
 * @param best the base trainer with the best trial's parameters
 */
public record SearchResult(Metric metric, List<Trial> trials, ModelTrainer best) {

  /** Copies the trials. */
  public SearchResult {
    trials = List.copyOf(trials);
  }

  /** @return the best trial */
  public Trial bestTrial() {
    return trials.get(0);
  }

  /**
   * @return the results as an aligned text table: rank, each parameter, the metric's mean and
   *     standard deviation over folds
   */
  public String table() {
    List<String> keys = new ArrayList<>(trials.get(0).params().keySet());
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();
    header.add("rank");
    header.addAll(keys);
    header.add(metric.key() + " mean");
    header.add("std");
    rows.add(header.toArray(new String[0]));
    for (Trial t : trials) {
      List<String> r = new ArrayList<>();
      r.add(Integer.toString(t.rank()));
      for (String k : keys) {
        Object v = t.params().get(k);
        r.add(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(v));
      }
      r.add(String.format(Locale.ROOT, "%.4f", t.cv().mean(metric)));
      r.add(String.format(Locale.ROOT, "%.4f", t.cv().std().get(metric)));
      rows.add(r.toArray(new String[0]));
    }
    int[] width = new int[header.size()];
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        sb.append(c == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%" + width[c] + "s", r[c]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** @return the trials as JSON-ready maps: rank, params, mean and std of every metric */
  public List<Map<String, Object>> toMaps() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Trial t : trials) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("rank", t.rank());
      m.put("params", t.params());
      Map<String, Object> mean = new java.util.LinkedHashMap<>();
      t.cv().mean().forEach((k, v) -> mean.put(k.key(), v));
      m.put("mean", mean);
      Map<String, Object> std = new java.util.LinkedHashMap<>();
      t.cv().std().forEach((k, v) -> std.put(k.key(), v));
      m.put("std", std);
      out.add(m);
    }
    return out;
  }
}
