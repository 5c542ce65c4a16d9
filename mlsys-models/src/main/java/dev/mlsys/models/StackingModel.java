package dev.mlsys.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stacked generalisation (Wolpert 1992): base models whose outputs become the features of a
 * meta-model. A base model contributes its class probabilities (for two classes only the
 * probability of the second class, as scikit-learn's {@code StackingClassifier} does) or its
 * value; with {@link #passthrough()} the original features follow.
 *
 * <p>How it is trained (out-of-fold predictions, bases refit on all data) is the business of
 * {@code dev.mlsys.models.ensemble.Stacking}; this class only predicts.
 *
 * <p>Thread-safety: immutable.
 */
public final class StackingModel implements TrainedModel {
  private final List<TrainedModel> bases;
  private final TrainedModel meta;
  private final boolean passthrough;
  private final double[] stackedMeans;

  private StackingModel(List<TrainedModel> bases, TrainedModel meta, boolean passthrough, double[] stackedMeans) {
    this.bases = bases;
    this.meta = meta;
    this.passthrough = passthrough;
    this.stackedMeans = stackedMeans;
  }

  /**
   * @param bases the base models, all of one task with the same features and classes
   * @param meta the meta-model, over {@link #stackedFeatureNames(List, boolean)} of the bases
   * @param passthrough whether the original features follow the base outputs
   * @param stackedMeans the training mean of each stacked base output, for
   *     {@link #contributions(double[])}
   * @return the model
   * @throws IllegalArgumentException if the parts do not fit together
   */
  public static StackingModel of(List<? extends TrainedModel> bases, TrainedModel meta, boolean passthrough,
      double[] stackedMeans) {
    List<TrainedModel> list = List.copyOf(bases);
    Objects.requireNonNull(meta, "meta");
    if (list.isEmpty()) {
      throw new IllegalArgumentException("stacking needs at least one base model");
    }
    TrainedModel first = list.get(0);
    for (TrainedModel b : list) {
      if (b.task() != first.task() || !b.classes().equals(first.classes()) || !b.featureNames().equals(first.featureNames())) {
        throw new IllegalArgumentException("base model '" + b.name() + "' has another task, classes or features than '"
            + first.name() + "'");
      }
    }
    if (meta.task() != first.task() || !meta.classes().equals(first.classes())) {
      throw new IllegalArgumentException("the meta-model must predict the bases' task and classes");
    }
    List<String> expected = stackedFeatureNames(list, passthrough);
    if (!meta.featureNames().equals(expected)) {
      throw new IllegalArgumentException("the meta-model reads " + meta.featureNames() + " but the bases give " + expected);
    }
    int width = columnsPerBase(first) * list.size();
    if (stackedMeans.length != width) {
      throw new IllegalArgumentException("stackedMeans has " + stackedMeans.length + " values for " + width + " base outputs");
    }
    return new StackingModel(list, meta, passthrough, stackedMeans.clone());
  }

  /**
   * @param bases base models
   * @param passthrough whether the original features follow
   * @return the meta-model's feature names: {@code m<i>:<class>} or {@code m<i>:value} per base
   *     output, then the original names when passing through
   */
  public static List<String> stackedFeatureNames(List<? extends TrainedModel> bases, boolean passthrough) {
    List<String> names = new ArrayList<>();
    for (int m = 0; m < bases.size(); m++) {
      TrainedModel b = bases.get(m);
      if (b.task() == Task.REGRESSION) {
        names.add("m" + m + ":value");
      } else if (b.classes().size() == 2) {
        names.add("m" + m + ":" + b.classes().get(1));
      } else {
        for (String c : b.classes()) {
          names.add("m" + m + ":" + c);
        }
      }
    }
    if (passthrough) {
      names.addAll(bases.get(0).featureNames());
    }
    return names;
  }

  static int columnsPerBase(TrainedModel b) {
    return b.task() == Task.REGRESSION || b.classes().size() == 2 ? 1 : b.classes().size();
  }

  /**
   * Writes a base model's stacked columns for one output.
   *
   * @param base a base model
   * @param output its output for one input
   * @return the columns the meta-model reads for it
   */
  public static double[] stackedColumns(TrainedModel base, double[] output) {
    if (base.task() == Task.REGRESSION) {
      return new double[] {output[0]};
    }
    return output.length == 2 ? new double[] {output[1]} : output.clone();
  }

  /** @return the base models, refit on all training data */
  public List<TrainedModel> bases() {
    return bases;
  }

  /** @return the meta-model */
  public TrainedModel meta() {
    return meta;
  }

  /** @return whether the original features follow the base outputs */
  public boolean passthrough() {
    return passthrough;
  }

  /** @return a copy of the training means of the stacked base outputs */
  public double[] stackedMeans() {
    return stackedMeans.clone();
  }

  @Override
  public Task task() {
    return meta.task();
  }

  @Override
  public List<String> featureNames() {
    return bases.get(0).featureNames();
  }

  @Override
  public List<String> classes() {
    return meta.classes();
  }

  @Override
  public String name() {
    return "stacking(" + bases.size() + " bases, meta " + meta.name() + ")";
  }

  /**
   * @param features an input vector
   * @return the meta-model's input for it
   */
  public double[] stackedFeatures(double[] features) {
    Outputs.checkInput(this, features);
    int per = columnsPerBase(bases.get(0));
    double[] z = new double[per * bases.size() + (passthrough ? features.length : 0)];
    for (int m = 0; m < bases.size(); m++) {
      double[] cols = stackedColumns(bases.get(m), bases.get(m).output(features));
      System.arraycopy(cols, 0, z, m * per, per);
    }
    if (passthrough) {
      System.arraycopy(features, 0, z, per * bases.size(), features.length);
    }
    return z;
  }

  @Override
  public double[] output(double[] features) {
    return meta.output(stackedFeatures(features));
  }

  @Override
  public double[][] outputs(double[][] rows) {
    for (double[] r : rows) {
      Outputs.checkInput(this, r);
    }
    int per = columnsPerBase(bases.get(0));
    double[][] z = new double[rows.length][per * bases.size() + (passthrough ? featureNames().size() : 0)];
    for (int m = 0; m < bases.size(); m++) {
      double[][] o = bases.get(m).outputs(rows);
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(stackedColumns(bases.get(m), o[i]), 0, z[i], m * per, per);
      }
    }
    if (passthrough) {
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(rows[i], 0, z[i], per * bases.size(), rows[i].length);
      }
    }
    return meta.outputs(z);
  }

  /**
   * Contribution by ablation: the change of the output when one base model's columns are replaced
   * by their training means.
   *
   * @param features an input vector
   * @return one entry per base model, in order; the weight is NaN (the meta-model sets it)
   */
  public List<MemberContribution> contributions(double[] features) {
    double[] z = stackedFeatures(features);
    double[] full = meta.output(z);
    int per = columnsPerBase(bases.get(0));
    List<MemberContribution> out = new ArrayList<>(bases.size());
    for (int m = 0; m < bases.size(); m++) {
      double[] ablated = z.clone();
      System.arraycopy(stackedMeans, m * per, ablated, m * per, per);
      double[] without = meta.output(ablated);
      List<Double> delta = new ArrayList<>(full.length);
      for (int k = 0; k < full.length; k++) {
        delta.add(full[k] - without[k]);
      }
      TrainedModel b = bases.get(m);
      out.add(new MemberContribution(m, b.name(), Double.NaN, Outputs.toPrediction(b, b.output(features)), delta));
    }
    return out;
  }

  @Override
  public String toString() {
    return "StackingModel[" + name() + "]";
  }
}
