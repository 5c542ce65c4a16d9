package dev.mlsys.cli.quickstart;

import dev.mlsys.cli.report.ProgressBar;
import dev.mlsys.cli.report.Svg;
import dev.mlsys.cli.report.TextTable;
import dev.mlsys.eval.metrics.Average;
import dev.mlsys.eval.metrics.BinaryMetrics;
import dev.mlsys.eval.metrics.Bootstrap;
import dev.mlsys.eval.metrics.BootstrapInterval;
import dev.mlsys.eval.metrics.ClassificationMetrics;
import dev.mlsys.models.Baselines;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.ensemble.Ensembles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 3: a baseline, single models and three ensembles, each measured on the test part with
 * bootstrap intervals and its gain over the baseline. The best model is the one most accurate
 * on the calibration part, so the test part stays unused for choosing.
 */
final class TrainStep {
  static final int RESAMPLES = 1000;

  private TrainStep() {}

  /** @return the candidates, baseline first */
  static List<Candidate> run(Session session, Prepared data) {
    long seed = session.seed("train");
    Map<String, ModelTrainer> trainers = new LinkedHashMap<>();
    trainers.put("baseline (most frequent)", Baselines.mostFrequent());
    trainers.put("logistic regression", Trainers.logisticRegression().seed(seed));
    trainers.put("decision tree (CART, depth 6)", Trainers.cart().maxDepth(6).seed(seed));
    trainers.put("bagging (25 trees)", Ensembles.bagging(Trainers.cart().maxDepth(8)).members(25).seed(seed));
    trainers.put("AdaBoost (SAMME.R, 50 trees of depth 2)",
        Ensembles.adaBoost(Trainers.cart().maxDepth(2)).rounds(50).seed(seed));
    trainers.put("stacking (LR + tree + forest -> LR)", Ensembles.stacking(Trainers.logisticRegression().seed(seed),
        Trainers.cart().maxDepth(6).seed(seed), Trainers.randomForest().trees(30).seed(seed))
        .meta(Trainers.logisticRegression().seed(seed)).folds(5).seed(seed));

    ProgressBar bar = session.progress("training", trainers.size());
    List<Candidate> candidates = new ArrayList<>();
    int[] testLabels = data.test().classIndices();
    int[] calLabels = data.calibration().classIndices();
    Bootstrap bootstrap = Bootstrap.percentile().resamples(RESAMPLES).seed(session.seed("bootstrap"));
    for (Map.Entry<String, ModelTrainer> e : trainers.entrySet()) {
      long start = System.nanoTime();
      TrainedModel model = e.getValue().fit(data.train());
      double seconds = (System.nanoTime() - start) / 1e9;
      double[][] cal = Scores.probabilities(model, data.calibration());
      double[][] test = Scores.probabilities(model, data.test());
      candidates.add(measure(e.getKey(), e.getValue(), model, seconds, cal, test, testLabels, calLabels, bootstrap));
      bar.step(e.getKey());
    }

    Candidate baseline = candidates.get(0);
    double base = baseline.metrics().get("accuracy");
    TextTable table = new TextTable("model", "accuracy", "95% CI", "gain", "ROC AUC", "95% CI", "log loss",
        "macro F1", "train s");
    List<List<Object>> htmlRows = new ArrayList<>();
    List<Map<String, Object>> json = new ArrayList<>();
    for (Candidate c : candidates) {
      Map<String, Double> m = c.metrics();
      String gain = String.format(java.util.Locale.ROOT, "%+.3f", m.get("accuracy") - base);
      table.row(c.name(), TextTable.num(m.get("accuracy"), 3), interval(c.accuracy()), gain,
          TextTable.num(m.get("rocAuc"), 3), interval(c.rocAuc()), TextTable.num(m.get("logLoss"), 3),
          TextTable.num(m.get("macroF1"), 3), TextTable.num(c.trainSeconds(), 2));
      htmlRows.add(List.of(c.name(), TextTable.num(m.get("accuracy"), 3), interval(c.accuracy()), gain,
          TextTable.num(m.get("rocAuc"), 3), TextTable.num(m.get("logLoss"), 3), TextTable.num(m.get("macroF1"), 3),
          TextTable.num(c.trainSeconds(), 2)));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("model", c.name());
      row.put("trainer", c.model().name());
      row.putAll(m);
      row.put("accuracyGainOverBaseline", m.get("accuracy") - base);
      row.put("accuracyInterval", List.of(c.accuracy().lower(), c.accuracy().upper()));
      row.put("rocAucInterval", Double.isNaN(c.rocAuc().estimate()) ? null
          : List.of(c.rocAuc().lower(), c.rocAuc().upper()));
      row.put("calibrationAccuracy", c.calibrationAccuracy());
      row.put("trainSeconds", c.trainSeconds());
      json.add(row);
    }
    session.say("test metrics on %d rows; 95%% percentile bootstrap intervals (%d resamples); gain = accuracy"
        + " minus the baseline's", data.test().size(), RESAMPLES);
    session.table(table);
    Candidate best = best(candidates);
    session.say("best on the calibration part: %s (calibration accuracy %.3f)", best.name(), best.calibrationAccuracy());

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("testRows", data.test().size());
    report.put("bootstrapResamples", RESAMPLES);
    report.put("models", json);
    report.put("best", best.name());
    session.json.put("training", report);

    session.html.lead("test accuracy of the best model (" + best.name() + ")",
        TextTable.num(best.metrics().get("accuracy"), 3));
    List<String> names = candidates.stream().map(Candidate::name).toList();
    double[] acc = candidates.stream().mapToDouble(c -> c.metrics().get("accuracy")).toArray();
    double[] lo = candidates.stream().mapToDouble(c -> c.accuracy().lower()).toArray();
    double[] hi = candidates.stream().mapToDouble(c -> c.accuracy().upper()).toArray();
    session.html.section("models", "3. Models", "Test metrics with 95% bootstrap intervals; gain is accuracy minus the"
        + " most-frequent baseline's. Best model (chosen on the calibration part): " + best.name() + ".")
        .table(List.of("model", "accuracy", "95% CI", "gain", "ROC AUC", "log loss", "macro F1", "train s"), htmlRows)
        .charts(List.of(Svg.bars("Test accuracy with 95% bootstrap intervals", names, acc, lo, hi,
            Math.max(0, Math.floor(base * 10) / 10 - 0.1), 1)))
        .end();
    return candidates;
  }

  /** @return the candidate most accurate on the calibration part (ties: lower test-free log loss order kept) */
  static Candidate best(List<Candidate> candidates) {
    Candidate best = candidates.get(1);
    for (Candidate c : candidates.subList(1, candidates.size())) {
      if (c.calibrationAccuracy() > best.calibrationAccuracy()) {
        best = c;
      }
    }
    return best;
  }

  private static Candidate measure(String name, ModelTrainer trainer, TrainedModel model, double seconds, double[][] cal, double[][] test,
      int[] testLabels, int[] calLabels, Bootstrap bootstrap) {
    int classes = model.classes().size();
    int[] predicted = Scores.argmax(test);
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("accuracy", ClassificationMetrics.accuracy(testLabels, predicted));
    m.put("macroF1", ClassificationMetrics.f1(testLabels, predicted, classes, Average.MACRO));
    m.put("rocAuc", rocAuc(test, testLabels));
    m.put("logLoss", ClassificationMetrics.logLoss(test, testLabels));
    if (classes == 2) {
      m.put("brier", BinaryMetrics.brierScore(Scores.column(test, 1), testLabels));
    }
    BootstrapInterval accuracy = bootstrap.interval(testLabels.length,
        rows -> ClassificationMetrics.accuracy(Scores.pick(testLabels, rows), Scores.pick(predicted, rows)));
    BootstrapInterval auc = bootstrap.interval(testLabels.length,
        rows -> rocAuc(Scores.pick(test, rows), Scores.pick(testLabels, rows)));
    double calAccuracy = ClassificationMetrics.accuracy(calLabels, Scores.argmax(cal));
    return new Candidate(name, trainer, model, seconds, cal, test, m, accuracy, auc, calAccuracy);
  }

  /** Binary ROC AUC on the second class's scores, or one-vs-rest macro AUC; NaN when one class is absent. */
  static double rocAuc(double[][] probabilities, int[] labels) {
    try {
      if (probabilities[0].length == 2) {
        return BinaryMetrics.rocAuc(Scores.column(probabilities, 1), labels);
      }
      return ClassificationMetrics.rocAucOneVsRest(probabilities, labels, Average.MACRO);
    } catch (IllegalArgumentException undefined) {
      return Double.NaN;
    }
  }

  private static String interval(BootstrapInterval i) {
    return Double.isNaN(i.estimate()) ? "-" : TextTable.num(i.lower(), 3) + "-" + TextTable.num(i.upper(), 3);
  }

}
