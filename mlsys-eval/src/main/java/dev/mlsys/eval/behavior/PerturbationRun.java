package dev.mlsys.eval.behavior;

import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/** Generates the cases of a perturbation test and asks the model about them in two batches. */
final class PerturbationRun {
  static final String UNCHANGED = "perturbation left the row unchanged";

  private PerturbationRun() {}

  static List<PerturbedCase> cases(List<Row> rows, Perturbation perturbation, int samples, long seed) {
    List<PerturbedCase> out = new ArrayList<>(rows.size() * samples);
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      for (int j = 0; j < samples; j++) {
        long caseSeed = Seeds.mix(seed, (long) i * samples + j);
        Row perturbed;
        try {
          perturbed = perturbation.apply(row, new SplittableRandom(caseSeed));
        } catch (InvalidInputException | IllegalArgumentException e) {
          throw new IllegalArgumentException("perturbation '" + perturbation.description() + "' failed on row " + i
              + ": " + e.getMessage(), e);
        }
        if (perturbed == null) {
          throw new IllegalStateException("perturbation '" + perturbation.description() + "' returned null for row " + i);
        }
        out.add(new PerturbedCase(i, j, caseSeed, row, perturbed));
      }
    }
    return out;
  }

  /** Judges one changed case: records a pass, a failure or a skip in the outcomes. */
  interface CaseJudge {
    void judge(PerturbedCase c, Prediction before, Prediction after, Outcomes outcomes);
  }

  /**
   * Asks the model about the rows and their changed copies in one batch, then judges every case
   * in order; a case the perturbation left unchanged is skipped.
   *
   * @return the outcomes, to be made a result
   */
  static Outcomes run(Predictor model, List<Row> rows, List<PerturbedCase> cases, CaseJudge judge) {
    Map<Row, Prediction> predictions = predict(model, rowsToPredict(rows, cases));
    Outcomes outcomes = new Outcomes();
    for (PerturbedCase c : cases) {
      if (c.changed()) {
        judge.judge(c, predictions.get(c.original()), predictions.get(c.perturbed()), outcomes);
      } else {
        outcomes.skip(UNCHANGED);
      }
    }
    return outcomes;
  }

  /** @return every distinct row the model must answer: the originals, then the changed copies */
  static List<Row> rowsToPredict(List<Row> rows, List<PerturbedCase> cases) {
    Map<Row, Boolean> distinct = new LinkedHashMap<>();
    rows.forEach(r -> distinct.put(r, Boolean.TRUE));
    for (PerturbedCase c : cases) {
      if (c.changed()) {
        distinct.put(c.perturbed(), Boolean.TRUE);
      }
    }
    return List.copyOf(distinct.keySet());
  }

  /** Predicts every needed row once, in one batch; the map is keyed by row. */
  static Map<Row, Prediction> predict(Predictor model, List<Row> needed) {
    Objects.requireNonNull(model, "model");
    List<Prediction> predictions = model.predictAll(needed);
    if (predictions == null || predictions.size() != needed.size()) {
      throw new IllegalStateException("the model returned " + (predictions == null ? "null" : predictions.size())
          + " predictions for " + needed.size() + " rows");
    }
    Map<Row, Prediction> out = new java.util.HashMap<>(needed.size() * 2);
    for (int i = 0; i < needed.size(); i++) {
      Prediction p = predictions.get(i);
      if (p == null) {
        throw new IllegalStateException("the model returned a null prediction for " + needed.get(i));
      }
      out.put(needed.get(i), p);
    }
    return out;
  }

  static double probability(Prediction p, String cls, String testName, int row) {
    double v = p.probability(cls);
    if (Double.isNaN(v)) {
      throw new IllegalStateException("test '" + testName + "' needs P(" + cls + ") but the prediction for row " + row
          + " has probabilities for " + p.probabilities().keySet());
    }
    return v;
  }
}
