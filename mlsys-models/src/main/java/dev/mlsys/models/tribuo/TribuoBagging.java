package dev.mlsys.models.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.dataset.DatasetView;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.ensemble.EnsembleCombiner;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.provenance.EnsembleModelProvenance;

/**
 * Trains the model Tribuo's {@link BaggingTrainer} (and so its random forest and extra trees)
 * would train, with the members built in parallel. Tribuo draws every member's bootstrap seed
 * from one generator and gives member {@code i} the inner trainer's invocation {@code i}; this
 * class draws the same seeds up front and passes the invocation count explicitly, so the
 * ensemble equals Tribuo's sequential one for any number of threads.
 *
 * <p>Thread-safety: stateless. The inner trainer is shared by the worker threads; Tribuo's
 * trainers derive each run's random state under a lock from the explicit invocation count.
 */
public final class TribuoBagging {
  private TribuoBagging() {}

  /**
   * @param ensembleTrainer Tribuo's sequential bagging trainer with the same settings, used for
   *     provenance only
   * @param inner the member trainer, fresh (never trained)
   * @param combiner how member predictions combine
   * @param members the number of members, &gt;= 1
   * @param seed the bagging seed, as given to Tribuo's trainer
   * @param examples the training data
   * @param threads worker threads, &gt;= 1
   * @param name the ensemble's name
   * @param <T> the output type
   * @return the ensemble, equal in its predictions to {@code ensembleTrainer.train(examples)}
   * @throws IllegalArgumentException if a count is below 1
   */
  public static <T extends Output<T>> WeightedEnsembleModel<T> train(BaggingTrainer<T> ensembleTrainer, Trainer<T> inner,
      EnsembleCombiner<T> combiner, int members, long seed, Dataset<T> examples, int threads, String name) {
    if (members < 1) {
      throw new IllegalArgumentException("members must be >= 1 but was: " + members);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 but was: " + threads);
    }
    // The first invocation of Tribuo's trainer splits its root generator once, then draws one int per member.
    SplittableRandom local = new SplittableRandom(seed).split();
    int[] bagSeeds = new int[members];
    for (int i = 0; i < members; i++) {
      bagSeeds[i] = local.nextInt();
    }
    ImmutableFeatureMap featureIDs = examples.getFeatureIDMap();
    ImmutableOutputInfo<T> outputIDs = examples.getOutputIDInfo();
    int firstInvocation = inner.getInvocationCount();
    Map<String, Provenance> runProvenance = Collections.emptyMap();
    List<Model<T>> models = new ArrayList<>(members);
    if (threads == 1) {
      for (int i = 0; i < members; i++) {
        models.add(member(inner, examples, featureIDs, outputIDs, bagSeeds[i], firstInvocation + i, runProvenance));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, members), r -> {
        Thread t = new Thread(r, "mlsys-bagging");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<Model<T>>> futures = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
          int m = i;
          futures.add(pool.submit(() -> member(inner, examples, featureIDs, outputIDs, bagSeeds[m], firstInvocation + m,
              runProvenance)));
        }
        for (Future<Model<T>> f : futures) {
          models.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while training bagging members", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    EnsembleModelProvenance provenance = new EnsembleModelProvenance(WeightedEnsembleModel.class.getName(),
        OffsetDateTime.now(), examples.getProvenance(), ensembleTrainer.getProvenance(), runProvenance,
        ListProvenance.createListProvenance(models));
    return new WeightedEnsembleModel<>(name, provenance, featureIDs, outputIDs, models, combiner);
  }

  private static <T extends Output<T>> Model<T> member(Trainer<T> inner, Dataset<T> examples, ImmutableFeatureMap featureIDs,
      ImmutableOutputInfo<T> outputIDs, int bagSeed, int invocation, Map<String, Provenance> runProvenance) {
    DatasetView<T> bag = DatasetView.createBootstrapView(examples, examples.size(), bagSeed, featureIDs, outputIDs);
    return inner.train(bag, runProvenance, invocation);
  }
}
