package dev.mlsys.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void resultsComeInTaskOrderWhateverTheThreadCount() {
    List<Integer> expected = IntStream.range(0, 40).map(i -> i * i).boxed().toList();
    for (int threads : new int[] {1, 2, 3, 64}) {
      Set<String> workers = ConcurrentHashMap.newKeySet();
      List<Integer> out = Parallel.map(40, threads, i -> {
        workers.add(Thread.currentThread().getName());
        // later tasks finish first, so completion order differs from task order
        sleep(40 - i);
        return i * i;
      });
      assertEquals(expected, out, threads + " threads");
      assertEquals(threads == 1 ? Set.of(Thread.currentThread().getName()) : Set.of("mlsys-models"), workers);
    }
    assertEquals(List.of(), Parallel.map(0, 4, i -> i));
  }

  @Test
  void aFailedTaskIsRethrownAsIsAndBadArgumentsAreRefused() {
    IllegalStateException boom = new IllegalStateException("task 5 failed");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.map(10, 3, i -> {
      if (i == 5) {
        throw boom;
      }
      return i;
    }));
    assertSame(boom, thrown);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.map(3, 0, i -> i));
    assertEquals("threads must be >= 1 but was: 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Parallel.map(-1, 2, i -> i));
    assertTrue(e.getMessage().contains("tasks must be >= 0"), e.getMessage());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis / 10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
