package dev.mlsys.models;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent tasks on a few threads and returns their results in task order: how ensembles
 * fit their members and model selection fits its folds and trials. Each task must depend only on
 * its index (seeds drawn up front, not from a shared generator), so the results are the same for
 * any number of threads.
 *
 * <pre>{@code
 * List<TrainedModel> members = Parallel.map(trainers.size(), Parallel.defaultThreads(),
 *     m -> trainers.get(m).fit(data));
 * }</pre>
 *
 * <p>Thread-safety: stateless. The task function is called from several threads at once.
 */
public final class Parallel {
  private Parallel() {}

  /** @return the number of processors available to the JVM, the default thread count */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs {@code task.apply(0)} to {@code task.apply(tasks - 1)}, on the calling thread when
   * {@code threads} or {@code tasks} is 1, otherwise on a pool of {@code min(threads, tasks)}
   * daemon threads that is shut down before returning.
   *
   * @param tasks the number of tasks, &gt;= 0
   * @param threads the most threads to use, &gt;= 1
   * @param task the work of one task, given its index
   * @param <R> the result type
   * @return the results, in task order
   * @throws IllegalArgumentException if tasks &lt; 0 or threads &lt; 1
   * @throws RuntimeException the first failed task's exception (in task order), rethrown as is
   * @throws IllegalStateException if the calling thread is interrupted while waiting
   */
  public static <R> List<R> map(int tasks, int threads, IntFunction<R> task) {
    if (tasks < 0) {
      throw new IllegalArgumentException("tasks must be >= 0 but was: " + tasks);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 but was: " + threads);
    }
    List<R> out = new ArrayList<>(tasks);
    if (threads == 1 || tasks <= 1) {
      for (int i = 0; i < tasks; i++) {
        out.add(task.apply(i));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks), r -> {
      Thread t = new Thread(r, "mlsys-models");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<R>> futures = new ArrayList<>(tasks);
      for (int i = 0; i < tasks; i++) {
        int index = i;
        futures.add(pool.submit(() -> task.apply(index)));
      }
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while training", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }
}
