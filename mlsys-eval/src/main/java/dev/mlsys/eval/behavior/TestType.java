package dev.mlsys.eval.behavior;

/** The three kinds of behavioral test (CheckList, Ribeiro et al. 2020, section 2.1). */
public enum TestType {
  /** Labelled cases the model must get right, like unit tests of a capability. */
  MINIMUM_FUNCTIONALITY,
  /** A perturbation that must not change the prediction (or must not move it beyond a tolerance). */
  INVARIANCE,
  /** A perturbation that must move a class probability (or a predicted value) up or down. */
  DIRECTIONAL_EXPECTATION
}
