package dev.mlsys.models.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs independent tasks on a few threads and returns their results in task order. */
final class Parallel {
  private Parallel() {}

  static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  static <R> List<R> map(int tasks, int threads, IntFunction<R> task) {
    List<R> out = new ArrayList<>(tasks);
    if (threads <= 1 || tasks <= 1) {
      for (int i = 0; i < tasks; i++) {
        out.add(task.apply(i));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks), r -> {
      Thread t = new Thread(r, "mlsys-ensemble");
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
