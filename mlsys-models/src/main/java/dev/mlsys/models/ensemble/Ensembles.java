package dev.mlsys.models.ensemble;

import dev.mlsys.models.Combiner;
import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.Parallel;
import dev.mlsys.models.TrainedModel;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point for ensembles: bagging, AdaBoost, stacking and voting. Each factory returns an
 * immutable trainer; every ensemble it fits is a {@link TrainedModel} (so a
 * {@link dev.mlsys.api.VectorPredictor}, and a {@link dev.mlsys.api.Predictor} through
 * {@link TrainedModel#onRows}) that reports per-member contributions.
 *
 * <pre>{@code
 * EnsembleModel forest = Ensembles.bagging(Trainers.cart()).members(100).threads(2).seed(1).fit(train);
 * EnsembleModel boosted = Ensembles.adaBoost(Trainers.cart().maxDepth(1)).rounds(200).fit(train);
 * StackingModel stacked = Ensembles.stacking(Trainers.randomForest(), Trainers.xgboost()).fit(train);
 * EnsembleModel vote = Ensembles.voting(Trainers.logisticRegression(), Trainers.xgboost()).soft().fit(train);
 * }</pre>
 *
 * <p>Thread-safety: stateless; the trainers are immutable.
 */
public final class Ensembles {
  private Ensembles() {}

  /**
   * @param member the trainer of every member
   * @return bagging with 10 members, soft voting, an out-of-bag estimate, all cores, seed 1
   */
  public static Bagging bagging(ModelTrainer member) {
    return new Bagging(member, 10, 1.0, false, true, Parallel.defaultThreads(), 1L);
  }

  /**
   * @param weak the weak learner; it must use example weights (trees, linear SGD, XGBoost)
   * @return SAMME.R AdaBoost with 50 rounds and learning rate 1, seed 1
   */
  public static AdaBoost adaBoost(ModelTrainer weak) {
    return new AdaBoost(weak, 50, 1.0, AdaBoost.Algorithm.SAMME_R, 1L);
  }

  /**
   * @param bases the base trainers, at least one
   * @return stacking over 5 folds with the default meta-model, all cores, seed 1
   */
  public static Stacking stacking(ModelTrainer... bases) {
    return new Stacking(Arrays.asList(bases), null, 5, false, Parallel.defaultThreads(), 1L);
  }

  /**
   * @param bases the base trainers, at least one
   * @return stacking over 5 folds with the default meta-model
   */
  public static Stacking stacking(List<? extends ModelTrainer> bases) {
    return new Stacking(List.copyOf(bases), null, 5, false, Parallel.defaultThreads(), 1L);
  }

  /**
   * @param trainers the member trainers, at least one
   * @return soft voting with equal weights
   */
  public static Voting voting(ModelTrainer... trainers) {
    return new Voting(Arrays.asList(trainers), null, false, Parallel.defaultThreads(), 1L);
  }

  /**
   * Combines models trained elsewhere.
   *
   * @param models the members, of one task with the same features and classes
   * @param weights one weight per member, or {@code null} for equal weights
   * @param hard whether to count votes instead of averaging probabilities (ignored for regression)
   * @return the voting ensemble
   * @throws IllegalArgumentException if the members disagree or a weight is invalid
   */
  public static EnsembleModel vote(List<? extends TrainedModel> models, double[] weights, boolean hard) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("voting needs at least one model");
    }
    Combiner combiner = models.get(0).task() == dev.mlsys.models.Task.REGRESSION ? Combiner.MEAN
        : hard ? Combiner.HARD_VOTE : Combiner.SOFT_VOTE;
    return Voting.combine(models, weights, combiner);
  }
}
