package dev.mlsys.eval.behavior;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import java.util.List;
import java.util.Objects;

/**
 * Directional expectation: a perturbation must move a class probability (or a regression value)
 * one way ("more dollar signs never make a message less likely to be spam").
 *
 * <pre>{@code
 * DirectionalExpectationTest test = BehavioralTests.directional("dollars", Perturbations.shift("charDollar", 0.5))
 *     .expectIncrease("spam")
 *     .on(rows);
 * }</pre>
 *
 * <p>With the default {@link #byAtLeast(double) byAtLeast(0)} a case fails when the probability
 * moves the wrong way at all; {@code byAtLeast(0.05)} demands a move of 0.05 the right way and
 * {@code byAtLeast(-0.01)} tolerates a move of 0.01 the wrong way (CheckList's tolerance).
 * Saturated cases, whose probability is already within {@link #saturationMargin(double)} of the
 * bound it is pushed towards, are skipped and counted: they cannot move. Severity is the
 * shortfall. Immutable: every option returns a copy.
 */
public final class DirectionalExpectationTest implements BehavioralTest {
  /** The saturation margin unless set. */
  public static final double DEFAULT_SATURATION_MARGIN = 1e-3;
  static final String SATURATED = "saturated (probability already at the bound)";

  private final Options options;
  private final Perturbation perturbation;
  private final List<Row> rows;
  private final int samples;
  private final Direction direction;
  private final String cls;
  private final double atLeast;
  private final double margin;

  DirectionalExpectationTest(Options options, Perturbation perturbation, List<Row> rows, int samples,
      Direction direction, String cls, double atLeast, double margin) {
    this.options = options;
    this.perturbation = Objects.requireNonNull(perturbation, "perturbation");
    this.rows = List.copyOf(rows);
    this.samples = samples;
    this.direction = direction;
    this.cls = cls;
    this.atLeast = atLeast;
    this.margin = margin;
  }

  private DirectionalExpectationTest with(Options o, List<Row> r, int s, Direction d, String c, double a, double m) {
    return new DirectionalExpectationTest(o, perturbation, r, s, d, c, a, m);
  }

  /** @param cls a class @return a copy expecting P(cls) to go up */
  public DirectionalExpectationTest expectIncrease(String cls) {
    return with(options, rows, samples, Direction.UP, Objects.requireNonNull(cls, "cls"), atLeast, margin);
  }

  /** @param cls a class @return a copy expecting P(cls) to go down */
  public DirectionalExpectationTest expectDecrease(String cls) {
    return with(options, rows, samples, Direction.DOWN, Objects.requireNonNull(cls, "cls"), atLeast, margin);
  }

  /** @param d the direction @return a copy expecting the regression value to move that way */
  public DirectionalExpectationTest expectValue(Direction d) {
    return with(options, rows, samples, Objects.requireNonNull(d, "direction"), null, atLeast, margin);
  }

  /** @param cases the rows to perturb @return a copy */
  public DirectionalExpectationTest on(List<Row> cases) {
    return with(options, cases, samples, direction, cls, atLeast, margin);
  }

  /**
   * @param change the least move in the expected direction; negative tolerates a move the other way
   * @return a copy
   * @throws IllegalArgumentException if change is not finite
   */
  public DirectionalExpectationTest byAtLeast(double change) {
    if (!Double.isFinite(change)) {
      throw new IllegalArgumentException("change must be finite but was: " + change);
    }
    return with(options, rows, samples, direction, cls, change, margin);
  }

  /**
   * @param distance skip cases whose probability is within this distance of 1 (up) or 0 (down), in [0, 0.5)
   * @return a copy
   * @throws IllegalArgumentException if outside [0, 0.5)
   */
  public DirectionalExpectationTest saturationMargin(double distance) {
    if (!(distance >= 0 && distance < 0.5)) {
      throw new IllegalArgumentException("saturation margin must be in [0, 0.5) but was: " + distance);
    }
    return with(options, rows, samples, direction, cls, atLeast, distance);
  }

  /** @param count perturbed copies per row, &gt;= 1 @return a copy */
  public DirectionalExpectationTest samplesPerRow(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("samplesPerRow must be >= 1 but was: " + count);
    }
    return with(options, rows, count, direction, cls, atLeast, margin);
  }

  /** @param seed the seed of the cases @return a copy */
  public DirectionalExpectationTest seed(long seed) {
    return with(options.seed(seed), rows, samples, direction, cls, atLeast, margin);
  }

  /** @param rate the failure rate the test tolerates, in [0, 1] (default 0) @return a copy */
  public DirectionalExpectationTest allowingFailureRate(double rate) {
    return with(options.maxFailureRate(rate), rows, samples, direction, cls, atLeast, margin);
  }

  /** @param k how many failing cases the result keeps (default 5) @return a copy */
  public DirectionalExpectationTest worstExamples(int k) {
    return with(options.worstExamples(k), rows, samples, direction, cls, atLeast, margin);
  }

  @Override
  public String name() {
    return options.name();
  }

  @Override
  public TestType type() {
    return TestType.DIRECTIONAL_EXPECTATION;
  }

  @Override
  public long seed() {
    return options.seed();
  }

  /** @return the generated cases, in case order */
  public List<PerturbedCase> cases() {
    return PerturbationRun.cases(rows, perturbation, samples, options.seed());
  }

  @Override
  public List<Row> rowsToPredict() {
    return PerturbationRun.rowsToPredict(rows, cases());
  }

  @Override
  public BehavioralTestResult run(Predictor model) {
    if (direction == null) {
      throw new IllegalStateException("test '" + name() + "' has no expectation; call expectIncrease(class),"
          + " expectDecrease(class) or expectValue(direction)");
    }
    return PerturbationRun.run(model, rows, cases(), this::judge).result(options, type(), description());
  }

  private void judge(PerturbedCase c, Prediction before, Prediction after, Outcomes outcomes) {
    double v0;
    double v1;
    String what;
    if (cls == null) {
      v0 = before.value();
      v1 = after.value();
      what = "value";
    } else {
      v0 = PerturbationRun.probability(before, cls, name(), c.row());
      v1 = PerturbationRun.probability(after, cls, name(), c.row());
      what = "P(" + cls + ")";
      if (direction == Direction.UP ? v0 >= 1 - margin : v0 <= margin) {
        outcomes.skip(SATURATED);
        return;
      }
    }
    double moved = direction == Direction.UP ? v1 - v0 : v0 - v1;
    if (moved >= atLeast) {
      outcomes.pass();
    } else {
      String values = cls == null ? Format.number(v0) + " -> " + Format.number(v1)
          : Format.probability(v0) + " -> " + Format.probability(v1);
      outcomes.fail(new FailedCase(c.row(), c.seed(), c.original(), before, c.perturbed(), after, atLeast - moved,
          what + " " + values + ", expected " + (direction == Direction.UP ? "a rise" : "a fall") + " of at least "
              + Format.number(atLeast)));
    }
  }

  /** @return what the test checks, in words */
  public String description() {
    String what = cls == null ? "the predicted value" : "P(" + cls + ")";
    String way = direction == Direction.DOWN ? "fall" : "rise";
    return perturbation.description() + " must make " + what + " " + way + " by at least " + Format.number(atLeast)
        + " (" + samples + (samples == 1 ? " sample" : " samples") + " per row"
        + (cls == null ? "" : "; saturation margin " + Format.number(margin)) + ")";
  }

  @Override
  public String toString() {
    return "DirectionalExpectationTest[" + name() + ": " + description() + "]";
  }
}
