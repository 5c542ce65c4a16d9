package dev.mlsys.eval.behavior;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Minimum functionality: labelled cases the model must get right, each a small unit test of a
 * capability ("a message offering free money is spam").
 *
 * <pre>{@code
 * MinimumFunctionalityTest test = BehavioralTests.minimumFunctionality("obvious spam")
 *     .expect("spam", obviousSpamRows)
 *     .expectRowLabels(labelledRows);
 * BehavioralTestResult result = test.run(model);
 * }</pre>
 *
 * <p>A case fails when the predicted label differs from the expected one; its severity is one
 * minus the probability the model gave the expected label (1 without probabilities).
 * Immutable: every option returns a copy.
 */
public final class MinimumFunctionalityTest implements BehavioralTest {
  private final Options options;
  private final List<Row> rows;
  private final List<String> expected;

  MinimumFunctionalityTest(Options options, List<Row> rows, List<String> expected) {
    this.options = options;
    this.rows = List.copyOf(rows);
    this.expected = List.copyOf(expected);
  }

  /**
   * @param label the label every one of the rows must get
   * @param cases the rows
   * @return a copy with these cases added
   */
  public MinimumFunctionalityTest expect(String label, List<Row> cases) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(cases, "cases");
    List<Row> r = new ArrayList<>(rows);
    List<String> e = new ArrayList<>(expected);
    for (Row row : cases) {
      r.add(Objects.requireNonNull(row, "row"));
      e.add(label);
    }
    return new MinimumFunctionalityTest(options, r, e);
  }

  /**
   * @param cases rows that carry their expected label in the schema's label field
   * @return a copy with these cases added
   * @throws IllegalArgumentException if a row has no label
   */
  public MinimumFunctionalityTest expectRowLabels(List<Row> cases) {
    Objects.requireNonNull(cases, "cases");
    List<Row> r = new ArrayList<>(rows);
    List<String> e = new ArrayList<>(expected);
    for (int i = 0; i < cases.size(); i++) {
      Object label = cases.get(i).label();
      if (label == null) {
        throw new IllegalArgumentException("case " + i + " has no label; give the expected label with expect(label, rows)");
      }
      r.add(cases.get(i));
      e.add(label.toString());
    }
    return new MinimumFunctionalityTest(options, r, e);
  }

  /** @param rate the failure rate the test tolerates, in [0, 1] (default 0) @return a copy */
  public MinimumFunctionalityTest allowingFailureRate(double rate) {
    return new MinimumFunctionalityTest(options.maxFailureRate(rate), rows, expected);
  }

  /** @param k how many failing cases the result keeps, &gt;= 0 (default 5) @return a copy */
  public MinimumFunctionalityTest worstExamples(int k) {
    return new MinimumFunctionalityTest(options.worstExamples(k), rows, expected);
  }

  @Override
  public String name() {
    return options.name();
  }

  @Override
  public TestType type() {
    return TestType.MINIMUM_FUNCTIONALITY;
  }

  @Override
  public long seed() {
    return options.seed();
  }

  /** @return the cases' rows, in order */
  public List<Row> rows() {
    return rows;
  }

  @Override
  public List<Row> rowsToPredict() {
    Map<Row, Boolean> distinct = new LinkedHashMap<>();
    rows.forEach(r -> distinct.put(r, Boolean.TRUE));
    return List.copyOf(distinct.keySet());
  }

  @Override
  public BehavioralTestResult run(Predictor model) {
    Map<Row, Prediction> byRow = PerturbationRun.predict(model, rowsToPredict());
    List<Prediction> predictions = new ArrayList<>(rows.size());
    rows.forEach(r -> predictions.add(byRow.get(r)));
    return evaluate(predictions);
  }

  /**
   * Scores precomputed predictions of the cases.
   *
   * @param predictions one per case, in the order of {@link #rows()}
   * @return the result
   * @throws IllegalArgumentException if the number of predictions differs from the cases
   */
  public BehavioralTestResult evaluate(List<Prediction> predictions) {
    Objects.requireNonNull(predictions, "predictions");
    if (predictions.size() != rows.size()) {
      throw new IllegalArgumentException("expected " + rows.size() + " predictions, one per case, but got "
          + predictions.size());
    }
    Outcomes outcomes = new Outcomes();
    for (int i = 0; i < rows.size(); i++) {
      Prediction p = predictions.get(i);
      String want = expected.get(i);
      if (want.equals(p.label())) {
        outcomes.pass();
      } else {
        double pWant = p.probability(want);
        double severity = Double.isNaN(pWant) ? 1 : 1 - pWant;
        String reason = "expected " + want + " but predicted " + p.label()
            + (Double.isNaN(pWant) ? "" : " (P(" + want + ") " + Format.probability(pWant) + ")");
        outcomes.fail(new FailedCase(i, 0, rows.get(i), p, null, null, severity, reason));
      }
    }
    return outcomes.result(options, type(), rows.size() + " labelled cases must get their expected label");
  }

  @Override
  public String toString() {
    return "MinimumFunctionalityTest[" + name() + ", " + rows.size() + " cases]";
  }
}
