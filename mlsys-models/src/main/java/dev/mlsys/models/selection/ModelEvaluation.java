package dev.mlsys.models.selection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's metrics next to its baseline's, and the gain over the baseline. A gain is positive
 * when the model is better, whatever the metric's direction (for log loss and errors it is the
 * baseline's value minus the model's).
 *
 * @param model the model's name
 * @param baseline the baseline's name
 * @param metrics the model's metrics
 * @param baselineMetrics the baseline's metrics
 * @param gain per metric, how much better the model is
 */
public record ModelEvaluation(String model, String baseline, Map<Metric, Double> metrics,
    Map<Metric, Double> baselineMetrics, Map<Metric, Double> gain) {

  /** Copies the maps. */
  public ModelEvaluation {
    metrics = Map.copyOf(metrics);
    baselineMetrics = Map.copyOf(baselineMetrics);
    gain = Map.copyOf(gain);
  }

  /** @return a JSON-ready map: metrics by key, then {@code baseline} and {@code baselineGain} objects */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", model);
    for (Metric m : Metric.values()) {
      if (metrics.containsKey(m)) {
        out.put(m.key(), metrics.get(m));
      }
    }
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("model", baseline);
    Map<String, Object> gains = new LinkedHashMap<>();
    for (Metric m : Metric.values()) {
      if (baselineMetrics.containsKey(m)) {
        base.put(m.key(), baselineMetrics.get(m));
        gains.put(m.key(), gain.get(m));
      }
    }
    out.put("baseline", base);
    out.put("baselineGain", gains);
    return out;
  }
}
