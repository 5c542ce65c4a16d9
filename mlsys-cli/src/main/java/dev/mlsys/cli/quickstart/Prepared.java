package dev.mlsys.cli.quickstart;

import dev.mlsys.api.Row;
import dev.mlsys.data.features.FeaturePipeline;
import dev.mlsys.models.LabeledData;
import java.util.List;

/**
 * A data set split into train, calibration and test parts, with the feature pipeline fitted on
 * the training part only and each part turned into model input.
 *
 * @param dataset the data set
 * @param pipeline the feature pipeline, fitted on {@code trainRows}
 * @param trainRows rows the models learn from
 * @param calibrationRows rows for choosing the best model and fitting calibrators
 * @param testRows rows every reported metric is measured on
 * @param train model input of the training rows
 * @param calibration model input of the calibration rows
 * @param test model input of the test rows
 */
record Prepared(Dataset dataset, FeaturePipeline pipeline, List<Row> trainRows, List<Row> calibrationRows,
    List<Row> testRows, LabeledData train, LabeledData calibration, LabeledData test) {}
