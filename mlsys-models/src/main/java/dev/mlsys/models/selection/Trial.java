package dev.mlsys.models.selection;

import java.util.Map;

/**
 * One candidate of a search and how it scored.
 *
 * @param index the candidate's position in the order the search generated them
 * @param params the parameters set on the base trainer
 * @param cv the cross-validation outcome
 * @param rank 1 for the best candidate by the search metric
 */
public record Trial(int index, Map<String, Object> params, CvResult cv, int rank) {

  /** Copies the parameters. */
  public Trial {
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
  }
}
