package dev.mlsys.models.selection;

import dev.mlsys.models.LabeledData;
import dev.mlsys.models.ModelTrainer;
import dev.mlsys.models.Parallel;
import dev.mlsys.models.ProgressListener;
import dev.mlsys.models.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hyper-parameter search by cross-validation: every combination of a grid, or a seeded number of
 * random draws (Bergstra and Bengio 2012, "Random search for hyper-parameter optimization").
 * All (candidate, fold) fits run in parallel; every candidate sees the same folds.
 *
 * <pre>{@code
 * SearchResult r = Search.grid(Trainers.xgboost())
 *     .param("maxDepth", 3, 6).param("learningRate", 0.1, 0.3)
 *     .cv(CrossValidation.stratified(5).seed(1)).threads(2).listener(bar).run(train);
 * System.out.print(r.table());
 * TrainedModel best = r.best().fit(train);
 * }</pre>
 *
 * <p>Thread-safety: immutable; every call returns a copy. The listener is called from worker
 * threads, one call at a time.
 */
public final class Search {
  private final ModelTrainer base;
  private final Map<String, List<Object>> grid;
  private final Map<String, Distribution> random;
  private final int trials;
  private final long seed;
  private final CrossValidation cv;
  private final Metric metric;
  private final int threads;
  private final ProgressListener listener;

  private Search(ModelTrainer base, Map<String, List<Object>> grid, Map<String, Distribution> random, int trials,
      long seed, CrossValidation cv, Metric metric, int threads, ProgressListener listener) {
    this.base = base;
    this.grid = grid;
    this.random = random;
    this.trials = trials;
    this.seed = seed;
    this.cv = cv;
    this.metric = metric;
    this.threads = threads;
    this.listener = listener;
  }

  /**
   * @param base the trainer whose parameters vary
   * @return an empty grid search with 5-fold stratified cross-validation
   */
  public static Search grid(ModelTrainer base) {
    return new Search(Objects.requireNonNull(base, "base"), new LinkedHashMap<>(), null, 0, 1L,
        CrossValidation.stratified(5), null, Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
  }

  /**
   * @param base the trainer whose parameters vary
   * @param trials the number of random candidates, &gt;= 1
   * @return an empty random search with 5-fold stratified cross-validation, seed 1
   */
  public static Search random(ModelTrainer base, int trials) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be >= 1 but was: " + trials);
    }
    return new Search(Objects.requireNonNull(base, "base"), null, new LinkedHashMap<>(), trials, 1L,
        CrossValidation.stratified(5), null, Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
  }

  /**
   * Adds a grid axis.
   *
   * @param name a parameter of the base trainer
   * @param values the values to try, at least one
   * @return a copy
   * @throws IllegalStateException on a random search
   * @throws IllegalArgumentException if a value is rejected by the trainer
   */
  public Search param(String name, Object... values) {
    if (grid == null) {
      throw new IllegalStateException("a random search takes distributions: param(String, Distribution)");
    }
    if (values.length == 0) {
      throw new IllegalArgumentException("parameter '" + name + "' needs at least one value");
    }
    for (Object v : values) {
      base.with(name, v);   // fail now, naming the parameter, rather than in a worker thread
    }
    Map<String, List<Object>> g = new LinkedHashMap<>(grid);
    g.put(name, List.of(values));
    return new Search(base, g, null, trials, seed, cv, metric, threads, listener);
  }

  /**
   * Adds a random-search dimension.
   *
   * @param name a parameter of the base trainer
   * @param distribution where its values come from
   * @return a copy
   * @throws IllegalStateException on a grid search
   */
  public Search param(String name, Distribution distribution) {
    if (random == null) {
      throw new IllegalStateException("a grid search takes values: param(String, Object...)");
    }
    if (!base.params().containsKey(name)) {
      throw new IllegalArgumentException(base.name() + " has no parameter '" + name + "'; its parameters are "
          + base.params().keySet());
    }
    Map<String, Distribution> r = new LinkedHashMap<>(random);
    r.put(name, Objects.requireNonNull(distribution, "distribution"));
    return new Search(base, null, r, trials, seed, cv, metric, threads, listener);
  }

  /** @param s the seed of random draws @return a copy */
  public Search seed(long s) {
    return new Search(base, grid, random, trials, s, cv, metric, threads, listener);
  }

  /** @param c how candidates are scored @return a copy */
  public Search cv(CrossValidation c) {
    return new Search(base, grid, random, trials, seed, Objects.requireNonNull(c, "cv"), metric, threads, listener);
  }

  /** @param m the ranking metric (default accuracy, or RMSE for regression) @return a copy */
  public Search metric(Metric m) {
    return new Search(base, grid, random, trials, seed, cv, Objects.requireNonNull(m, "metric"), threads, listener);
  }

  /** @param n worker threads, &gt;= 1 @return a copy */
  public Search threads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be >= 1 but was: " + n);
    }
    return new Search(base, grid, random, trials, seed, cv, metric, n, listener);
  }

  /** @param l the progress listener, told of every finished (candidate, fold) fit @return a copy */
  public Search listener(ProgressListener l) {
    return new Search(base, grid, random, trials, seed, cv, metric, threads, Objects.requireNonNull(l, "listener"));
  }

  /** @return the candidates' parameter settings, in generation order */
  public List<Map<String, Object>> candidates() {
    List<Map<String, Object>> out = new ArrayList<>();
    if (grid != null) {
      if (grid.isEmpty()) {
        throw new IllegalStateException("the grid has no parameters; add some with param(name, values...)");
      }
      List<String> names = new ArrayList<>(grid.keySet());
      int[] pos = new int[names.size()];
      while (true) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          c.put(names.get(i), grid.get(names.get(i)).get(pos[i]));
        }
        out.add(c);
        int i = names.size() - 1;
        while (i >= 0 && ++pos[i] == grid.get(names.get(i)).size()) {
          pos[i] = 0;
          i--;
        }
        if (i < 0) {
          return out;
        }
      }
    }
    if (random.isEmpty()) {
      throw new IllegalStateException("the random search has no parameters; add some with param(name, distribution)");
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int t = 0; t < trials; t++) {
      SplittableRandom draw = r.split();
      Map<String, Object> c = new LinkedHashMap<>();
      random.forEach((name, d) -> c.put(name, d.sample(draw)));
      out.add(c);
    }
    return out;
  }

  /**
   * @param data the data to cross-validate on
   * @return every trial ranked, the best trainer and a results table
   */
  public SearchResult run(LabeledData data) {
    Metric m = metric != null ? metric : data.task() == Task.CLASSIFICATION ? Metric.ACCURACY : Metric.RMSE;
    List<Map<String, Object>> candidates = candidates();
    List<ModelTrainer> trainers = new ArrayList<>();
    for (Map<String, Object> c : candidates) {
      ModelTrainer t = base;
      for (Map.Entry<String, Object> e : c.entrySet()) {
        t = t.with(e.getKey(), e.getValue());
      }
      trainers.add(t);
    }
    Folds folds = cv.folds(data);
    int k = folds.k();
    int total = trainers.size() * k;
    AtomicInteger done = new AtomicInteger();
    String stage = (grid != null ? "grid search " : "random search ") + base.name();
    List<CrossValidation.FoldOutcome> outcomes = Parallel.map(total, threads, task -> {
      CrossValidation.FoldOutcome o = CrossValidation.fold(trainers.get(task / k), data, folds, task % k);
      synchronized (listener) {
        listener.onProgress(stage, done.incrementAndGet(), total);
      }
      return o;
    });
    List<Trial> unranked = new ArrayList<>();
    for (int c = 0; c < trainers.size(); c++) {
      CvResult r = CrossValidation.assemble(trainers.get(c), data, folds, outcomes.subList(c * k, (c + 1) * k));
      unranked.add(new Trial(c, candidates.get(c), r, 0));
    }
    Comparator<Trial> byMetric = Comparator.comparingDouble(t -> t.cv().mean(m));
    if (m.higherIsBetter()) {
      byMetric = byMetric.reversed();
    }
    List<Trial> sorted = new ArrayList<>(unranked);
    sorted.sort(byMetric.thenComparingInt(Trial::index));
    List<Trial> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Trial t = sorted.get(i);
      ranked.add(new Trial(t.index(), t.params(), t.cv(), i + 1));
    }
    return new SearchResult(m, ranked, trainers.get(ranked.get(0).index()));
  }

  @Override
  public String toString() {
    return (grid != null ? "Search.grid(" + grid : "Search.random(" + random.keySet() + " x " + trials) + ", "
        + base.describe() + ")";
  }
}
