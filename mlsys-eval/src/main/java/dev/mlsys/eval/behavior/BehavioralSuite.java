package dev.mlsys.eval.behavior;

import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named group of behavioral tests, run together against one model; the result exports to JSON
 * and, in JUnit, becomes dynamic tests ({@code dev.mlsys.eval.junit.BehavioralDynamicTests}).
 *
 * <pre>{@code
 * BehavioralSuite suite = BehavioralSuite.named("income model").add(sexInvariance, educationDirection);
 * SuiteResult result = suite.run(model);
 * Files.writeString(Path.of("behavior.json"), result.toJson());
 * }</pre>
 *
 * <p>Immutable: {@link #add} returns a copy. Test names must be unique within a suite.
 */
public final class BehavioralSuite {
  private final String name;
  private final List<BehavioralTest> tests;

  private BehavioralSuite(String name, List<BehavioralTest> tests) {
    this.name = name;
    this.tests = List.copyOf(tests);
  }

  /**
   * @param name the suite's name
   * @return an empty suite
   * @throws IllegalArgumentException if the name is blank
   */
  public static BehavioralSuite named(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a suite needs a non-blank name");
    }
    return new BehavioralSuite(name, List.of());
  }

  /**
   * @param more tests to add
   * @return a copy with the tests appended
   * @throws IllegalArgumentException if a test's name is already in the suite
   */
  public BehavioralSuite add(BehavioralTest... more) {
    List<BehavioralTest> all = new ArrayList<>(tests);
    for (BehavioralTest t : more) {
      Objects.requireNonNull(t, "test");
      for (BehavioralTest existing : all) {
        if (existing.name().equals(t.name())) {
          throw new IllegalArgumentException("suite '" + name + "' already has a test named '" + t.name() + "'");
        }
      }
      all.add(t);
    }
    return new BehavioralSuite(name, all);
  }

  /** @return the suite's name */
  public String name() {
    return name;
  }

  /** @return the tests, in order */
  public List<BehavioralTest> tests() {
    return tests;
  }

  /** @return every distinct row the suite's tests ask the model about, for precomputing predictions */
  public List<Row> rowsToPredict() {
    Map<Row, Boolean> distinct = new LinkedHashMap<>();
    for (BehavioralTest t : tests) {
      t.rowsToPredict().forEach(r -> distinct.put(r, Boolean.TRUE));
    }
    return List.copyOf(distinct.keySet());
  }

  /**
   * @param model the model under test
   * @return every test's result, in order
   * @throws IllegalArgumentException or IllegalStateException as {@link BehavioralTest#run}
   */
  public SuiteResult run(Predictor model) {
    Objects.requireNonNull(model, "model");
    List<BehavioralTestResult> results = new ArrayList<>(tests.size());
    for (BehavioralTest t : tests) {
      results.add(t.run(model));
    }
    return new SuiteResult(name, results);
  }

  @Override
  public String toString() {
    return "BehavioralSuite[" + name + ", " + tests.size() + " tests]";
  }
}
