package dev.mlsys.cli.quickstart;

import dev.mlsys.eval.metrics.BootstrapInterval;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.TrainedModel;
import java.util.Map;

/**
 * One trained model with its measurements.
 *
 * @param name the model's name in tables
 * @param trainer what trained it
 * @param model the trained model
 * @param trainSeconds training time
 * @param calibrationProbabilities class probabilities on the calibration part, one row per row
 * @param testProbabilities class probabilities on the test part
 * @param metrics test metrics by name (accuracy, macroF1, rocAuc, logLoss, brier)
 * @param accuracy bootstrap interval of test accuracy
 * @param rocAuc bootstrap interval of test ROC AUC (one-vs-rest macro for more than two classes)
 * @param calibrationAccuracy accuracy on the calibration part, which picks the best model
 */
record Candidate(String name, ModelTrainer trainer, TrainedModel model, double trainSeconds, double[][] calibrationProbabilities,
    double[][] testProbabilities, Map<String, Double> metrics, BootstrapInterval accuracy, BootstrapInterval rocAuc,
    double calibrationAccuracy) {}
