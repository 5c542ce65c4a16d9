package dev.mlsys.eval.behavior;

import java.util.List;

/**
 * The entry point of behavioral testing (CheckList for the JVM: Ribeiro et al. 2020): factories
 * for the three test types. Group tests in a {@link BehavioralSuite}; in JUnit use
 * {@code dev.mlsys.eval.junit.ModelAssertions}.
 *
 * <pre>{@code
 * BehavioralSuite suite = BehavioralSuite.named("spam filter")
 *     .add(BehavioralTests.minimumFunctionality("obvious spam").expect("spam", obviousSpam))
 *     .add(BehavioralTests.invariance("case", Perturbations.uppercase("message")).on(messages))
 *     .add(BehavioralTests.directional("more dollars", Perturbations.shift("charDollar", 0.5))
 *         .expectIncrease("spam").on(rows));
 * SuiteResult result = suite.run(model);
 * }</pre>
 *
 * <p>Every factory returns an immutable test with seed {@link #DEFAULT_SEED}, no allowed failures
 * and the five worst cases kept.
 */
public final class BehavioralTests {
  /** The seed of a test unless set. */
  public static final long DEFAULT_SEED = 0;

  private BehavioralTests() {}

  /**
   * @param name the test's name
   * @return an empty minimum-functionality test; add cases with {@code expect}
   * @throws IllegalArgumentException if the name is blank
   */
  public static MinimumFunctionalityTest minimumFunctionality(String name) {
    return new MinimumFunctionalityTest(Options.named(name), List.of(), List.of());
  }

  /**
   * @param name the test's name
   * @param perturbation what the model must ignore
   * @return an invariance test with no rows yet; add them with {@code on}
   * @throws IllegalArgumentException if the name is blank
   */
  public static InvarianceTest invariance(String name, Perturbation perturbation) {
    return new InvarianceTest(Options.named(name), perturbation, List.of(), 1, Double.NaN, 0);
  }

  /**
   * @param name the test's name
   * @param perturbation the change whose effect is expected
   * @return a directional test; set the expectation with {@code expectIncrease},
   *     {@code expectDecrease} or {@code expectValue} and the rows with {@code on}
   * @throws IllegalArgumentException if the name is blank
   */
  public static DirectionalExpectationTest directional(String name, Perturbation perturbation) {
    return new DirectionalExpectationTest(Options.named(name), perturbation, List.of(), 1, null, null, 0,
        DirectionalExpectationTest.DEFAULT_SATURATION_MARGIN);
  }
}
