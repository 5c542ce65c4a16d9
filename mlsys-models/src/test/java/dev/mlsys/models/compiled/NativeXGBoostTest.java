package dev.mlsys.models.compiled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.TribuoModel;
import dev.mlsys.models.tribuo.TribuoData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;

/**
 * The native path, taken only for boosters the compiler cannot read: it must equal xgboost4j and
 * dispose every {@code DMatrix}, so that native memory stays flat over a million single-row calls.
 */
class NativeXGBoostTest {

  @Test
  void aDartBoosterFallsBackToXGBoostItself() {
    Model<Label> dart = new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.DART, XGBoostTrainer.TreeMethod.AUTO,
        6, 0.3, 0, 3, 1, 1, 1, 1, 0, 1, XGBoostTrainer.LoggingVerbosity.SILENT, 7L)
        .train(TribuoData.classification(Fixtures.BINARY));
    TrainedModel model = TribuoModel.of(dart, Fixtures.FEATURES, Fixtures.BINARY.classes(), "dart");
    UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> ModelCompiler.compile(model));
    assertTrue(e.getMessage().contains("'dart'") && e.getMessage().contains("gbtree"), e.getMessage());
    CompiledModel c = ModelCompiler.compileOrFallback(model, Fixtures.FEATURES);
    assertTrue(c.usesFallback());
    for (int i = 0; i < 30; i++) {
      double[] x = Fixtures.BINARY.features(i);
      assertArrayEquals(model.output(x), c.output(x), 0.0);
      if (i % 3 == 0) {
        x[i % Fixtures.WIDTH] = Double.NaN;
        assertArrayEquals(Oracle.xgboost((TribuoModel) model, (XGBoostModel<?>) dart, x), c.output(x), 0.0);
      }
    }
  }

  @Test
  void theNativeKernelEqualsTheCompiledOne() {
    Booster booster = Boosters.all().get("multi:softprob");
    CompiledModel compiled = ModelCompiler.compileXGBoost(booster, Boosters.FEATURES);
    NativeXGBoostKernel kernel = nativeKernel(booster, 3);
    double[] out = new double[3];
    for (int i = 0; i < 50; i++) {
      double[] x = {i % 7 - 3, (i * 0.37) % 3, i % 5 == 0 ? Double.NaN : -i * 0.11, 0.5, i % 2};
      kernel.output(x, 0, out, 0);
      assertArrayEquals(compiled.output(x), out, 1e-6);
    }
  }

  @Test
  void nativeMemoryStaysFlat() throws IOException {
    assertFlat(25_000, 12);
  }

  @Test
  @EnabledIfSystemProperty(named = "mlsys.long", matches = "true")
  void nativeMemoryStaysFlatOverAMillionRows() throws IOException {
    assertFlat(1_000_000, 64);
  }

  /**
   * Predicts {@code rows} single rows natively and compares the resident set size less the
   * committed heap after the first tenth (heap touched and native allocators warmed up) with the
   * end. Without the heap touched first, the collector's first use of committed heap pages read
   * as tens of megabytes of growth over a million rows. Left undisposed, every single-row
   * {@code DMatrix} keeps about 1 KB of native memory (and an entry in the booster's prediction
   * cache) until a garbage collection finalizes it: measured on xgboost4j 1.6.2, 10 MB over 9,000
   * rows, so 22,500 measured rows would grow by about 22 MB. Disposed, the growth measured was
   * within +-3 MB (page-level noise of the heap and the allocator).
   */
  private static void assertFlat(int rows, long boundMegabytes) throws IOException {
    Booster booster = Boosters.all().get("binary:logistic");
    NativeXGBoostKernel kernel = nativeKernel(booster, 2);
    double[] x = new double[Boosters.WIDTH];
    double[] out = new double[2];
    double sum = 0;
    long before = 0;
    touchHeap();
    for (int i = 0; i < rows; i++) {
      x[i % Boosters.WIDTH] = (i % 97) / 16.0 - 3;
      kernel.output(x, 0, out, 0);
      sum += out[1];
      if (i == rows / 10) {
        before = nonHeapResidentKilobytes();
      }
    }
    long after = nonHeapResidentKilobytes();
    assertTrue(sum > 0 && sum < rows);
    long grownMb = (after - before) / 1024;
    assertTrue(grownMb < boundMegabytes, "resident memory outside the heap grew by " + grownMb + " MB over " + (rows - rows / 10)
        + " native predictions (from " + before / 1024 + " MB)");
  }

  private static NativeXGBoostKernel nativeKernel(Booster booster, int classes) {
    int[] inputOf = {0, 1, 2, 3, 4};
    int[] pos = classes == 2 ? new int[] {0, 1} : new int[] {0, 1, 2};
    return new NativeXGBoostKernel(Boosters.WIDTH, classes, booster, inputOf, classes == 2, pos, false);
  }

  /**
   * Short-lived garbage, three times the committed heap, so that the collector has cycled its
   * allocation regions through the committed heap and those pages are resident before the
   * baseline: a heap page entering the resident set for the first time is not native growth.
   */
  private static void touchHeap() {
    long committed = Runtime.getRuntime().totalMemory();
    long touched = 0;
    for (long done = 0; done < 3 * committed; done += 1 << 20) {
      byte[] chunk = new byte[1 << 20];
      chunk[(int) (done % chunk.length)] = 1;
      touched += chunk[(int) (done % chunk.length)];
    }
    assertTrue(touched > 0);
  }

  /** The resident set less the committed Java heap (the heap may still grow after the baseline). */
  private static long nonHeapResidentKilobytes() throws IOException {
    return residentKilobytes() - Runtime.getRuntime().totalMemory() / 1024;
  }

  private static long residentKilobytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }

  @Test
  void theFallbackReadsTheBoostersObjective() {
    assertEquals("binary:logistic", XGBoostReader.objectiveOf(Boosters.all().get("binary:logistic")));
  }
}
