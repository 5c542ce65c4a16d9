package dev.mlsys.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * One Tribuo model (a linear model, a tree, a forest, a boosted model) behind the mlsys
 * {@link TrainedModel} face. The wrapped model is available to code that reads it further
 * ({@link #tribuoModel()}); its feature names are this model's {@link #featureNames()}.
 *
 * <p>Each prediction builds one Tribuo example from the vector, so no value reaches Tribuo
 * before it passed the finiteness check; classes Tribuo never saw in training get probability 0.
 *
 * <p>Thread-safety: immutable; Tribuo models are safe for concurrent prediction.
 */
public final class TribuoModel implements TrainedModel {
  private final Model<?> model;
  private final Task task;
  private final List<String> featureNames;
  private final List<String> classes;
  private final String name;
  private final String[] sortedNames;
  private final int[] sortedToInput;

  private TribuoModel(Model<?> model, Task task, List<String> featureNames, List<String> classes, String name) {
    this.model = model;
    this.task = task;
    this.featureNames = List.copyOf(featureNames);
    this.classes = List.copyOf(classes);
    this.name = name;
    Integer[] order = new Integer[featureNames.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // Tribuo sorts example features by name; presorting makes that sort a single pass.
    Arrays.sort(order, Comparator.comparing(featureNames::get));
    sortedNames = new String[order.length];
    sortedToInput = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      sortedToInput[i] = order[i];
      sortedNames[i] = featureNames.get(order[i]);
    }
  }

  /**
   * Wraps a trained Tribuo model.
   *
   * @param model a Tribuo model over {@link Label} (classification) or {@link Regressor}
   *     (regression) outputs, trained on features named as in {@code featureNames}
   * @param featureNames the input vector's feature names, in order
   * @param classes the class order of probabilities; empty for regression
   * @param name a short description for reports
   * @return the model
   * @throws IllegalArgumentException if the output type and the classes do not agree
   */
  public static TribuoModel of(Model<?> model, List<String> featureNames, List<String> classes, String name) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(name, "name");
    Task task;
    if (model.validate(Label.class)) {
      task = Task.CLASSIFICATION;
      if (classes.isEmpty()) {
        throw new IllegalArgumentException("a classification model needs its class order");
      }
    } else if (model.validate(Regressor.class)) {
      task = Task.REGRESSION;
      if (!classes.isEmpty()) {
        throw new IllegalArgumentException("a regression model has no classes but was given " + classes);
      }
    } else {
      throw new IllegalArgumentException("only Tribuo Label and Regressor models are supported but the output is "
          + model.getOutputIDInfo().getClass().getName());
    }
    return new TribuoModel(model, task, featureNames, classes, name);
  }

  /** @return the wrapped Tribuo model; do not change it */
  public Model<?> tribuoModel() {
    return model;
  }

  @Override
  public Task task() {
    return task;
  }

  @Override
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public List<String> classes() {
    return classes;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  @SuppressWarnings("unchecked")
  public double[] output(double[] features) {
    Outputs.checkInput(this, features);
    double[] values = sorted(features);
    if (task == Task.REGRESSION) {
      ArrayExample<Regressor> ex = new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, sortedNames, values);
      return new double[] {((Model<Regressor>) model).predict(ex).getOutput().getValues()[0]};
    }
    ArrayExample<Label> ex = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, sortedNames, values);
    return distribution(((Model<Label>) model).predict(ex));
  }

  @Override
  @SuppressWarnings("unchecked")
  public double[][] outputs(double[][] rows) {
    if (rows.length <= 1) {
      return rows.length == 0 ? new double[0][] : new double[][] {output(rows[0])};
    }
    for (double[] r : rows) {
      Outputs.checkInput(this, r);
    }
    double[][] out = new double[rows.length][];
    if (task == Task.REGRESSION) {
      java.util.List<org.tribuo.Example<Regressor>> examples = new ArrayList<>(rows.length);
      for (double[] r : rows) {
        examples.add(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, sortedNames, sorted(r)));
      }
      java.util.List<org.tribuo.Prediction<Regressor>> ps = ((Model<Regressor>) model).predict(examples);
      for (int i = 0; i < out.length; i++) {
        out[i] = new double[] {ps.get(i).getOutput().getValues()[0]};
      }
      return out;
    }
    java.util.List<org.tribuo.Example<Label>> examples = new ArrayList<>(rows.length);
    for (double[] r : rows) {
      examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, sortedNames, sorted(r)));
    }
    java.util.List<org.tribuo.Prediction<Label>> ps = ((Model<Label>) model).predict(examples);
    for (int i = 0; i < out.length; i++) {
      out[i] = distribution(ps.get(i));
    }
    return out;
  }

  private double[] sorted(double[] features) {
    double[] values = new double[sortedNames.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = features[sortedToInput[i]];
    }
    return values;
  }

  private double[] distribution(org.tribuo.Prediction<Label> p) {
    double[] out = new double[classes.size()];
    // Tribuo's tree models say they give no probabilities, yet their leaves carry the weighted
    // class distribution and flag each prediction as probabilistic: trust the prediction's flag.
    if (p.hasProbabilities()) {
      Map<String, Label> scores = p.getOutputScores();
      for (int k = 0; k < out.length; k++) {
        Label l = scores.get(classes.get(k));
        out[k] = l == null ? 0.0 : l.getScore();
      }
      return Outputs.normalize(out);
    }
    int k = classes.indexOf(p.getOutput().getLabel());
    if (k >= 0) {
      out[k] = 1.0;
    }
    return Outputs.normalize(out);
  }

  /** @return the feature names Tribuo recorded in training (those seen with any value) */
  public List<String> tribuoFeatureNames() {
    List<String> names = new ArrayList<>();
    model.getFeatureIDMap().forEach(info -> names.add(info.getName()));
    return names;
  }

  @Override
  public String toString() {
    return "TribuoModel[" + name + ", " + task.name().toLowerCase(java.util.Locale.ROOT) + "]";
  }
}
