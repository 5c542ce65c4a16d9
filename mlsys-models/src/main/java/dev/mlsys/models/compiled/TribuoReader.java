package dev.mlsys.models.compiled;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.mlsys.models.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.util.ExpNormalizer;
import org.tribuo.math.util.NoopNormalizer;
import org.tribuo.protos.core.WeightedEnsembleModelProto;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;

/**
 * Reads Tribuo models into kernels whose outputs are what mlsys's {@code TribuoModel.output}
 * gives: class probabilities in the mlsys class order (classes Tribuo never saw get 0) after
 * mlsys's normalisation, or the single regression value.
 *
 * <p>Feature ids are Tribuo's; every one is looked up by name in the inputs here, once. A Tribuo
 * feature the inputs do not carry is always absent (value 0 for trees and linear models, missing
 * for XGBoost), as it is for {@code TribuoModel}, which only ever sends its own features.
 */
final class TribuoReader {
  /** The Tribuo model types read here, for error messages. */
  static final String SUPPORTED = "LinearSGDModel (classification and regression), LibLinearClassificationModel,"
      + " TreeModel, IndependentRegressionTreeModel, WeightedEnsembleModel of trees (VotingCombiner,"
      + " FullyWeightedVotingCombiner, AveragingCombiner), XGBoostModel (gbtree)";

  private TribuoReader() {}

  /** How to read one model: its task, the mlsys class order, the inputs, whether to fall back. */
  record Target(Task task, List<String> classes, Inputs inputs, boolean fallback) {
    int outputs() {
      return task == Task.REGRESSION ? 1 : classes.size();
    }

    /** @return the mlsys position of a Tribuo class name */
    int position(String label, Model<?> model) {
      int p = classes.indexOf(label);
      if (p < 0) {
        throw new UnsupportedModelException("Tribuo model '" + model.getName() + "' predicts class '" + label
            + "' which is not among the classes " + classes);
      }
      return p;
    }
  }

  /**
   * @return the kernel
   * @throws UnsupportedModelException if the model is of another type
   */
  @SuppressWarnings("unchecked")
  static Kernel read(Model<?> model, Target target) {
    if (target.task == Task.REGRESSION && model.getOutputIDInfo().size() != 1) {
      throw new UnsupportedModelException("only one-dimensional Tribuo regression models can be compiled, but '"
          + model.getName() + "' has " + model.getOutputIDInfo().size() + " dimensions");
    }
    Tree single = singleTree(model, target);
    if (single != null) {
      return new ForestKernel(target.inputs.width(), target.outputs(), ForestKernel.Mode.SUM, ForestKernel.After.NONE,
          TreeLayout.of(List.of(single), target.outputs(), false), null);
    }
    if (model instanceof org.tribuo.classification.sgd.linear.LinearSGDModel m) {
      return sgdClassifier(m, target);
    }
    if (model instanceof org.tribuo.regression.sgd.linear.LinearSGDModel m) {
      DenseMatrix w = m.getWeightsCopy();
      return linear(m, target, w, LinearKernel.Link.IDENTITY, new int[] {0});
    }
    if (model instanceof LibLinearClassificationModel m) {
      return liblinear(m, target);
    }
    if (model instanceof WeightedEnsembleModel<?> e) {
      return ensemble(e, target);
    }
    if (model instanceof XGBoostModel<?> x) {
      return xgboost(x, target);
    }
    throw new UnsupportedModelException("cannot compile Tribuo model '" + model.getName() + "' of type "
        + model.getClass().getName() + "; supported Tribuo types are " + SUPPORTED);
  }

  /**
   * @return the model as one tree whose leaf payloads are {@code TribuoModel.output} at that leaf,
   *     or null if the model is not a single tree
   */
  @SuppressWarnings("unchecked")
  static Tree singleTree(Model<?> model, Target target) {
    if (model instanceof TreeModel<?> t && !(model instanceof IndependentRegressionTreeModel)) {
      if (target.task == Task.CLASSIFICATION) {
        return tree((Node<Label>) t.getRoot(), model.getFeatureIDMap(), target.inputs, leaf -> classification(leaf, target,
            model));
      }
      return tree((Node<Regressor>) t.getRoot(), model.getFeatureIDMap(), target.inputs, TribuoReader::regression);
    }
    if (model instanceof IndependentRegressionTreeModel r) {
      Map<String, Node<Regressor>> roots = r.getRoots();
      return tree(roots.values().iterator().next(), model.getFeatureIDMap(), target.inputs, TribuoReader::regression);
    }
    return null;
  }

  /** What {@code TribuoModel.output} gives for a classification leaf. */
  private static double[] classification(LeafNode<Label> leaf, Target target, Model<?> model) {
    double[] out = new double[target.classes.size()];
    boolean probabilities = leaf.getPrediction(0, new ArrayExample<>(leaf.getOutput())).hasProbabilities();
    if (probabilities) {
      Map<String, Label> scores = leaf.getDistribution();
      for (int c = 0; c < out.length; c++) {
        Label l = scores.get(target.classes.get(c));
        out[c] = l == null ? 0.0 : l.getScore();
      }
    } else {
      out[target.position(leaf.getOutput().getLabel(), model)] = 1.0;
    }
    Finish.normalize(out, 0, out.length);
    return out;
  }

  private static double[] regression(LeafNode<Regressor> leaf) {
    return new double[] {leaf.getOutput().getValues()[0]};
  }

  private interface LeafReader<T extends Output<T>> {
    double[] payload(LeafNode<T> leaf);
  }

  private static <T extends Output<T>> Tree tree(Node<T> root, ImmutableFeatureMap features, Inputs inputs,
      LeafReader<T> leaves) {
    Tree tree = new Tree();
    tree.root(node(tree, root, features, inputs, leaves));
    return tree;
  }

  private static <T extends Output<T>> int node(Tree tree, Node<T> node, ImmutableFeatureMap features, Inputs inputs,
      LeafReader<T> leaves) {
    if (node instanceof LeafNode<T> leaf) {
      return tree.leaf(leaves.payload(leaf));
    }
    SplitNode<T> split = (SplitNode<T>) node;
    double t = split.splitValue();
    int position = inputs.positionOf(features.get(split.getFeatureID()).getName());
    // An absent feature is 0 to Tribuo, and so is a missing value.
    boolean zeroHi = 0.0 > t;
    if (position == Inputs.ABSENT) {
      return node(tree, zeroHi ? split.getGreaterThan() : split.getLessThanOrEqual(), features, inputs, leaves);
    }
    int lo = node(tree, split.getLessThanOrEqual(), features, inputs, leaves);
    int hi = node(tree, split.getGreaterThan(), features, inputs, leaves);
    return tree.split(position, t, zeroHi, lo, hi);
  }

  private static Kernel sgdClassifier(org.tribuo.classification.sgd.linear.LinearSGDModel m, Target target) {
    String normalizer;
    try {
      normalizer = m.serialize().getSerializedData().unpack(ClassificationLinearSGDProto.class).getNormalizer()
          .getClassName();
    } catch (InvalidProtocolBufferException e) {
      throw new UnsupportedModelException("cannot read the normaliser of Tribuo model '" + m.getName() + "': "
          + e.getMessage());
    }
    LinearKernel.Link link;
    if (normalizer.equals(ExpNormalizer.class.getName())) {
      link = LinearKernel.Link.SOFTMAX;
    } else if (normalizer.equals(NoopNormalizer.class.getName())) {
      link = LinearKernel.Link.ARGMAX;
    } else {
      throw new UnsupportedModelException("Tribuo linear model '" + m.getName() + "' uses normaliser " + normalizer
          + "; only ExpNormalizer (logistic) and NoopNormalizer (hinge) can be compiled");
    }
    ImmutableOutputInfo<Label> info = m.getOutputIDInfo();
    int[] pos = new int[info.size()];
    for (int o = 0; o < pos.length; o++) {
      pos[o] = target.position(info.getOutput(o).getLabel(), m);
    }
    return linear(m, target, m.getWeightsCopy(), link, pos);
  }

  /** A Tribuo SGD model: weights {@code [outputs][features + 1]}, the bias last. */
  private static Kernel linear(Model<?> m, Target target, DenseMatrix w, LinearKernel.Link link, int[] pos) {
    int rows = w.getDimension1Size();
    int features = w.getDimension2Size() - 1;
    ImmutableFeatureMap fmap = m.getFeatureIDMap();
    List<Integer> cols = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (int f = 0; f < features; f++) {
      int p = target.inputs.positionOf(fmap.get(f).getName());
      if (p != Inputs.ABSENT) {
        cols.add(p);
        ids.add(f);
      }
    }
    double[] weights = new double[rows * cols.size()];
    double[] bias = new double[rows];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < ids.size(); j++) {
        weights[r * ids.size() + j] = w.get(r, ids.get(j));
      }
      // Tribuo's bias feature has value 1.0; w * 1.0 == w.
      bias[r] = w.get(r, features);
    }
    return new LinearKernel(target.inputs.width(), target.outputs(), link, toArray(cols), weights, bias, pos, rows,
        target.task == Task.CLASSIFICATION);
  }

  private static Kernel liblinear(LibLinearClassificationModel m, Target target) {
    de.bwaldvogel.liblinear.Model model = m.getInnerModels().get(0);
    int nrClass = model.getNrClass();
    int[] labels = model.getLabels();
    boolean twoClassOneRow = nrClass == 2 && model.getSolverType() != de.bwaldvogel.liblinear.SolverType.MCSVM_CS;
    int nrW = twoClassOneRow ? 1 : nrClass;
    double[] w = model.getFeatureWeights();
    // liblinear reads feature index idx (1-based) only if idx <= n.
    int n = model.getBias() >= 0 ? model.getNrFeature() + 1 : model.getNrFeature();
    ImmutableFeatureMap fmap = m.getFeatureIDMap();
    List<Integer> cols = new ArrayList<>();
    List<Integer> idx = new ArrayList<>();
    for (int f = 0; f < fmap.size(); f++) {
      int p = target.inputs.positionOf(fmap.get(f).getName());
      if (p != Inputs.ABSENT && f + 1 <= n) {
        cols.add(p);
        idx.add(f + 1);
      }
    }
    int biasIndex = fmap.size() + 1;
    double[] weights = new double[nrW * cols.size()];
    double[] bias = new double[nrW];
    for (int i = 0; i < nrW; i++) {
      for (int j = 0; j < idx.size(); j++) {
        weights[i * idx.size() + j] = w[(idx.get(j) - 1) * nrW + i];
      }
      bias[i] = biasIndex <= n ? w[(biasIndex - 1) * nrW + i] : 0.0;
    }
    int[] pos = new int[nrClass];
    for (int i = 0; i < nrClass; i++) {
      pos[i] = target.position(m.getOutputIDInfo().getOutput(labels[i]).getLabel(), m);
    }
    if (model.getSolverType().isSupportVectorRegression() || model.getSolverType().isOneClass()) {
      throw new UnsupportedModelException("liblinear solver " + model.getSolverType() + " of model '" + m.getName()
          + "' is not a classifier this compiler reads");
    }
    LinearKernel.Link link = model.isProbabilityModel() ? LinearKernel.Link.LIBLINEAR_LOGISTIC
        : LinearKernel.Link.LIBLINEAR_ARGMAX;
    return new LinearKernel(target.inputs.width(), target.outputs(), link, toArray(cols), weights, bias, pos, nrClass,
        true);
  }

  @SuppressWarnings("unchecked")
  private static Kernel ensemble(WeightedEnsembleModel<?> e, Target target) {
    WeightedEnsembleModelProto proto;
    try {
      proto = e.serialize().getSerializedData().unpack(WeightedEnsembleModelProto.class);
    } catch (InvalidProtocolBufferException ex) {
      throw new UnsupportedModelException("cannot read the weights of Tribuo ensemble '" + e.getName() + "': "
          + ex.getMessage());
    }
    String combiner = proto.getCombiner().getClassName();
    List<Float> weights = proto.getWeightsList();
    List<? extends Model<?>> members = e.getModels();
    int k = target.outputs();
    List<Tree> trees = new ArrayList<>(members.size());
    if (target.task == Task.CLASSIFICATION) {
      boolean votes = combiner.equals(VotingCombiner.class.getName());
      if (!votes && !combiner.equals(FullyWeightedVotingCombiner.class.getName())) {
        throw new UnsupportedModelException("Tribuo ensemble '" + e.getName() + "' combines with " + combiner
            + "; supported combiners are VotingCombiner and FullyWeightedVotingCombiner");
      }
      for (int i = 0; i < members.size(); i++) {
        Model<?> member = members.get(i);
        float w = weights.get(i);
        if (!(member instanceof TreeModel<?> tm)) {
          throw new UnsupportedModelException("Tribuo ensemble '" + e.getName() + "' has a member of type "
              + member.getClass().getName() + "; only ensembles of TreeModel members can be compiled");
        }
        trees.add(tree((Node<Label>) tm.getRoot(), member.getFeatureIDMap(), target.inputs,
            leaf -> votes ? vote(leaf, w, target, e) : weightedScores(leaf, w, target, e)));
      }
      return new ForestKernel(target.inputs.width(), k, ForestKernel.Mode.TRIBUO_VOTES, ForestKernel.After.NORMALIZE,
          TreeLayout.of(trees, 2 * k, false), null);
    }
    if (!combiner.equals(AveragingCombiner.class.getName())) {
      throw new UnsupportedModelException("Tribuo regression ensemble '" + e.getName() + "' combines with " + combiner
          + "; the supported combiner is AveragingCombiner");
    }
    double[] coefficient = new double[members.size()];
    double weightSum = 0.0;
    for (int i = 0; i < members.size(); i++) {
      Model<?> member = members.get(i);
      Tree t = singleTree(member, target);
      if (t == null) {
        throw new UnsupportedModelException("Tribuo ensemble '" + e.getName() + "' has a member of type "
            + member.getClass().getName() + "; only ensembles of regression trees can be compiled");
      }
      trees.add(t);
      // AveragingCombiner: weightSum += weight; mean += (weight / weightSum) * (value - mean)
      float w = weights.get(i);
      weightSum += w;
      coefficient[i] = w / weightSum;
    }
    return new ForestKernel(target.inputs.width(), 1, ForestKernel.Mode.TRIBUO_AVERAGE, ForestKernel.After.NONE,
        TreeLayout.of(trees, 1, false), coefficient);
  }

  /** VotingCombiner: the member's label gets its weight; the normaliser gets it too. */
  private static double[] vote(LeafNode<Label> leaf, float w, Target target, Model<?> model) {
    int k = target.classes.size();
    double[] p = new double[2 * k];
    p[target.position(leaf.getOutput().getLabel(), model)] = w;
    p[k] = w;
    return p;
  }

  /** FullyWeightedVotingCombiner: each class gets {@code w * score}; the normaliser gets them in map order. */
  private static double[] weightedScores(LeafNode<Label> leaf, float w, Target target, Model<?> model) {
    int k = target.classes.size();
    double[] p = new double[2 * k];
    int j = k;
    for (Label l : leaf.getDistribution().values()) {
      double term = w * l.getScore();
      p[target.position(l.getLabel(), model)] += term;
      if (j == 2 * k) {
        throw new UnsupportedModelException("a leaf of '" + model.getName() + "' scores more classes than " + k);
      }
      p[j++] = term;
    }
    return p;
  }

  private static Kernel xgboost(XGBoostModel<?> x, Target target) {
    List<Booster> boosters = x.getInnerModels();
    if (boosters.size() != 1) {
      boosters.forEach(Booster::dispose);
      throw new UnsupportedModelException("Tribuo XGBoost model '" + x.getName() + "' has " + boosters.size()
          + " boosters; only one can be compiled");
    }
    Booster booster = boosters.get(0);
    ImmutableFeatureMap fmap = x.getFeatureIDMap();
    int[] inputOf = new int[fmap.size()];
    for (int f = 0; f < inputOf.length; f++) {
      inputOf[f] = target.inputs.positionOf(fmap.get(f).getName());
    }
    int[] pos = null;
    if (target.task == Task.CLASSIFICATION) {
      ImmutableOutputInfo<?> info = x.getOutputIDInfo();
      pos = new int[info.size()];
      for (int g = 0; g < pos.length; g++) {
        pos[g] = target.position(((Label) info.getOutput(g)).getLabel(), x);
      }
    }
    return XGBoostReader.read(booster, inputOf, target.inputs.width(), target.task, target.outputs(), pos, true,
        target.fallback, x.getName());
  }

  private static int[] toArray(List<Integer> list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }
}
