package dev.mlsys.models;

import dev.mlsys.api.Prediction;
import java.util.List;
import java.util.Objects;

/**
 * What one member of an ensemble said about one input and how much it moved the ensemble's
 * answer.
 *
 * @param index the member's position in the ensemble
 * @param member the member's name
 * @param weight the member's weight in the combination
 * @param prediction the member's own prediction
 * @param contribution the term the member added to the ensemble's decision, per class in the
 *     ensemble's class order (one value for regression); for stacking, the change of the final
 *     output when this base model's stacked features are replaced by their training means
 */
public record MemberContribution(int index, String member, double weight, Prediction prediction,
    List<Double> contribution) {

  /** Copies the contribution list. */
  public MemberContribution {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(prediction, "prediction");
    contribution = List.copyOf(contribution);
  }
}
