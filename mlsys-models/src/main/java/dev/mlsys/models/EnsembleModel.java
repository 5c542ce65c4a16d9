package dev.mlsys.models;

import dev.mlsys.api.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Members, a weight per member, and a {@link Combiner}: the model bagging, AdaBoost and voting
 * produce. Everything is inspectable ({@link #members()}, {@link #weights()},
 * {@link #combiner()}), and {@link #contributions(double[])} tells how each member moved a given
 * answer.
 *
 * <p>Thread-safety: immutable.
 */
public final class EnsembleModel implements TrainedModel {
  /** Probabilities are clipped here before logarithms, as scikit-learn's SAMME.R does. */
  static final double EPS = Math.ulp(1.0);

  private final String kind;
  private final List<TrainedModel> members;
  private final double[] weights;
  private final double weightSum;
  private final Combiner combiner;
  private final OutOfBagEstimate outOfBag;

  private EnsembleModel(String kind, List<TrainedModel> members, double[] weights, Combiner combiner,
      OutOfBagEstimate outOfBag) {
    this.kind = kind;
    this.members = members;
    this.weights = weights;
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    this.weightSum = s;
    this.combiner = combiner;
    this.outOfBag = outOfBag;
  }

  /**
   * @param kind what built it, such as {@code bagging}, {@code adaboost} or {@code voting}
   * @param members at least one model; all of one task, with the same features and classes
   * @param weights one finite weight &gt;= 0 per member, not all zero
   * @param combiner how outputs combine; {@link Combiner#MEAN} for regression, any other for
   *     classification
   * @param outOfBag the out-of-bag estimate, or {@code null}
   * @return the ensemble
   * @throws IllegalArgumentException if the members disagree, or a rule above is broken
   */
  public static EnsembleModel of(String kind, List<? extends TrainedModel> members, double[] weights, Combiner combiner,
      OutOfBagEstimate outOfBag) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(combiner, "combiner");
    List<TrainedModel> list = List.copyOf(members);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    if (weights.length != list.size()) {
      throw new IllegalArgumentException("weights has " + weights.length + " values for " + list.size() + " members");
    }
    double sum = 0;
    for (int m = 0; m < weights.length; m++) {
      if (!(weights[m] >= 0) || Double.isInfinite(weights[m])) {
        throw new IllegalArgumentException("weights[" + m + "] must be finite and >= 0 but was: " + weights[m]);
      }
      sum += weights[m];
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("weights must not all be zero");
    }
    TrainedModel first = list.get(0);
    for (TrainedModel m : list) {
      if (m.task() != first.task() || !m.classes().equals(first.classes()) || !m.featureNames().equals(first.featureNames())) {
        throw new IllegalArgumentException("member '" + m.name() + "' has another task, classes or features than '"
            + first.name() + "'");
      }
    }
    if ((first.task() == Task.REGRESSION) != (combiner == Combiner.MEAN)) {
      throw new IllegalArgumentException("combiner " + combiner + " does not fit a " + first.task() + " ensemble");
    }
    return new EnsembleModel(kind, list, weights.clone(), combiner, outOfBag);
  }

  /** @return what built the ensemble ({@code bagging}, {@code adaboost}, {@code voting}) */
  public String kind() {
    return kind;
  }

  /** @return the members, in order */
  public List<TrainedModel> members() {
    return members;
  }

  /** @return a copy of the member weights */
  public double[] weights() {
    return weights.clone();
  }

  /** @return how the outputs combine */
  public Combiner combiner() {
    return combiner;
  }

  /** @return the out-of-bag estimate, for bagged ensembles */
  public Optional<OutOfBagEstimate> outOfBag() {
    return Optional.ofNullable(outOfBag);
  }

  /**
   * @param outOfBagEstimate the estimate to attach
   * @return a copy carrying it
   */
  public EnsembleModel withOutOfBag(OutOfBagEstimate outOfBagEstimate) {
    return new EnsembleModel(kind, members, weights, combiner, outOfBagEstimate);
  }

  @Override
  public Task task() {
    return members.get(0).task();
  }

  @Override
  public List<String> featureNames() {
    return members.get(0).featureNames();
  }

  @Override
  public List<String> classes() {
    return members.get(0).classes();
  }

  @Override
  public String name() {
    String inner = members.get(0).name();
    boolean same = members.stream().allMatch(m -> m.name().equals(inner));
    return kind + "(" + members.size() + (same ? " x " + inner : " members") + ", " + combiner.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  @Override
  public double[] output(double[] features) {
    Outputs.checkInput(this, features);
    double[] decision = new double[combiner == Combiner.MEAN ? 1 : classes().size()];
    for (int m = 0; m < members.size(); m++) {
      double[] term = term(m, members.get(m).output(features));
      for (int k = 0; k < decision.length; k++) {
        decision[k] += term[k];
      }
    }
    return finish(decision);
  }

  @Override
  public double[][] outputs(double[][] rows) {
    for (double[] r : rows) {
      Outputs.checkInput(this, r);
    }
    double[][][] perMember = new double[members.size()][][];
    for (int m = 0; m < perMember.length; m++) {
      perMember[m] = members.get(m).outputs(rows);
    }
    double[][] out = new double[rows.length][];
    double[][] memberOutputs = new double[members.size()][];
    for (int i = 0; i < rows.length; i++) {
      for (int m = 0; m < perMember.length; m++) {
        memberOutputs[m] = perMember[m][i];
      }
      out[i] = combine(memberOutputs);
    }
    return out;
  }

  /**
   * Combines outputs the members gave for one input, as {@link #output(double[])} does.
   *
   * @param memberOutputs one output per member, in member order
   * @return the ensemble's output
   * @throws IllegalArgumentException if there is not one output per member
   */
  public double[] combine(double[][] memberOutputs) {
    if (memberOutputs.length != members.size()) {
      throw new IllegalArgumentException("expected " + members.size() + " member outputs but got " + memberOutputs.length);
    }
    double[] decision = new double[combiner == Combiner.MEAN ? 1 : classes().size()];
    for (int m = 0; m < memberOutputs.length; m++) {
      double[] term = term(m, memberOutputs[m]);
      for (int k = 0; k < decision.length; k++) {
        decision[k] += term[k];
      }
    }
    return finish(decision);
  }

  /** The member's additive term of the decision vector. */
  private double[] term(int m, double[] out) {
    double share = weights[m] / weightSum;
    int k = out.length;
    double[] t = new double[combiner == Combiner.MEAN ? 1 : k];
    switch (combiner) {
      case MEAN -> t[0] = share * out[0];
      case SOFT_VOTE -> {
        for (int c = 0; c < k; c++) {
          t[c] = share * out[c];
        }
      }
      case HARD_VOTE, SAMME -> t[Outputs.argmax(out)] = share;
      case SAMME_R -> {
        double meanLog = 0;
        double[] logs = new double[k];
        for (int c = 0; c < k; c++) {
          logs[c] = Math.log(Math.max(out[c], EPS));
          meanLog += logs[c];
        }
        meanLog /= k;
        for (int c = 0; c < k; c++) {
          t[c] = share * (k - 1) * (logs[c] - meanLog);
        }
      }
    }
    return t;
  }

  private double[] finish(double[] decision) {
    return switch (combiner) {
      case MEAN -> decision;
      case HARD_VOTE, SOFT_VOTE -> Outputs.normalize(decision);
      case SAMME, SAMME_R -> {
        int k = decision.length;
        for (int c = 0; c < k; c++) {
          decision[c] /= Math.max(1, k - 1);
        }
        yield Outputs.softmax(decision);
      }
    };
  }

  /**
   * @param features a vector in {@link #featureNames()} order
   * @return every member's prediction, weight and additive term of the decision, in member order
   */
  public List<MemberContribution> contributions(double[] features) {
    Outputs.checkInput(this, features);
    List<MemberContribution> out = new ArrayList<>(members.size());
    for (int m = 0; m < members.size(); m++) {
      TrainedModel member = members.get(m);
      double[] o = member.output(features);
      Prediction p = Outputs.toPrediction(member, o);
      double[] t = term(m, o);
      List<Double> terms = new ArrayList<>(t.length);
      for (double v : t) {
        terms.add(v);
      }
      out.add(new MemberContribution(m, member.name(), weights[m], p, terms));
    }
    return out;
  }

  @Override
  public String toString() {
    return "EnsembleModel[" + name() + "]";
  }
}
