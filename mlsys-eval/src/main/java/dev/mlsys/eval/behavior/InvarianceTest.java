package dev.mlsys.eval.behavior;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import java.util.List;
import java.util.Objects;

/**
 * Invariance: a perturbation the model should ignore ("a typo does not change the label",
 * "swapping the applicant's sex does not change the decision").
 *
 * <pre>{@code
 * InvarianceTest test = BehavioralTests.invariance("typos", Perturbations.typo("message"))
 *     .on(rows).samplesPerRow(3).seed(7);
 * }</pre>
 *
 * <p>By default a case fails when the predicted label changes; with
 * {@link #withinProbability(double)} it fails when the probability of the originally predicted
 * label moves by more than the tolerance (a label may flip near 0.5 without failing). For
 * regression predictions a case fails when the value moves by more than
 * {@link #withinValue(double)} (default 0). Severity is the size of the move (the probability
 * change of the original label; 1 for a label change without probabilities).
 *
 * <p>Case k (row k / samples, sample k % samples) draws from a generator seeded with the test
 * seed mixed with k. Immutable: every option returns a copy.
 */
public final class InvarianceTest implements BehavioralTest {
  private final Options options;
  private final Perturbation perturbation;
  private final List<Row> rows;
  private final int samples;
  private final double probabilityTolerance;
  private final double valueTolerance;

  InvarianceTest(Options options, Perturbation perturbation, List<Row> rows, int samples, double probabilityTolerance,
      double valueTolerance) {
    this.options = options;
    this.perturbation = Objects.requireNonNull(perturbation, "perturbation");
    this.rows = List.copyOf(rows);
    this.samples = samples;
    this.probabilityTolerance = probabilityTolerance;
    this.valueTolerance = valueTolerance;
  }

  /** @param cases the rows to perturb @return a copy testing these rows */
  public InvarianceTest on(List<Row> cases) {
    return new InvarianceTest(options, perturbation, cases, samples, probabilityTolerance, valueTolerance);
  }

  /**
   * @param count perturbed copies per row, &gt;= 1 (default 1)
   * @return a copy
   * @throws IllegalArgumentException if count &lt; 1
   */
  public InvarianceTest samplesPerRow(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("samplesPerRow must be >= 1 but was: " + count);
    }
    return new InvarianceTest(options, perturbation, rows, count, probabilityTolerance, valueTolerance);
  }

  /** @param seed the seed of the cases (default {@link BehavioralTests#DEFAULT_SEED}) @return a copy */
  public InvarianceTest seed(long seed) {
    return new InvarianceTest(options.seed(seed), perturbation, rows, samples, probabilityTolerance, valueTolerance);
  }

  /**
   * @param tolerance the largest allowed move of the original label's probability, in [0, 1]
   * @return a copy judging by probability instead of by label
   * @throws IllegalArgumentException if the tolerance is outside [0, 1]
   */
  public InvarianceTest withinProbability(double tolerance) {
    if (!(tolerance >= 0 && tolerance <= 1)) {
      throw new IllegalArgumentException("probability tolerance must be in [0, 1] but was: " + tolerance);
    }
    return new InvarianceTest(options, perturbation, rows, samples, tolerance, valueTolerance);
  }

  /**
   * @param tolerance the largest allowed change of a regression value, &gt;= 0
   * @return a copy
   * @throws IllegalArgumentException if the tolerance is negative or NaN
   */
  public InvarianceTest withinValue(double tolerance) {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("value tolerance must be >= 0 but was: " + tolerance);
    }
    return new InvarianceTest(options, perturbation, rows, samples, probabilityTolerance, tolerance);
  }

  /** @param rate the failure rate the test tolerates, in [0, 1] (default 0) @return a copy */
  public InvarianceTest allowingFailureRate(double rate) {
    return new InvarianceTest(options.maxFailureRate(rate), perturbation, rows, samples, probabilityTolerance,
        valueTolerance);
  }

  /** @param k how many failing cases the result keeps, &gt;= 0 (default 5) @return a copy */
  public InvarianceTest worstExamples(int k) {
    return new InvarianceTest(options.worstExamples(k), perturbation, rows, samples, probabilityTolerance,
        valueTolerance);
  }

  @Override
  public String name() {
    return options.name();
  }

  @Override
  public TestType type() {
    return TestType.INVARIANCE;
  }

  @Override
  public long seed() {
    return options.seed();
  }

  /** @return the perturbation */
  public Perturbation perturbation() {
    return perturbation;
  }

  /** @return the generated cases, in case order; the same on every call */
  public List<PerturbedCase> cases() {
    return PerturbationRun.cases(rows, perturbation, samples, options.seed());
  }

  @Override
  public List<Row> rowsToPredict() {
    return PerturbationRun.rowsToPredict(rows, cases());
  }

  @Override
  public BehavioralTestResult run(Predictor model) {
    return PerturbationRun.run(model, rows, cases(), (c, before, after, outcomes) -> {
      FailedCase failure = judge(c, before, after);
      if (failure == null) {
        outcomes.pass();
      } else {
        outcomes.fail(failure);
      }
    }).result(options, type(), description());
  }

  private FailedCase judge(PerturbedCase c, Prediction before, Prediction after) {
    if (before.isRegression()) {
      double move = Math.abs(after.value() - before.value());
      if (move <= valueTolerance) {
        return null;
      }
      return failure(c, before, after, move, "value " + Format.number(before.value()) + " -> "
          + Format.number(after.value()) + " (moved " + Format.number(move) + ", tolerance " + Format.number(valueTolerance) + ")");
    }
    String label = before.label();
    boolean byProbability = !Double.isNaN(probabilityTolerance);
    double p0 = byProbability ? PerturbationRun.probability(before, label, name(), c.row()) : before.probability(label);
    double p1 = byProbability ? PerturbationRun.probability(after, label, name(), c.row()) : after.probability(label);
    double move = Math.abs(p1 - p0);
    String probabilities = Double.isNaN(move) ? ""
        : "P(" + label + ") " + Format.probability(p0) + " -> " + Format.probability(p1);
    if (byProbability) {
      if (move <= probabilityTolerance) {
        return null;
      }
      String labels = label.equals(after.label()) ? "" : "; label " + label + " -> " + after.label();
      return failure(c, before, after, move, probabilities + " (moved " + Format.probability(move) + ", tolerance "
          + Format.number(probabilityTolerance) + ")" + labels);
    }
    if (label.equals(after.label())) {
      return null;
    }
    return failure(c, before, after, Double.isNaN(move) ? 1 : move,
        "label " + label + " -> " + after.label() + (probabilities.isEmpty() ? "" : "; " + probabilities));
  }

  private static FailedCase failure(PerturbedCase c, Prediction before, Prediction after, double severity, String reason) {
    return new FailedCase(c.row(), c.seed(), c.original(), before, c.perturbed(), after, severity, reason);
  }

  /** @return what the test checks, in words */
  public String description() {
    String rule = !Double.isNaN(probabilityTolerance)
        ? "the original label's probability must not move by more than " + Format.number(probabilityTolerance)
        : "the label must not change";
    return "invariance to " + perturbation.description() + " (" + samples + (samples == 1 ? " sample" : " samples")
        + " per row); " + rule;
  }

  @Override
  public String toString() {
    return "InvarianceTest[" + name() + ": " + description() + "]";
  }
}
