package dev.mlsys.models.selection;

import dev.mlsys.models.LabeledData;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.Parallel;
import dev.mlsys.models.ProgressListener;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * k-fold cross-validation, plain or stratified by class. Every fold's model is trained on the
 * other folds and scored on its own; the folds depend only on the data size (or classes), k and
 * the seed, so two trainers evaluated with the same instance see the same folds and can be
 * compared pairwise ({@link Comparison}).
 *
 * <pre>{@code
 * CvResult cv = CrossValidation.stratified(5).seed(42).run(Trainers.cart().maxDepth(6), data);
 * double meanAccuracy = cv.mean(Metric.ACCURACY);
 * }</pre>
 *
 * <p>Thread-safety: immutable; folds are fitted on {@code threads} threads.
 */
public final class CrossValidation {
  private final int k;
  private final boolean stratified;
  private final long seed;
  private final int threads;
  private final ProgressListener listener;

  private CrossValidation(int k, boolean stratified, long seed, int threads, ProgressListener listener) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2 but was: " + k);
    }
    this.k = k;
    this.stratified = stratified;
    this.seed = seed;
    this.threads = threads;
    this.listener = listener;
  }

  /** @param k folds, &gt;= 2 @return shuffled k-fold cross-validation, seed 1, one thread */
  public static CrossValidation kFold(int k) {
    return new CrossValidation(k, false, 1L, 1, ProgressListener.NONE);
  }

  /** @param k folds, &gt;= 2 @return stratified k-fold cross-validation (plain k-fold for regression), seed 1 */
  public static CrossValidation stratified(int k) {
    return new CrossValidation(k, true, 1L, 1, ProgressListener.NONE);
  }

  /** @param s the fold seed @return a copy */
  public CrossValidation seed(long s) {
    return new CrossValidation(k, stratified, s, threads, listener);
  }

  /** @param n worker threads, &gt;= 1 @return a copy */
  public CrossValidation threads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be >= 1 but was: " + n);
    }
    return new CrossValidation(k, stratified, seed, n, listener);
  }

  /** @param l the progress listener @return a copy */
  public CrossValidation listener(ProgressListener l) {
    return new CrossValidation(k, stratified, seed, threads, Objects.requireNonNull(l, "listener"));
  }

  /** @return the number of folds */
  public int k() {
    return k;
  }

  /** @return the seed */
  public long seed() {
    return seed;
  }

  int threads() {
    return threads;
  }

  /**
   * @param data the data to split
   * @return the folds this cross-validation uses for it
   */
  public Folds folds(LabeledData data) {
    return stratified && data.task() == Task.CLASSIFICATION ? Folds.stratified(data.classIndices(), k, seed)
        : Folds.kFold(data.size(), k, seed);
  }

  /**
   * @param trainer the trainer to evaluate
   * @param data the data
   * @return per-fold and mean metrics, and every example's out-of-fold prediction
   */
  public CvResult run(ModelTrainer trainer, LabeledData data) {
    Folds folds = folds(data);
    AtomicInteger done = new AtomicInteger();
    List<FoldOutcome> outcomes = Parallel.map(k, threads, f -> {
      FoldOutcome o = fold(trainer, data, folds, f);
      synchronized (listener) {
        listener.onProgress("cross-validation " + trainer.name(), done.incrementAndGet(), k);
      }
      return o;
    });
    return assemble(trainer, data, folds, outcomes);
  }

  record FoldOutcome(int[] test, Predictions predictions, Map<Metric, Double> metrics) {}

  static FoldOutcome fold(ModelTrainer trainer, LabeledData data, Folds folds, int f) {
    TrainedModel model = trainer.fit(data.subset(folds.train(f)));
    int[] test = folds.test(f);
    LabeledData testData = data.subset(test);
    Predictions p = Predictions.of(model, testData);
    return new FoldOutcome(test, p, Evaluation.compute(p, testData));
  }

  static CvResult assemble(ModelTrainer trainer, LabeledData data, Folds folds, List<FoldOutcome> outcomes) {
    int n = data.size();
    boolean cls = data.task() == Task.CLASSIFICATION;
    int[] oofClass = cls ? new int[n] : new int[0];
    double[] oofValue = cls ? new double[0] : new double[n];
    List<Map<Metric, Double>> perFold = new ArrayList<>();
    for (FoldOutcome o : outcomes) {
      for (int t = 0; t < o.test().length; t++) {
        if (cls) {
          oofClass[o.test()[t]] = o.predictions().classes()[t];
        } else {
          oofValue[o.test()[t]] = o.predictions().values()[t];
        }
      }
      perFold.add(o.metrics());
    }
    Map<Metric, Double> mean = new EnumMap<>(Metric.class);
    Map<Metric, Double> std = new EnumMap<>(Metric.class);
    for (Metric m : perFold.get(0).keySet()) {
      double s = 0;
      for (Map<Metric, Double> f : perFold) {
        s += f.get(m);
      }
      double mu = s / perFold.size();
      double ss = 0;
      for (Map<Metric, Double> f : perFold) {
        ss += (f.get(m) - mu) * (f.get(m) - mu);
      }
      mean.put(m, mu);
      std.put(m, Math.sqrt(ss / (perFold.size() - 1)));
    }
    int[] truth = cls ? data.classIndices() : new int[0];
    double[] target = cls ? new double[0] : data.targets();
    return new CvResult(trainer.describe(), folds, perFold, mean, std, oofClass, oofValue, truth, target);
  }
}
