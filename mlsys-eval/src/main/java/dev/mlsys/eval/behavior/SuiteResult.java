package dev.mlsys.eval.behavior;

import dev.mlsys.api.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The results of a {@link BehavioralSuite} run, exportable as JSON with format
 * {@value #FORMAT} version {@value #VERSION}.
 *
 * <p>Immutable value.
 *
 * @param suite the suite's name
 * @param results each test's result, in suite order
 */
public record SuiteResult(String suite, List<BehavioralTestResult> results) {
  /** The format name written at the start of the JSON. */
  public static final String FORMAT = "mlsys.behavior.suite-result";
  /** The format version written. */
  public static final int VERSION = 1;

  /** Copies the results. */
  public SuiteResult {
    Objects.requireNonNull(suite, "suite");
    results = List.copyOf(results);
  }

  /** @return whether every test passed */
  public boolean passed() {
    return results.stream().allMatch(BehavioralTestResult::passed);
  }

  /** @return the results of the tests that failed */
  public List<BehavioralTestResult> failures() {
    return results.stream().filter(r -> !r.passed()).toList();
  }

  /**
   * @param name a test's name
   * @return its result
   * @throws IllegalArgumentException if the suite has no such test
   */
  public BehavioralTestResult result(String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("suite '" + suite + "' has no test named '" + name + "'"));
  }

  /** @return one line per test, then the report of each failure */
  public String report() {
    StringBuilder sb = new StringBuilder("suite '").append(suite).append("': ")
        .append(results.size() - failures().size()).append(" of ").append(results.size()).append(" tests passed\n");
    for (BehavioralTestResult r : results) {
      sb.append("  ").append(r.passed() ? "PASS " : "FAIL ").append(r.name()).append(": ").append(r.failed())
          .append('/').append(r.run()).append(" failed, ").append(r.skippedCount()).append(" skipped\n");
    }
    for (BehavioralTestResult r : failures()) {
      sb.append('\n').append(r.report());
    }
    return sb.toString();
  }

  /** @return the JSON-ready form, starting with format and version */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("formatVersion", VERSION);
    m.put("suite", suite);
    m.put("passed", passed());
    m.put("tests", results.size());
    m.put("failedTests", failures().size());
    List<Object> list = new ArrayList<>();
    results.forEach(r -> list.add(r.toMap()));
    m.put("results", list);
    return m;
  }

  /** @return the results as indented JSON (NaN written as null) */
  public String toJson() {
    return Json.pretty(toMap(), true);
  }
}
