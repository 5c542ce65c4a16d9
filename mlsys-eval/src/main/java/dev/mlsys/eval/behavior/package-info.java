/**
 * Behavioral testing of models (the CheckList ideas of Ribeiro et al. 2020): minimum
 * functionality, invariance and directional expectation tests over seeded perturbations of rows
 * and text, with failure rates, Wilson intervals and the worst failing cases.
 *
 * <p>Entry points: {@link dev.mlsys.eval.behavior.BehavioralTests} (the three test types),
 * {@link dev.mlsys.eval.behavior.Perturbations} (tabular and text perturbations) and
 * {@link dev.mlsys.eval.behavior.BehavioralSuite} (run many, export JSON). Tests run on any
 * {@link dev.mlsys.api.Predictor} or on {@link dev.mlsys.eval.behavior.PrecomputedPredictions}.
 */
package dev.mlsys.eval.behavior;
