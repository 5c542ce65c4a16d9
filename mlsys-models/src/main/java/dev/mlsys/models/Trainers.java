package dev.mlsys.models;

import dev.mlsys.models.tribuo.TribuoTrainer;

/**
 * Entry point for the Tribuo-backed learners. Each factory returns an immutable, fluent
 * specification; the task (classification or regression) follows the data it is fitted on.
 *
 * <pre>{@code
 * TrainedModel lr = Trainers.logisticRegression().c(0.5).fit(train);
 * TrainedModel gbm = Trainers.xgboost().trees(200).learningRate(0.1).maxDepth(4).seed(7).fit(train);
 * }</pre>
 *
 * <p>Thread-safety: the specifications are immutable.
 */
public final class Trainers {
  private Trainers() {}

  /** @return L2-regularised logistic regression solved exactly by liblinear (classification only) */
  public static TribuoTrainer logisticRegression() {
    return TribuoTrainer.algorithm("logistic-regression");
  }

  /** @return a linear model trained by AdaGrad SGD: logistic loss (classification) or squared loss (regression) */
  public static TribuoTrainer linearSgd() {
    return TribuoTrainer.algorithm("linear-sgd");
  }

  /** @return one CART decision tree */
  public static TribuoTrainer cart() {
    return TribuoTrainer.algorithm("cart");
  }

  /** @return a random forest (Breiman 2001): bootstrapped CART trees, a random feature subset per split */
  public static TribuoTrainer randomForest() {
    return TribuoTrainer.algorithm("random-forest");
  }

  /** @return extra trees (Geurts, Ernst and Wehenkel 2006): random split points, bootstrapped as Tribuo does */
  public static TribuoTrainer extraTrees() {
    return TribuoTrainer.algorithm("extra-trees");
  }

  /** @return gradient-boosted trees by XGBoost (Chen and Guestrin 2016) */
  public static TribuoTrainer xgboost() {
    return TribuoTrainer.algorithm("xgboost");
  }

  /**
   * @param name one of {@code logistic-regression, linear-sgd, cart, random-forest, extra-trees,
   *     xgboost}
   * @return the trainer of that name with its defaults
   * @throws IllegalArgumentException for another name, listing the known ones
   */
  public static TribuoTrainer byName(String name) {
    return TribuoTrainer.algorithm(name);
  }
}
