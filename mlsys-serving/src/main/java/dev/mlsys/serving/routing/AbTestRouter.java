package dev.mlsys.serving.routing;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/** An {@link AbTest} with a hash split salted by the arm names and adders for the counts. */
final class AbTestRouter implements AbTest {
  private final String control;
  private final String treatment;
  private final double share;
  private final long salt;
  private final LongAdder controlTrials = new LongAdder();
  private final LongAdder controlSuccesses = new LongAdder();
  private final LongAdder treatmentTrials = new LongAdder();
  private final LongAdder treatmentSuccesses = new LongAdder();

  AbTestRouter(String control, String treatment, double treatmentShare) {
    this.control = Routers.checkVersion(control, "control");
    this.treatment = Routers.checkVersion(treatment, "treatment");
    if (control.equals(treatment)) {
      throw new IllegalArgumentException("control and treatment must differ but both were: '" + control + "'");
    }
    this.share = CanaryRouter.checkShare(treatmentShare);
    this.salt = Routers.entityHash("ab:" + control + "|" + treatment);
  }

  @Override
  public Set<String> versions() {
    return Set.of(control, treatment);
  }

  @Override
  public String route(long entityHash, String activeVersion) {
    return Routers.unitInterval(entityHash, salt) < share ? treatment : control;
  }

  @Override
  public String control() {
    return control;
  }

  @Override
  public String treatment() {
    return treatment;
  }

  @Override
  public double treatmentShare() {
    return share;
  }

  @Override
  public void record(String version, boolean success) {
    if (control.equals(version)) {
      controlTrials.increment();
      if (success) {
        controlSuccesses.increment();
      }
    } else if (treatment.equals(version)) {
      treatmentTrials.increment();
      if (success) {
        treatmentSuccesses.increment();
      }
    } else {
      throw new IllegalArgumentException("version '" + version + "' is not an arm of this A/B test; arms are '"
          + control + "' and '" + treatment + "'");
    }
  }

  @Override
  public void recordOutcome(String version, double reward) {
    if (reward != 0 && reward != 1) {
      throw new IllegalArgumentException("an A/B test records binary outcomes: reward must be 0 or 1 but was: "
          + reward);
    }
    record(version, reward == 1);
  }

  @Override
  public AbTestReport report(double confidence) {
    // read successes before trials: a concurrent record never shows more successes than trials
    long cs = controlSuccesses.sum();
    long ts = treatmentSuccesses.sum();
    long ct = Math.max(controlTrials.sum(), cs);
    long tt = Math.max(treatmentTrials.sum(), ts);
    return AbTestReport.of(control, ct, cs, treatment, tt, ts, confidence);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "AbTest[%s vs %s, treatment share=%.4f]", control, treatment, share);
  }
}
