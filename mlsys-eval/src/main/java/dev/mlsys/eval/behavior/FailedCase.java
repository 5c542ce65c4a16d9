package dev.mlsys.eval.behavior;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Row;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One failing case of a behavioral test, with everything needed to see and reproduce it.
 *
 * <p>Immutable value. For a minimum-functionality case there is no perturbation:
 * {@code perturbed} and {@code perturbedPrediction} are null and {@code originalPrediction} is the
 * model's answer.
 *
 * @param row the index of the row in the test's rows
 * @param seed the seed of the case's generator (the test seed mixed with the case number);
 *     0 for minimum functionality
 * @param original the row as given
 * @param originalPrediction the model's prediction on it
 * @param perturbed the perturbed row, or null
 * @param perturbedPrediction the model's prediction on the perturbed row, or null
 * @param severity how badly the expectation was missed; larger is worse, used to rank cases
 * @param reason what went wrong, in words ("label spam -&gt; ham; P(spam) 0.930 -&gt; 0.120")
 */
public record FailedCase(int row, long seed, Row original, Prediction originalPrediction, Row perturbed,
    Prediction perturbedPrediction, double severity, String reason) {

  /** @throws NullPointerException if the original row, its prediction or the reason is null */
  public FailedCase {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(originalPrediction, "originalPrediction");
    Objects.requireNonNull(reason, "reason");
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("row", row);
    m.put("seed", seed);
    m.put("severity", severity);
    m.put("reason", reason);
    m.put("original", Format.row(original));
    m.put("originalPrediction", Format.prediction(originalPrediction));
    if (perturbed != null) {
      m.put("perturbed", Format.row(perturbed));
      m.put("perturbedPrediction", Format.prediction(perturbedPrediction));
    }
    return m;
  }
}
