package dev.mlsys.eval.behavior;

import dev.mlsys.api.json.Json;
import dev.mlsys.eval.metrics.Interval;
import dev.mlsys.eval.metrics.Proportions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one behavioral test: cases run, skipped (and why), failed, the failure rate with
 * a 95 % Wilson interval, and the worst failing cases.
 *
 * <p>Immutable value; {@link #report()} is the human-readable failure message, {@link #toMap()}
 * the JSON form.
 *
 * @param name the test's name
 * @param type the kind of test
 * @param description what was checked ("invariance to 1 typo in 'message', label must not change")
 * @param seed the seed that reproduces every case
 * @param run cases evaluated
 * @param skipped cases not evaluated, by reason (for example "saturated" or "perturbation left the
 *     row unchanged"); never silently dropped
 * @param failed cases that missed the expectation
 * @param maxFailureRate the failure rate the test allows; it passes when failed / run does not
 *     exceed it
 * @param worst the worst failing cases, most severe first (at most the test's limit)
 */
public record BehavioralTestResult(String name, TestType type, String description, long seed, long run,
    Map<String, Long> skipped, long failed, double maxFailureRate, List<FailedCase> worst) {

  /** Validates counts and copies collections. */
  public BehavioralTestResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    worst = List.copyOf(worst);
    if (run < 0 || failed < 0 || failed > run) {
      throw new IllegalArgumentException("need 0 <= failed <= run but were failed=" + failed + ", run=" + run);
    }
  }

  /** @return the number of skipped cases over all reasons */
  public long skippedCount() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** @return failed / run; NaN when no case ran */
  public double failureRate() {
    return run == 0 ? Double.NaN : (double) failed / run;
  }

  /** @return the 95 % Wilson interval of the failure rate ([0, 1] when no case ran) */
  public Interval failureRateInterval() {
    return Proportions.wilson(failed, run, 0.95);
  }

  /** @return whether the failure rate is within the allowed rate (a test with no case run passes vacuously) */
  public boolean passed() {
    return run == 0 || failureRate() <= maxFailureRate;
  }

  /** @return a multi-line report: counts, interval, seed, and the worst cases with their rows */
  public String report() {
    StringBuilder sb = new StringBuilder();
    Interval ci = failureRateInterval();
    sb.append(kind()).append(" '").append(name).append("' ").append(passed() ? "passed" : "failed").append(": ")
        .append(failed).append(" of ").append(run).append(" cases failed (").append(Format.percent(failureRate()))
        .append("; 95 % Wilson interval ").append(Format.percent(ci.lower())).append(" to ")
        .append(Format.percent(ci.upper())).append("); allowed ").append(Format.percent(maxFailureRate)).append('\n');
    sb.append("  checked: ").append(description).append('\n');
    if (!skipped.isEmpty()) {
      sb.append("  skipped ").append(skippedCount()).append(':');
      skipped.forEach((reason, count) -> sb.append(' ').append(count).append(' ').append(reason).append(';'));
      sb.setLength(sb.length() - 1);
      sb.append('\n');
    }
    sb.append("  reproduce with seed ").append(seed).append('\n');
    if (!worst.isEmpty()) {
      sb.append("  worst failing cases:\n");
      int i = 1;
      for (FailedCase c : worst) {
        sb.append("   ").append(i++).append(". row ").append(c.row());
        if (c.perturbed() != null) {
          sb.append(" (case seed ").append(c.seed()).append(')');
        }
        sb.append(": ").append(c.reason()).append('\n');
        sb.append("      row:     ").append(Format.truncated(c.original(), 400)).append('\n');
        if (c.perturbed() != null) {
          sb.append("      changed: ").append(Format.changes(c.original(), c.perturbed())).append('\n');
        }
      }
    }
    return sb.toString();
  }

  private String kind() {
    switch (type) {
      case MINIMUM_FUNCTIONALITY:
        return "minimum-functionality test";
      case INVARIANCE:
        return "invariance test";
      default:
        return "directional-expectation test";
    }
  }

  /** @return the result as JSON-ready maps and lists (NaN written as null) */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("type", type.name());
    m.put("description", description);
    m.put("passed", passed());
    m.put("seed", seed);
    m.put("run", run);
    m.put("skipped", skippedCount());
    m.put("skippedByReason", new LinkedHashMap<>(skipped));
    m.put("failed", failed);
    m.put("failureRate", failureRate());
    Interval ci = failureRateInterval();
    Map<String, Object> interval = new LinkedHashMap<>();
    interval.put("lower", ci.lower());
    interval.put("upper", ci.upper());
    interval.put("confidence", ci.confidence());
    m.put("failureRateInterval", interval);
    m.put("maxFailureRate", maxFailureRate);
    List<Object> cases = new ArrayList<>();
    for (FailedCase c : worst) {
      cases.add(c.toMap());
    }
    m.put("worst", cases);
    return m;
  }

  /** @return the result as compact JSON */
  public String toJson() {
    return Json.write(toMap(), true);
  }

  @Override
  public String toString() {
    return report();
  }
}
