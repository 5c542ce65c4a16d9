package dev.mlsys.models.ensemble;

import dev.mlsys.models.LabeledData;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.Parallel;
import dev.mlsys.models.StackingModel;
import dev.mlsys.models.Task;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.selection.CrossValidation;
import dev.mlsys.models.selection.Folds;
import dev.mlsys.models.selection.Metric;
import dev.mlsys.models.selection.Search;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stacked generalisation (Wolpert 1992, "Stacked generalization"): the meta-model learns from
 * out-of-fold predictions only, so it never sees a base model's answer on an example that base
 * model was trained on; afterwards every base model is refit on all the data.
 *
 * <pre>{@code
 * StackingModel stack = Ensembles.stacking(Trainers.randomForest(), Trainers.xgboost())
 *     .meta(Trainers.logisticRegression()).folds(5).seed(7).fit(train);
 * }</pre>
 *
 * <p>The folds are stratified for classification; the default meta-model is logistic regression
 * whose regularisation is chosen by cross-validated log loss on the out-of-fold features
 * (classification), or linear SGD (regression).
 *
 * <p>Thread-safety: immutable; the (fold, base) fits run on {@code threads} threads and the
 * result does not depend on their number.
 */
public final class Stacking implements ModelTrainer {
  private final List<ModelTrainer> bases;
  private final ModelTrainer meta;
  private final int folds;
  private final boolean passthrough;
  private final int threads;
  private final long seed;

  Stacking(List<ModelTrainer> bases, ModelTrainer meta, int folds, boolean passthrough, int threads, long seed) {
    this.bases = List.copyOf(bases);
    if (this.bases.isEmpty()) {
      throw new IllegalArgumentException("stacking needs at least one base trainer");
    }
    this.meta = meta;
    this.folds = folds;
    this.passthrough = passthrough;
    this.threads = threads;
    this.seed = seed;
  }

  /** @param m the meta-model trainer @return a copy */
  public Stacking meta(ModelTrainer m) {
    return new Stacking(bases, Objects.requireNonNull(m, "meta"), folds, passthrough, threads, seed);
  }

  /** @param k the number of folds, &gt;= 2 @return a copy */
  public Stacking folds(int k) {
    if (k < 2) {
      throw new IllegalArgumentException("folds must be >= 2 but was: " + k);
    }
    return new Stacking(bases, meta, k, passthrough, threads, seed);
  }

  /** @param on whether the meta-model also reads the original features @return a copy */
  public Stacking passthrough(boolean on) {
    return new Stacking(bases, meta, folds, on, threads, seed);
  }

  /** @param n worker threads, &gt;= 1 @return a copy */
  public Stacking threads(int n) {
    return new Stacking(bases, meta, folds, passthrough, Params.positiveInt("threads", n), seed);
  }

  /** @param s the seed of the folds @return a copy */
  public Stacking seed(long s) {
    return new Stacking(bases, meta, folds, passthrough, threads, s);
  }

  /** @return the base trainers */
  public List<ModelTrainer> bases() {
    return bases;
  }

  /**
   * @param data the training data
   * @return the out-of-fold predictions the meta-model learns from
   */
  public OutOfFold outOfFold(LabeledData data) {
    Folds f = data.task() == Task.CLASSIFICATION ? Folds.stratified(data.classIndices(), folds, seed)
        : Folds.kFold(data.size(), folds, seed);
    int nb = bases.size();
    List<List<double[]>> predictions = Parallel.map(folds * nb, threads, task -> {
      int fold = task / nb;
      int b = task % nb;
      TrainedModel model = bases.get(b).fit(data.subset(f.train(fold)));
      List<double[]> out = new ArrayList<>();
      for (double[] o : model.outputs(data.subset(f.test(fold)).rows())) {
        out.add(StackingModel.stackedColumns(model, o));
      }
      return out;
    });
    int per = data.task() == Task.REGRESSION || data.classes().size() == 2 ? 1 : data.classes().size();
    int width = per * nb + (passthrough ? data.width() : 0);
    double[][] z = new double[data.size()][width];
    for (int fold = 0; fold < folds; fold++) {
      int[] test = f.test(fold);
      for (int b = 0; b < nb; b++) {
        List<double[]> cols = predictions.get(fold * nb + b);
        for (int t = 0; t < test.length; t++) {
          System.arraycopy(cols.get(t), 0, z[test[t]], b * per, per);
        }
      }
    }
    if (passthrough) {
      for (int i = 0; i < z.length; i++) {
        for (int j = 0; j < data.width(); j++) {
          z[i][per * nb + j] = data.value(i, j);
        }
      }
    }
    List<String> names = stackedNames(data, per);
    LabeledData stacked = data.task() == Task.CLASSIFICATION
        ? LabeledData.classification(names, z, data.classes(), data.classIndices())
        : LabeledData.regression(names, z, data.targets());
    return new OutOfFold(data.weighted() ? weighted(stacked, data) : stacked, f);
  }

  private static LabeledData weighted(LabeledData stacked, LabeledData data) {
    double[] w = new double[data.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = data.weightOf(i);
    }
    return stacked.withWeights(w);
  }

  private List<String> stackedNames(LabeledData data, int per) {
    List<String> names = new ArrayList<>();
    for (int b = 0; b < bases.size(); b++) {
      if (data.task() == Task.REGRESSION) {
        names.add("m" + b + ":value");
      } else if (per == 1) {
        names.add("m" + b + ":" + data.classes().get(1));
      } else {
        for (String c : data.classes()) {
          names.add("m" + b + ":" + c);
        }
      }
    }
    if (passthrough) {
      names.addAll(data.featureNames());
    }
    return names;
  }

  @Override
  public StackingModel fit(LabeledData data) {
    OutOfFold oof = outOfFold(data);
    TrainedModel metaModel = metaTrainer(oof.data()).fit(oof.data());
    List<TrainedModel> refit = Parallel.map(bases.size(), threads, b -> bases.get(b).fit(data));
    int stackedWidth = oof.data().width() - (passthrough ? data.width() : 0);
    double[] means = new double[stackedWidth];
    for (int i = 0; i < data.size(); i++) {
      for (int j = 0; j < stackedWidth; j++) {
        means[j] += oof.data().value(i, j);
      }
    }
    for (int j = 0; j < stackedWidth; j++) {
      means[j] /= data.size();
    }
    return StackingModel.of(refit, metaModel, passthrough, means);
  }

  /** The default classification meta-model: logistic regression, its C chosen by log loss over these. */
  static final double[] META_C = {0.01, 0.1, 1, 10, 100};

  /**
   * The given meta trainer, or the default: for classification logistic regression whose inverse
   * regularisation C is chosen by stratified 5-fold cross-validation of the log loss on the
   * out-of-fold features (as scikit-learn's LogisticRegressionCV does); for regression linear SGD.
   */
  ModelTrainer metaTrainer(LabeledData stacked) {
    if (meta != null) {
      return meta;
    }
    if (stacked.task() == Task.REGRESSION) {
      return Trainers.linearSgd();
    }
    Object[] cs = new Object[META_C.length];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = META_C[i];
    }
    return Search.grid(Trainers.logisticRegression()).param("c", cs)
        .cv(CrossValidation.stratified(Math.min(5, Math.max(2, minClassCount(stacked)))).seed(seed)).metric(Metric.LOG_LOSS)
        .threads(threads).run(stacked).best();
  }

  private static int minClassCount(LabeledData data) {
    int min = Integer.MAX_VALUE;
    for (int c : data.classCounts()) {
      if (c > 0) {
        min = Math.min(min, c);
      }
    }
    return min;
  }

  @Override
  public String name() {
    return "stacking";
  }

  @Override
  public Map<String, Object> params() {
    List<String> names = new ArrayList<>();
    bases.forEach(b -> names.add(b.describe()));
    return Params.ordered("bases", names, "meta", meta == null ? "logistic-regression, c by 5-fold cross-validation" : meta.describe(), "folds", folds,
        "passthrough", passthrough, "threads", threads, "seed", seed);
  }

  @Override
  public ModelTrainer with(String name, Object value) {
    return switch (name) {
      case "folds" -> folds(Params.positiveInt(name, value));
      case "threads" -> threads(Params.positiveInt(name, value));
      case "seed" -> seed(Params.seed(value));
      default -> throw Params.unknown("stacking", name, params());
    };
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public ModelTrainer withSeed(long s) {
    return seed(s);
  }

  @Override
  public String toString() {
    return describe();
  }
}
