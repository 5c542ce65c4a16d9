package dev.mlsys.eval.behavior;

import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import java.util.List;

/**
 * A behavioral test of a model: minimum functionality, invariance or directional expectation.
 * Build one with {@link BehavioralTests}; group them in a {@link BehavioralSuite}.
 *
 * <p>Tests are immutable specifications (every option returns a copy) and safe to share; a run
 * depends only on the model and the test's seed.
 */
public sealed interface BehavioralTest permits MinimumFunctionalityTest, InvarianceTest, DirectionalExpectationTest {

  /** @return the test's name */
  String name();

  /** @return the kind of test */
  TestType type();

  /** @return the seed that reproduces the test's cases */
  long seed();

  /**
   * Every row a run asks the model about, distinct and in order, so that predictions can be
   * computed elsewhere (a batch job, another language) and replayed with
   * {@link PrecomputedPredictions}.
   *
   * @return the rows
   */
  List<Row> rowsToPredict();

  /**
   * @param model the model under test; called through {@link Predictor#predictAll(List)}
   * @return the result: counts, failure rate with interval, worst cases
   * @throws IllegalArgumentException if a perturbation cannot be applied to a row
   * @throws IllegalStateException if the model's predictions lack what the test needs (a class
   *     probability), or it returns the wrong number of predictions
   */
  BehavioralTestResult run(Predictor model);
}
