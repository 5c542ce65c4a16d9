package dev.mlsys.models.compiled;

import dev.mlsys.models.LabeledData;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.Trainers;
import dev.mlsys.models.TribuoModel;
import dev.mlsys.models.ensemble.AdaBoost;
import dev.mlsys.models.ensemble.Ensembles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.AdaBoostTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import dev.mlsys.models.tribuo.TribuoData;

/**
 * Small trained models of every supported kind, trained once per test JVM. Feature names are not
 * in sorted order (Tribuo sorts them) and the binary classes are listed as {@code yes, no} (not
 * Tribuo's order), so the compiled name-to-position mapping is exercised.
 */
final class Fixtures {
  private Fixtures() {}

  /** The input features, in vector order. */
  static final List<String> FEATURES = List.of("zeta", "alpha", "mid", "beta", "x9", "x10");
  static final int WIDTH = FEATURES.size();

  static final LabeledData BINARY = data(Task.CLASSIFICATION, 2, 300, 11);
  static final LabeledData MULTI = data(Task.CLASSIFICATION, 3, 300, 12);
  static final LabeledData REGRESSION = data(Task.REGRESSION, 0, 300, 13);

  private static final Map<String, Object> CACHE = new LinkedHashMap<>();

  /** A model of each kind, by name; trained on first use. */
  static synchronized TrainedModel model(String name) {
    return (TrainedModel) CACHE.computeIfAbsent(name, n -> MODELS.get(n).get());
  }

  /** A raw Tribuo model, by name; trained on first use. */
  static synchronized Model<?> tribuo(String name) {
    return (Model<?>) CACHE.computeIfAbsent("tribuo:" + name, n -> TRIBUO.get(name).get());
  }

  static final Map<String, Supplier<TrainedModel>> MODELS = new LinkedHashMap<>();
  static final Map<String, Supplier<Model<?>>> TRIBUO = new LinkedHashMap<>();

  static {
    MODELS.put("logistic", () -> Trainers.logisticRegression().fit(BINARY));
    MODELS.put("logistic3", () -> Trainers.logisticRegression().fit(MULTI));
    MODELS.put("sgd", () -> Trainers.linearSgd().epochs(3).fit(BINARY));
    MODELS.put("sgd3", () -> Trainers.linearSgd().epochs(3).fit(MULTI));
    MODELS.put("sgdRegression", () -> Trainers.linearSgd().epochs(3).fit(REGRESSION));
    MODELS.put("cart", () -> Trainers.cart().maxDepth(5).fit(BINARY));
    MODELS.put("cartDeep", () -> Trainers.cart().fit(BINARY));
    MODELS.put("cart3", () -> Trainers.cart().maxDepth(4).fit(MULTI));
    MODELS.put("cartRegression", () -> Trainers.cart().maxDepth(5).fit(REGRESSION));
    MODELS.put("forest", () -> Trainers.randomForest().trees(12).maxDepth(5).threads(1).fit(BINARY));
    MODELS.put("forestHard", () -> Trainers.randomForest().trees(12).maxDepth(4).softVoting(false).threads(1)
        .fit(BINARY));
    MODELS.put("forestDeep3", () -> Trainers.randomForest().trees(6).threads(1).fit(MULTI));
    MODELS.put("extraTrees", () -> Trainers.extraTrees().trees(10).maxDepth(6).threads(1).fit(BINARY));
    MODELS.put("forestRegression", () -> Trainers.randomForest().trees(8).maxDepth(5).threads(1).fit(REGRESSION));
    MODELS.put("extraTreesRegression", () -> Trainers.extraTrees().trees(8).maxDepth(5).threads(1).fit(REGRESSION));
    MODELS.put("xgboost", () -> Trainers.xgboost().trees(10).maxDepth(4).fit(BINARY));
    MODELS.put("xgboost3", () -> Trainers.xgboost().trees(6).maxDepth(3).fit(MULTI));
    MODELS.put("xgboostRegression", () -> Trainers.xgboost().trees(10).maxDepth(4).fit(REGRESSION));
    MODELS.put("bagging", () -> Ensembles.bagging(Trainers.cart().maxDepth(4)).members(6).threads(1).fit(BINARY));
    MODELS.put("baggingHard", () -> Ensembles.bagging(Trainers.cart().maxDepth(4)).members(6).hardVoting().threads(1)
        .fit(MULTI));
    MODELS.put("baggingRegression", () -> Ensembles.bagging(Trainers.cart().maxDepth(4)).members(5).threads(1)
        .fit(REGRESSION));
    MODELS.put("adaBoostSamme", () -> Ensembles.adaBoost(Trainers.cart().maxDepth(2)).rounds(8)
        .algorithm(AdaBoost.Algorithm.SAMME).fit(MULTI));
    MODELS.put("adaBoostSammeR", () -> Ensembles.adaBoost(Trainers.cart().maxDepth(2)).rounds(8).fit(BINARY));
    MODELS.put("votingMixed", () -> Ensembles.voting(Trainers.logisticRegression(), Trainers.cart().maxDepth(3),
        Trainers.randomForest().trees(5).maxDepth(3).threads(1)).weights(1, 2, 1).soft().threads(1).fit(BINARY));
    MODELS.put("adaBoostSgd", () -> Ensembles.adaBoost(Trainers.linearSgd().epochs(2)).rounds(3)
        .algorithm(AdaBoost.Algorithm.SAMME).fit(MULTI));
    MODELS.put("stacking", () -> Ensembles.stacking(Trainers.logisticRegression(), Trainers.cart().maxDepth(3))
        .folds(3).threads(1).fit(BINARY));
    MODELS.put("stacking3", () -> Ensembles.stacking(Trainers.cart().maxDepth(3), Trainers.linearSgd().epochs(2))
        .passthrough(true).folds(3).threads(1).fit(MULTI));

    TRIBUO.put("hinge", () -> new LinearSGDTrainer(new Hinge(), new AdaGrad(0.5, 0.1), 3, 1).train(
        TribuoData.classification(MULTI)));
    TRIBUO.put("svm", () -> new LibLinearClassificationTrainer(
        new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC), 1.0, 1000, 0.01, 1L)
        .train(TribuoData.classification(BINARY)));
    TRIBUO.put("svm3", () -> new LibLinearClassificationTrainer(
        new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC), 1.0, 1000, 0.01, 1L)
        .train(TribuoData.classification(MULTI)));
    TRIBUO.put("adaBoost", () -> new AdaBoostTrainer(new CARTClassificationTrainer(2), 6, 3L)
        .train(TribuoData.classification(MULTI)));
    TRIBUO.put("forestVotes", () -> new RandomForestTrainer<Label>(new CARTClassificationTrainer(4, 0.5f, 3L),
        new VotingCombiner(), 9, 5L).train(TribuoData.classification(BINARY)));
  }

  /** Every mlsys model name. */
  static List<String> modelNames() {
    return new ArrayList<>(MODELS.keySet());
  }

  /** A TrainedModel over a raw Tribuo fixture, with the classes in Tribuo's output order. */
  static TrainedModel wrapped(String tribuoName) {
    Model<?> m = tribuo(tribuoName);
    List<String> classes = new ArrayList<>();
    for (int i = 0; i < m.getOutputIDInfo().size(); i++) {
      classes.add(((Label) m.getOutputIDInfo().getOutput(i)).getLabel());
    }
    return TribuoModel.of(m, FEATURES, classes, tribuoName);
  }

  /**
   * A smooth nonlinear target over six features with interactions; features rounded to 1/8 so that
   * test rows hit training values (and so split thresholds' neighbourhoods) often.
   */
  static LabeledData data(Task task, int classes, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][WIDTH];
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < WIDTH; j++) {
        x[i][j] = Math.round(r.nextDouble(-3, 3) * 8) / 8.0;
      }
      score[i] = 1.2 * x[i][0] - 0.8 * x[i][1] + Math.sin(2 * x[i][2]) + 0.5 * x[i][3] * x[i][4]
          + (x[i][5] > 0.5 ? 1 : 0) + 0.7 * gaussian(r);
    }
    if (task == Task.REGRESSION) {
      return LabeledData.regression(FEATURES, x, score);
    }
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = classes == 2 ? (score[i] > 0.3 ? 0 : 1) : (score[i] < -0.8 ? 0 : score[i] < 1.0 ? 1 : 2);
    }
    List<String> names = classes == 2 ? List.of("yes", "no") : List.of("c", "a", "b");
    return LabeledData.classification(FEATURES, x, names, y);
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
