package dev.mlsys.models.tribuo;

import dev.mlsys.models.LabeledData;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.Task;
import dev.mlsys.models.TribuoModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.DecisionTreeTrainer;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.ensemble.EnsembleCombiner;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * A fluent, immutable specification of one Tribuo learner. Obtain one from
 * {@link dev.mlsys.models.Trainers}; every setter returns a changed copy, so specifications are
 * safe to keep in constants and to vary in a search:
 *
 * <pre>{@code
 * TribuoTrainer forest = Trainers.randomForest().trees(200).maxDepth(12).seed(42);
 * TrainedModel model = forest.fit(train);      // classification or regression, by the data
 * }</pre>
 *
 * <p>Setting a parameter the algorithm does not have is an {@link IllegalArgumentException}
 * naming the algorithm's parameters. Defaults follow scikit-learn where Tribuo differs
 * (trees grow until pure, {@code minChildWeight} 1, forests try {@code sqrt(p)} features per
 * split for classification and average class probabilities).
 *
 * <p>Random forests and extra trees are trained by {@link TribuoBagging}: the same model as
 * Tribuo's own trainers, with members built on {@code threads} threads; the thread count never
 * changes the model.
 *
 * <p>Thread-safety: immutable; {@link #fit(LabeledData)} may run on several threads at once.
 */
public final class TribuoTrainer implements ModelTrainer {
  /** The feature fraction meaning "the square root of the number of features". */
  public static final String SQRT = "sqrt";

  enum Algorithm {
    LOGISTIC_REGRESSION("logistic-regression"),
    LINEAR_SGD("linear-sgd"),
    CART("cart"),
    RANDOM_FOREST("random-forest"),
    EXTRA_TREES("extra-trees"),
    XGBOOST("xgboost");

    final String id;

    Algorithm(String id) {
      this.id = id;
    }
  }

  private final Algorithm algorithm;
  private final Map<String, Object> params;

  private TribuoTrainer(Algorithm algorithm, Map<String, Object> params) {
    this.algorithm = algorithm;
    this.params = Collections.unmodifiableMap(params);
  }

  /**
   * @param id one of {@code logistic-regression, linear-sgd, cart, random-forest, extra-trees, xgboost}
   * @return that learner with its defaults
   * @throws IllegalArgumentException for another id, listing the known ones
   */
  public static TribuoTrainer algorithm(String id) {
    Objects.requireNonNull(id, "id");
    for (Algorithm a : Algorithm.values()) {
      if (a.id.equals(id)) {
        return create(a);
      }
    }
    throw new IllegalArgumentException("unknown model '" + id + "'; known models are logistic-regression, linear-sgd,"
        + " cart, random-forest, extra-trees, xgboost");
  }

  static TribuoTrainer create(Algorithm algorithm) {
    Map<String, Object> p = new LinkedHashMap<>();
    int cores = Runtime.getRuntime().availableProcessors();
    switch (algorithm) {
      case LOGISTIC_REGRESSION -> {
        p.put("c", 1.0);
        p.put("maxIterations", 1000);
        p.put("tolerance", 0.01);
      }
      case LINEAR_SGD -> {
        p.put("epochs", 10);
        p.put("learningRate", 1.0);
        p.put("minibatch", 1);
      }
      case CART -> {
        p.put("maxDepth", Integer.MAX_VALUE);
        p.put("minChildWeight", 1.0);
        p.put("minImpurityDecrease", 0.0);
        p.put("featureFraction", 1.0);
      }
      case RANDOM_FOREST, EXTRA_TREES -> {
        p.put("trees", 100);
        p.put("maxDepth", Integer.MAX_VALUE);
        p.put("minChildWeight", 1.0);
        p.put("featureFraction", algorithm == Algorithm.RANDOM_FOREST ? SQRT : 1.0);
        p.put("softVoting", true);
        p.put("threads", cores);
      }
      case XGBOOST -> {
        p.put("trees", 100);
        p.put("learningRate", 0.3);
        p.put("maxDepth", 6);
        p.put("minChildWeight", 1.0);
        p.put("subsample", 1.0);
        p.put("featureFraction", 1.0);
        p.put("l2", 1.0);
        p.put("l1", 0.0);
        p.put("gamma", 0.0);
        p.put("threads", 1);
      }
    }
    p.put("seed", 1L);
    return new TribuoTrainer(algorithm, p);
  }

  /** @param v maximum tree depth, &gt;= 1 @return a copy */
  public TribuoTrainer maxDepth(int v) {
    return set("maxDepth", v);
  }

  /** @param v the smallest summed example weight a tree node needs to be split, &gt; 0 @return a copy */
  public TribuoTrainer minChildWeight(double v) {
    return set("minChildWeight", v);
  }

  /** @param v fraction of the impurity of the root a split must remove, &gt;= 0 @return a copy */
  public TribuoTrainer minImpurityDecrease(double v) {
    return set("minImpurityDecrease", v);
  }

  /** @param v fraction of the features tried per split (trees) or per tree (XGBoost), in (0, 1] @return a copy */
  public TribuoTrainer featureFraction(double v) {
    return set("featureFraction", v);
  }

  /** @return a copy that tries {@code floor(sqrt(p))} of the {@code p} features per split */
  public TribuoTrainer featureFractionSqrt() {
    return set("featureFraction", SQRT);
  }

  /** @param v the number of trees or boosting rounds, &gt;= 1 @return a copy */
  public TribuoTrainer trees(int v) {
    return set("trees", v);
  }

  /** @param v the learning rate (SGD's initial AdaGrad rate, XGBoost's eta), &gt; 0 @return a copy */
  public TribuoTrainer learningRate(double v) {
    return set("learningRate", v);
  }

  /** @param v the number of passes over the data, &gt;= 1 @return a copy */
  public TribuoTrainer epochs(int v) {
    return set("epochs", v);
  }

  /** @param v the inverse of the L2 regularisation strength, &gt; 0 @return a copy */
  public TribuoTrainer c(double v) {
    return set("c", v);
  }

  /** @param v L2 regularisation of leaf weights (XGBoost lambda), &gt;= 0 @return a copy */
  public TribuoTrainer l2(double v) {
    return set("l2", v);
  }

  /** @param v L1 regularisation of leaf weights (XGBoost alpha), &gt;= 0 @return a copy */
  public TribuoTrainer l1(double v) {
    return set("l1", v);
  }

  /** @param v fraction of the examples each boosting round samples, in (0, 1] @return a copy */
  public TribuoTrainer subsample(double v) {
    return set("subsample", v);
  }

  /** @param v whether a forest averages class probabilities (true) or counts votes @return a copy */
  public TribuoTrainer softVoting(boolean v) {
    return set("softVoting", v);
  }

  /** @param v worker threads; never changes the trained model, &gt;= 1 @return a copy */
  public TribuoTrainer threads(int v) {
    return set("threads", v);
  }

  /** @param v the seed @return a copy */
  public TribuoTrainer seed(long v) {
    return set("seed", v);
  }

  private TribuoTrainer set(String name, Object value) {
    return (TribuoTrainer) with(name, value);
  }

  @Override
  public ModelTrainer with(String name, Object value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Object old = params.get(name);
    if (old == null) {
      throw new IllegalArgumentException(algorithm.id + " has no parameter '" + name + "'; its parameters are "
          + params.keySet());
    }
    Object v = convert(name, old, value);
    check(name, v);
    Map<String, Object> copy = new LinkedHashMap<>(params);
    copy.put(name, v);
    return new TribuoTrainer(algorithm, copy);
  }

  private Object convert(String name, Object old, Object value) {
    if ("featureFraction".equals(name) && SQRT.equals(value)) {
      return SQRT;
    }
    if (old instanceof Boolean) {
      if (value instanceof Boolean) {
        return value;
      }
    } else if (value instanceof Number n) {
      if (old instanceof Integer) {
        if (n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(name + " must be an integer but was: " + value);
        }
        return n.intValue();
      }
      if (old instanceof Long) {
        return n.longValue();
      }
      return n.doubleValue();
    }
    throw new IllegalArgumentException(name + " must be " + (old instanceof Boolean ? "a boolean" : "a number")
        + ("featureFraction".equals(name) ? " or \"" + SQRT + "\"" : "") + " but was: " + value);
  }

  private static void check(String name, Object v) {
    switch (name) {
      case "maxDepth", "trees", "epochs", "minibatch", "maxIterations", "threads" -> {
        if ((Integer) v < 1) {
          throw new IllegalArgumentException(name + " must be >= 1 but was: " + v);
        }
      }
      case "minChildWeight", "c", "learningRate", "tolerance" -> {
        double d = (Double) v;
        if (!(d > 0) || Double.isInfinite(d)) {
          throw new IllegalArgumentException(name + " must be finite and > 0 but was: " + v);
        }
      }
      case "minImpurityDecrease", "l1", "l2", "gamma" -> {
        double d = (Double) v;
        if (!(d >= 0) || Double.isInfinite(d)) {
          throw new IllegalArgumentException(name + " must be finite and >= 0 but was: " + v);
        }
      }
      case "featureFraction", "subsample" -> {
        if (v instanceof Double d && !(d > 0 && d <= 1)) {
          throw new IllegalArgumentException(name + " must be in (0, 1] but was: " + v);
        }
      }
      default -> { }
    }
  }

  @Override
  public ModelTrainer withSeed(long seed) {
    return seed(seed);
  }

  @Override
  public long seed() {
    return (Long) params.get("seed");
  }

  @Override
  public String name() {
    return algorithm.id;
  }

  @Override
  public Map<String, Object> params() {
    return params;
  }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TribuoTrainer t && algorithm == t.algorithm && params.equals(t.params);
  }

  @Override
  public int hashCode() {
    return algorithm.hashCode() * 31 + params.hashCode();
  }

  private int i(String name) {
    return (Integer) params.get(name);
  }

  private double d(String name) {
    return (Double) params.get(name);
  }

  private float fraction(int width) {
    Object f = params.get("featureFraction");
    if (SQRT.equals(f)) {
      return (float) Math.max(1, (int) Math.floor(Math.sqrt(width))) / width;
    }
    return (float) (double) (Double) f;
  }

  @Override
  public TribuoModel fit(LabeledData data) {
    Objects.requireNonNull(data, "data");
    Model<?> model = data.task() == Task.CLASSIFICATION ? fitClassifier(data) : fitRegressor(data);
    return TribuoModel.of(model, data.featureNames(), data.classes(), describe());
  }

  private Model<Label> fitClassifier(LabeledData data) {
    Dataset<Label> ds = TribuoData.classification(data);
    long seed = seed();
    return switch (algorithm) {
      case LOGISTIC_REGRESSION -> {
        if (data.weighted()) {
          throw new IllegalArgumentException("logistic-regression (liblinear) ignores example weights; "
              + "use linear-sgd or a tree learner on weighted data");
        }
        yield new LibLinearClassificationTrainer(new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR),
            d("c"), i("maxIterations"), d("tolerance"), seed).train(ds);
      }
      case LINEAR_SGD -> new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(),
          new AdaGrad(d("learningRate"), 0.1), i("epochs"), Integer.MAX_VALUE, i("minibatch"), seed).train(ds);
      case CART -> classificationTree(data.width(), false, seed).train(ds);
      case RANDOM_FOREST, EXTRA_TREES -> {
        CARTClassificationTrainer tree = classificationTree(data.width(), algorithm == Algorithm.EXTRA_TREES, seed);
        EnsembleCombiner<Label> combiner = (Boolean) params.get("softVoting")
            ? new FullyWeightedVotingCombiner() : new VotingCombiner();
        yield forest(tree, combiner, ds, seed);
      }
      case XGBOOST -> new XGBoostClassificationTrainer(i("trees"), d("learningRate"), d("gamma"), i("maxDepth"),
          d("minChildWeight"), d("subsample"), fractionDouble(data.width()), d("l2"), d("l1"), i("threads"), true, seed)
          .train(ds);
    };
  }

  private Model<Regressor> fitRegressor(LabeledData data) {
    Dataset<Regressor> ds = TribuoData.regression(data);
    long seed = seed();
    return switch (algorithm) {
      case LOGISTIC_REGRESSION -> throw new IllegalArgumentException(
          "logistic-regression is for classification but the data is regression; use linear-sgd");
      case LINEAR_SGD -> new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(),
          new AdaGrad(d("learningRate"), 0.1), i("epochs"), Integer.MAX_VALUE, i("minibatch"), seed).train(ds);
      case CART -> regressionTree(data.width(), false, seed).train(ds);
      case RANDOM_FOREST, EXTRA_TREES -> forest(regressionTree(data.width(), algorithm == Algorithm.EXTRA_TREES, seed),
          new AveragingCombiner(), ds, seed);
      case XGBOOST -> new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR, i("trees"),
          d("learningRate"), d("gamma"), i("maxDepth"), d("minChildWeight"), d("subsample"), fractionDouble(data.width()),
          d("l2"), d("l1"), i("threads"), true, seed).train(ds);
    };
  }

  private double fractionDouble(int width) {
    Object f = params.get("featureFraction");
    return SQRT.equals(f) ? (double) fraction(width) : (Double) f;
  }

  private CARTClassificationTrainer classificationTree(int width, boolean randomSplits, long seed) {
    return new CARTClassificationTrainer(i("maxDepth"), (float) d("minChildWeight"),
        (float) (double) (Double) params.getOrDefault("minImpurityDecrease", 0.0), fraction(width), randomSplits,
        new GiniIndex(), seed);
  }

  private CARTRegressionTrainer regressionTree(int width, boolean randomSplits, long seed) {
    Object f = params.get("featureFraction");
    // scikit-learn's forest regressors try every feature per split by default
    float fraction = SQRT.equals(f) && algorithm != Algorithm.CART ? 1.0f : fraction(width);
    return new CARTRegressionTrainer(i("maxDepth"), (float) d("minChildWeight"),
        (float) (double) (Double) params.getOrDefault("minImpurityDecrease", 0.0), fraction, randomSplits,
        new MeanSquaredError(), seed);
  }

  private <T extends Output<T>> Model<T> forest(DecisionTreeTrainer<T> tree, EnsembleCombiner<T> combiner, Dataset<T> ds,
      long seed) {
    int trees = i("trees");
    BaggingTrainer<T> reference;
    if (algorithm == Algorithm.EXTRA_TREES) {
      reference = new ExtraTreesTrainer<>(tree, combiner, trees, seed);
    } else if (tree.getFractionFeaturesInSplit() < 1f) {
      reference = new RandomForestTrainer<>(tree, combiner, trees, seed);
    } else {
      reference = new BaggingTrainer<>(tree, combiner, trees, seed);
    }
    return TribuoBagging.train(reference, tree, combiner, trees, seed, ds, i("threads"), algorithm.id);
  }

  /** @return the Tribuo trainer this specification builds for a task, for comparisons with Tribuo */
  public Trainer<?> toTribuo(Task task, int width) {
    long seed = seed();
    return switch (algorithm) {
      case CART -> task == Task.CLASSIFICATION ? classificationTree(width, false, seed) : regressionTree(width, false, seed);
      case RANDOM_FOREST, EXTRA_TREES -> {
        if (task == Task.CLASSIFICATION) {
          CARTClassificationTrainer tree = classificationTree(width, algorithm == Algorithm.EXTRA_TREES, seed);
          EnsembleCombiner<Label> combiner = (Boolean) params.get("softVoting")
              ? new FullyWeightedVotingCombiner() : new VotingCombiner();
          yield algorithm == Algorithm.EXTRA_TREES ? new ExtraTreesTrainer<>(tree, combiner, i("trees"), seed)
              : new RandomForestTrainer<>(tree, combiner, i("trees"), seed);
        }
        CARTRegressionTrainer tree = regressionTree(width, algorithm == Algorithm.EXTRA_TREES, seed);
        yield algorithm == Algorithm.EXTRA_TREES ? new ExtraTreesTrainer<>(tree, new AveragingCombiner(), i("trees"), seed)
            : new BaggingTrainer<>(tree, new AveragingCombiner(), i("trees"), seed);
      }
      default -> throw new UnsupportedOperationException("toTribuo supports the tree learners; this is "
          + algorithm.id.toUpperCase(Locale.ROOT));
    };
  }
}
