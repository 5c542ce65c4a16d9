package dev.mlsys.eval.junit;

import dev.mlsys.eval.behavior.BehavioralTestResult;
import dev.mlsys.eval.behavior.SuiteResult;
import org.opentest4j.AssertionFailedError;

/** Turns failed behavioral results into JUnit assertion failures carrying the full report. */
final class Failures {
  private Failures() {}

  static BehavioralTestResult check(BehavioralTestResult result) {
    if (!result.passed()) {
      throw new AssertionFailedError(result.report());
    }
    return result;
  }

  static SuiteResult check(SuiteResult result) {
    if (!result.passed()) {
      throw new AssertionFailedError(result.report());
    }
    return result;
  }
}
