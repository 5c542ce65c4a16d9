package dev.mlsys.eval.behavior;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tallies case outcomes into a {@link BehavioralTestResult}, keeping the worst failures. */
final class Outcomes {
  private final Map<String, Long> skipped = new LinkedHashMap<>();
  private final List<FailedCase> failures = new ArrayList<>();
  private long run;

  void skip(String reason) {
    skipped.merge(reason, 1L, Long::sum);
  }

  void pass() {
    run++;
  }

  void fail(FailedCase c) {
    run++;
    failures.add(c);
  }

  BehavioralTestResult result(Options options, TestType type, String description) {
    List<FailedCase> worst = new ArrayList<>(failures);
    // most severe first; equal severity keeps case order (List.sort is stable)
    worst.sort(Comparator.comparingDouble(FailedCase::severity).reversed());
    if (worst.size() > options.worstExamples()) {
      worst = worst.subList(0, options.worstExamples());
    }
    return new BehavioralTestResult(options.name(), type, description, options.seed(), run, skipped, failures.size(),
        options.maxFailureRate(), worst);
  }
}
