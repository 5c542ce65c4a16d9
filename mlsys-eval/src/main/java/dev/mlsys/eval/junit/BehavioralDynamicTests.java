package dev.mlsys.eval.junit;

import dev.mlsys.api.Predictor;
import dev.mlsys.eval.behavior.BehavioralSuite;
import dev.mlsys.eval.behavior.BehavioralTest;
import dev.mlsys.eval.behavior.BehavioralTestResult;
import dev.mlsys.eval.behavior.SuiteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns a behavioral suite into JUnit 5 dynamic tests: one container per suite, one test per
 * behavioral test, each failing with its report.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> spamBehavior() {
 *   return BehavioralDynamicTests.of(SUITE, model, Path.of("target/behavior/spam.json"));
 * }
 * }</pre>
 *
 * <p>Each behavioral test runs when JUnit executes its dynamic test, so IDE filters work. With a
 * report path the suite's JSON is written once every test of the suite has run.
 */
public final class BehavioralDynamicTests {
  private BehavioralDynamicTests() {}

  /**
   * @param suite the suite
   * @param model the model under test
   * @return a stream holding one container with a dynamic test per behavioral test
   */
  public static Stream<DynamicNode> of(BehavioralSuite suite, Predictor model) {
    return build(suite, model, null);
  }

  /**
   * @param suite the suite
   * @param model the model under test
   * @param jsonReport where to write the suite's JSON result once all its tests have run
   *     (parent directories are created)
   * @return a stream holding one container with a dynamic test per behavioral test
   */
  public static Stream<DynamicNode> of(BehavioralSuite suite, Predictor model, Path jsonReport) {
    return build(suite, model, Objects.requireNonNull(jsonReport, "jsonReport"));
  }

  /**
   * Dynamic tests of results computed already (for example from precomputed predictions).
   *
   * @param result a suite result
   * @return a stream holding one container with a dynamic test per result
   */
  public static Stream<DynamicNode> of(SuiteResult result) {
    Objects.requireNonNull(result, "result");
    List<DynamicNode> tests = new ArrayList<>();
    for (BehavioralTestResult r : result.results()) {
      tests.add(DynamicTest.dynamicTest(r.name(), () -> Failures.check(r)));
    }
    return Stream.of(DynamicContainer.dynamicContainer(result.suite(), tests));
  }

  private static Stream<DynamicNode> build(BehavioralSuite suite, Predictor model, Path report) {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(model, "model");
    List<BehavioralTest> tests = suite.tests();
    BehavioralTestResult[] results = new BehavioralTestResult[tests.size()];
    AtomicInteger remaining = new AtomicInteger(tests.size());
    List<DynamicNode> nodes = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      int index = i;
      BehavioralTest test = tests.get(i);
      nodes.add(DynamicTest.dynamicTest(test.name(), () -> {
        BehavioralTestResult r = test.run(model);
        results[index] = r;
        if (remaining.decrementAndGet() == 0 && report != null) {
          write(report, new SuiteResult(suite.name(), List.of(results)));
        }
        Failures.check(r);
      }));
    }
    return Stream.of(DynamicContainer.dynamicContainer(suite.name(), nodes));
  }

  private static void write(Path path, SuiteResult result) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(path, result.toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the behavioral report to " + path, e);
    }
  }
}
