package dev.mlsys.models.compiled;

import dev.mlsys.api.Predictor;
import dev.mlsys.api.RowTransform;
import dev.mlsys.models.BaselineModel;
import dev.mlsys.models.Combiner;
import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.StackingModel;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.TribuoModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Compiles trained models into {@link CompiledModel}s: flat primitive arrays and tight loops whose
 * outputs equal the model's own. Feature names are looked up here, once; the compiled model reads
 * positions.
 *
 * <pre>{@code
 * CompiledModel fast = ModelCompiler.compile(model);                   // model.featureNames() order
 * Predictor rows = ModelCompiler.compile(model, pipeline);             // Row -> pipeline -> model
 * CompiledModel gbm = ModelCompiler.compileXGBoost(booster, names);    // a raw xgboost4j booster
 * }</pre>
 *
 * <p>Supported: {@value #SUPPORTED}. {@link #compile(TrainedModel)} throws
 * {@link UnsupportedModelException} for anything else; {@link #compileOrFallback} compiles what it
 * can and runs the rest through the model's own predict (and unreadable XGBoost boosters through
 * xgboost4j with each native matrix disposed).
 *
 * <p>Thread-safety: stateless; compiled models are immutable and thread-safe.
 */
public final class ModelCompiler {
  /** What can be compiled. */
  public static final String SUPPORTED = "mlsys TribuoModel over Tribuo LinearSGDModel (logistic, hinge, regression),"
      + " LibLinearClassificationModel, TreeModel (CART), IndependentRegressionTreeModel, WeightedEnsembleModel of"
      + " trees (random forest, extra trees, bagging, Tribuo AdaBoost; VotingCombiner, FullyWeightedVotingCombiner,"
      + " AveragingCombiner) and XGBoostModel (gbtree); mlsys EnsembleModel (bagging, AdaBoost SAMME / SAMME.R,"
      + " voting) and StackingModel over supported members; BaselineModel with a constant output (most-frequent,"
      + " prior, constant, mean, median); xgboost4j gbtree boosters";

  private ModelCompiler() {}

  /**
   * @param model a trained model
   * @return the compiled model, reading vectors in {@code model.featureNames()} order
   * @throws UnsupportedModelException if the model, or a part of it, is not supported
   */
  public static CompiledModel compile(TrainedModel model) {
    return compile(model, Objects.requireNonNull(model, "model").featureNames());
  }

  /**
   * @param model a trained model
   * @param inputNames the names of the input vector's features, in order; a superset of the
   *     model's features, in any order
   * @return the compiled model, reading vectors in {@code inputNames} order
   * @throws UnsupportedModelException if the model, or a part of it, is not supported
   * @throws dev.mlsys.api.IncompatibleSchemaException if the inputs lack a feature of the model
   */
  public static CompiledModel compile(TrainedModel model, List<String> inputNames) {
    return build(model, inputNames, false);
  }

  /**
   * Compiles a model for the vectors a fitted transform writes, and puts the transform in front.
   *
   * @param model a trained model
   * @param transform the fitted transform (feature pipeline) the model's inputs come from
   * @return a thread-safe row predictor that allocates only its result
   * @throws UnsupportedModelException if the model is not supported
   * @throws dev.mlsys.api.IncompatibleSchemaException if the transform does not write a feature
   *     the model reads
   */
  public static Predictor compile(TrainedModel model, RowTransform transform) {
    Objects.requireNonNull(transform, "transform");
    return compile(model, transform.outputNames()).onRows(transform);
  }

  /**
   * Compiles what can be compiled; any other part (a model type, a member, a booster the compiler
   * cannot read) runs through the model's own {@code output}, which allocates per call and rejects
   * missing values, or through xgboost4j for a booster, disposing each native matrix.
   * {@link CompiledModel#usesFallback()} tells whether that happened.
   *
   * @param model a trained model
   * @param inputNames the names of the input vector's features, in order
   * @return the compiled model
   * @throws dev.mlsys.api.IncompatibleSchemaException if the inputs lack a feature of the model
   */
  public static CompiledModel compileOrFallback(TrainedModel model, List<String> inputNames) {
    return build(model, inputNames, true);
  }

  /**
   * Compiles a Tribuo model as {@code TribuoModel.of(model, inputNames, classes, ...)} would predict
   * with the classes in Tribuo's output order.
   *
   * @param model a Tribuo classification ({@link Label}) or one-dimensional regression
   *     ({@link Regressor}) model
   * @param inputNames the names of the input vector's features, in order; Tribuo features not
   *     among them are always absent
   * @return the compiled model
   * @throws UnsupportedModelException if the model is not supported
   */
  public static CompiledModel compileTribuo(Model<?> model, List<String> inputNames) {
    Objects.requireNonNull(model, "model");
    Inputs inputs = new Inputs(inputNames);
    Task task;
    List<String> classes = new ArrayList<>();
    if (model.validate(Label.class)) {
      task = Task.CLASSIFICATION;
      for (int i = 0; i < model.getOutputIDInfo().size(); i++) {
        classes.add(((Label) model.getOutputIDInfo().getOutput(i)).getLabel());
      }
    } else if (model.validate(Regressor.class)) {
      task = Task.REGRESSION;
    } else {
      throw new UnsupportedModelException("only Tribuo Label and Regressor models can be compiled but '" + model.getName()
          + "' predicts " + model.getOutputIDInfo().getClass().getName());
    }
    Kernel k = TribuoReader.read(model, new TribuoReader.Target(task, classes, inputs, false));
    return new CompiledModel(k, task, inputs.names(), classes, model.getName(), false);
  }

  /**
   * Compiles an xgboost4j {@code gbtree} booster. The booster is only read, never changed or
   * disposed. Classes are named {@code "0"}, {@code "1"}, ... (the label values XGBoost was
   * trained on); regression objectives give one value.
   *
   * @param booster the booster
   * @param featureNames the names of the booster's feature columns, in column order; the input
   *     vectors are in this order
   * @return the compiled model
   * @throws UnsupportedModelException if the booster type, an objective or a split kind is not
   *     supported (objectives: {@value XGBoostReader#OBJECTIVES})
   */
  public static CompiledModel compileXGBoost(Booster booster, List<String> featureNames) {
    Objects.requireNonNull(booster, "booster");
    Inputs inputs = new Inputs(featureNames);
    int[] inputOf = new int[featureNames.size()];
    for (int f = 0; f < inputOf.length; f++) {
      inputOf[f] = f;
    }
    XGBoostReader.Parsed parsed = XGBoostReader.parse(booster, inputOf);
    int numClass = parsed.numClass();
    Task task;
    List<String> classes = new ArrayList<>();
    switch (parsed.objective()) {
      case "multi:softprob", "multi:softmax" -> {
        task = Task.CLASSIFICATION;
        for (int c = 0; c < numClass; c++) {
          classes.add(Integer.toString(c));
        }
      }
      case "binary:logistic" -> {
        task = Task.CLASSIFICATION;
        classes.add("0");
        classes.add("1");
      }
      default -> task = Task.REGRESSION;
    }
    int[] pos = task == Task.REGRESSION ? null : identity(classes.size());
    Kernel k = XGBoostReader.kernel(parsed, inputs.width(), task, Math.max(1, classes.size()), pos, false, "xgboost4j");
    return new CompiledModel(k, task, inputs.names(), classes, "xgboost4j(" + parsed.objective() + ")", false);
  }

  private static CompiledModel build(TrainedModel model, List<String> inputNames, boolean fallback) {
    Objects.requireNonNull(model, "model");
    Inputs inputs = new Inputs(inputNames);
    boolean[] fellBack = new boolean[1];
    Kernel k = kernel(model, inputs, fallback, fellBack);
    return new CompiledModel(k, model.task(), inputs.names(), model.classes(), model.name(), fellBack[0]);
  }

  private static Kernel kernel(TrainedModel model, Inputs inputs, boolean fallback, boolean[] fellBack) {
    int[] positions = inputs.requireAll(model.featureNames(), model.name());
    try {
      return supported(model, inputs, fallback, fellBack);
    } catch (UnsupportedModelException e) {
      if (!fallback) {
        throw e;
      }
      fellBack[0] = true;
      return new ModelKernel(inputs.width(), model, positions);
    }
  }

  private static Kernel supported(TrainedModel model, Inputs inputs, boolean fallback, boolean[] fellBack) {
    if (model instanceof TribuoModel t) {
      Kernel k = TribuoReader.read(t.tribuoModel(), new TribuoReader.Target(t.task(), t.classes(), inputs, fallback));
      if (k instanceof NativeXGBoostKernel) {
        fellBack[0] = true;
      }
      return k;
    }
    if (model instanceof BaselineModel b) {
      return new ConstantKernel(inputs.width(), constant(b));
    }
    if (model instanceof EnsembleModel e) {
      return ensemble(e, inputs, fallback, fellBack);
    }
    if (model instanceof StackingModel s) {
      return stacking(s, inputs, fallback, fellBack);
    }
    throw new UnsupportedModelException("cannot compile " + model + "; supported are " + SUPPORTED);
  }

  private static double[] constant(BaselineModel b) {
    return switch (b.strategy()) {
      case MOST_FREQUENT, PRIOR, CONSTANT, MEAN, MEDIAN -> b.output(new double[b.featureNames().size()]);
      case STRATIFIED, UNIFORM -> throw new UnsupportedModelException("baseline '" + b.name()
          + "' draws its answer at random; only constant baselines (most-frequent, prior, constant, mean, median)"
          + " can be compiled");
    };
  }

  /** The members as trees whose leaves hold the member's output, or null if one is not a single tree. */
  private static List<Tree> memberTrees(EnsembleModel e, Inputs inputs) {
    List<Tree> trees = new ArrayList<>();
    for (TrainedModel m : e.members()) {
      inputs.requireAll(m.featureNames(), m.name());
      Tree t = null;
      if (m instanceof TribuoModel tm) {
        t = TribuoReader.singleTree(tm.tribuoModel(), new TribuoReader.Target(tm.task(), tm.classes(), inputs, false));
      } else if (m instanceof BaselineModel b && b.strategy() != dev.mlsys.models.BaselineStrategy.STRATIFIED
          && b.strategy() != dev.mlsys.models.BaselineStrategy.UNIFORM) {
        t = new Tree();
        t.root(t.leaf(constant(b)));
      }
      if (t == null) {
        return null;
      }
      trees.add(t);
    }
    return trees;
  }

  private static Kernel ensemble(EnsembleModel e, Inputs inputs, boolean fallback, boolean[] fellBack) {
    double[] weights = e.weights();
    double weightSum = 0;
    for (double w : weights) {
      weightSum += w;
    }
    double[] share = new double[weights.length];
    for (int m = 0; m < weights.length; m++) {
      share[m] = weights[m] / weightSum;
    }
    Combiner combiner = e.combiner();
    int k = e.task() == Task.REGRESSION ? 1 : e.classes().size();
    List<Tree> trees = memberTrees(e, inputs);
    if (trees != null) {
      // Every member is one tree: fold its weighted term into its leaves, so the whole ensemble
      // is one sum over leaves.
      List<Tree> terms = new ArrayList<>(trees.size());
      for (int m = 0; m < trees.size(); m++) {
        double s = share[m];
        terms.add(trees.get(m).mapPayloads(out -> term(combiner, s, out, k)));
      }
      ForestKernel.After after = switch (combiner) {
        case MEAN -> ForestKernel.After.NONE;
        case HARD_VOTE, SOFT_VOTE -> ForestKernel.After.NORMALIZE;
        case SAMME, SAMME_R -> ForestKernel.After.SAMME;
      };
      return new ForestKernel(inputs.width(), k, ForestKernel.Mode.SUM, after, TreeLayout.of(terms, k, false), null);
    }
    Kernel[] members = new Kernel[e.members().size()];
    for (int m = 0; m < members.length; m++) {
      members[m] = kernel(e.members().get(m), inputs, fallback, fellBack);
    }
    return new EnsembleKernel(inputs.width(), members, share, combiner);
  }

  /** A member's additive term for one output, as {@code EnsembleModel} computes it. */
  private static double[] term(Combiner combiner, double share, double[] out, int k) {
    double[] t = new double[k];
    switch (combiner) {
      case MEAN -> t[0] = share * out[0];
      case SOFT_VOTE -> {
        for (int c = 0; c < k; c++) {
          t[c] = share * out[c];
        }
      }
      case HARD_VOTE, SAMME -> t[Finish.argmax(out, 0, k)] = share;
      case SAMME_R -> {
        double eps = Math.ulp(1.0);
        double meanLog = 0;
        double[] logs = new double[k];
        for (int c = 0; c < k; c++) {
          logs[c] = Math.log(Math.max(out[c], eps));
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

  private static Kernel stacking(StackingModel s, Inputs inputs, boolean fallback, boolean[] fellBack) {
    List<TrainedModel> bases = s.bases();
    List<String> stacked = StackingModel.stackedFeatureNames(bases, s.passthrough());
    if (!s.meta().featureNames().equals(stacked)) {
      throw new UnsupportedModelException("the meta-model of '" + s.name() + "' reads " + s.meta().featureNames()
          + " but the stacked features are " + stacked);
    }
    Kernel[] kernels = new Kernel[bases.size()];
    for (int m = 0; m < kernels.length; m++) {
      kernels[m] = kernel(bases.get(m), inputs, fallback, fellBack);
    }
    TrainedModel first = bases.get(0);
    int perBase = first.task() == Task.REGRESSION || first.classes().size() == 2 ? 1 : first.classes().size();
    int[] passthrough = s.passthrough() ? inputs.requireAll(s.featureNames(), s.name()) : new int[0];
    Kernel meta = kernel(s.meta(), new Inputs(s.meta().featureNames()), fallback, fellBack);
    return new StackingKernel(inputs.width(), kernels, perBase, passthrough, meta);
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }
}
