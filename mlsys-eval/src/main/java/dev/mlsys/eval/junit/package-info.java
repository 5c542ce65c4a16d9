/**
 * The JUnit 5 and jqwik face of behavioral testing.
 *
 * <p>Entry points: {@link dev.mlsys.eval.junit.ModelAssertions#assertThat(dev.mlsys.api.Predictor)}
 * (fluent assertions whose failures show the worst cases and the seed),
 * {@link dev.mlsys.eval.junit.BehavioralDynamicTests} (a suite as {@code @TestFactory} dynamic
 * tests, with a JSON report) and {@link dev.mlsys.eval.junit.BehavioralArbitraries} (jqwik
 * arbitraries of perturbed rows). junit-jupiter-api and jqwik-api are optional dependencies: add
 * the one you use to your test class path.
 */
package dev.mlsys.eval.junit;
