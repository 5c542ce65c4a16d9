package dev.mlsys.eval.slices;

import dev.mlsys.eval.metrics.BinaryMetrics;
import dev.mlsys.eval.metrics.Interval;
import dev.mlsys.eval.metrics.Proportions;
import dev.mlsys.eval.metrics.SignificanceTests;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made {@link SliceMetric}s. Proportions (accuracy, error rate, precision, recall) get
 * Wilson intervals, ROC AUC gets DeLong's interval, the rest a seeded percentile bootstrap.
 *
 * <p>All metrics are immutable and thread-safe.
 */
public final class SliceMetrics {
  private SliceMetrics() {}

  /** @return the share of examples whose predicted label equals the actual one */
  public static SliceMetric accuracy() {
    return new Proportion("accuracy", true, true) {
      @Override
      long[] counts(List<Example> examples) {
        long right = examples.stream().filter(Example::correct).count();
        return new long[] {right, examples.size()};
      }

      @Override
      public double rowLoss(Example e) {
        return e.correct() ? 0 : 1;
      }
    };
  }

  /** @return the share of examples predicted wrongly */
  public static SliceMetric errorRate() {
    return new Proportion("error rate", false, true) {
      @Override
      long[] counts(List<Example> examples) {
        long wrong = examples.stream().filter(e -> !e.correct()).count();
        return new long[] {wrong, examples.size()};
      }

      @Override
      public double rowLoss(Example e) {
        return e.correct() ? 0 : 1;
      }
    };
  }

  /** @param cls a class @return the share of actual {@code cls} examples predicted {@code cls} */
  public static SliceMetric recall(String cls) {
    Objects.requireNonNull(cls, "cls");
    return new Proportion("recall of " + cls, true, false) {
      @Override
      long[] counts(List<Example> examples) {
        long support = examples.stream().filter(e -> e.actualLabel().equals(cls)).count();
        long hit = examples.stream().filter(e -> e.actualLabel().equals(cls) && cls.equals(e.prediction().label())).count();
        return new long[] {hit, support};
      }
    };
  }

  /** @param cls a class @return the share of examples predicted {@code cls} that are {@code cls} */
  public static SliceMetric precision(String cls) {
    Objects.requireNonNull(cls, "cls");
    return new Proportion("precision of " + cls, true, false) {
      @Override
      long[] counts(List<Example> examples) {
        long predicted = examples.stream().filter(e -> cls.equals(e.prediction().label())).count();
        long hit = examples.stream().filter(e -> e.actualLabel().equals(cls) && cls.equals(e.prediction().label())).count();
        return new long[] {hit, predicted};
      }
    };
  }

  /**
   * @param positive the positive class, whose predicted probability is the score
   * @return the ROC AUC, NaN on a slice holding one class; DeLong interval (needs two of each class)
   */
  public static SliceMetric rocAuc(String positive) {
    Objects.requireNonNull(positive, "positive");
    return new SliceMetric() {
      @Override
      public String name() {
        return "ROC AUC of " + positive;
      }

      @Override
      public boolean higherIsBetter() {
        return true;
      }

      @Override
      public double value(List<Example> examples) {
        double[] s = scores(examples, positive);
        int[] y = labels(examples, positive);
        int pos = 0;
        for (int v : y) {
          pos += v;
        }
        return pos == 0 || pos == y.length ? Double.NaN : BinaryMetrics.rocAuc(s, y);
      }

      @Override
      public Interval interval(List<Example> examples, double confidence, long seed) {
        int[] y = labels(examples, positive);
        int pos = 0;
        for (int v : y) {
          pos += v;
        }
        if (pos < 2 || y.length - pos < 2) {
          return null;
        }
        return SignificanceTests.deLongInterval(scores(examples, positive), y, confidence);
      }
    };
  }

  /** @return the mean log loss of the actual label's probability (clipped as scikit-learn) */
  public static SliceMetric logLoss() {
    return new Mean("log loss", false) {
      @Override
      public double rowLoss(Example e) {
        double p = e.prediction().probability(e.actualLabel());
        if (Double.isNaN(p)) {
          throw new IllegalStateException("log loss needs P(" + e.actualLabel() + ") but the prediction has "
              + e.prediction().probabilities().keySet());
        }
        double eps = BinaryMetrics.LOG_LOSS_EPSILON;
        return -Math.log(Math.min(Math.max(p, eps), 1 - eps));
      }
    };
  }

  /** @param positive the positive class @return the mean squared error of P(positive) */
  public static SliceMetric brierScore(String positive) {
    Objects.requireNonNull(positive, "positive");
    return new Mean("Brier score of " + positive, false) {
      @Override
      public double rowLoss(Example e) {
        double p = probability(e, positive);
        double d = (e.actualLabel().equals(positive) ? 1 : 0) - p;
        return d * d;
      }
    };
  }

  /** @return the mean absolute error of regression predictions */
  public static SliceMetric meanAbsoluteError() {
    return new Mean("mean absolute error", false) {
      @Override
      public double rowLoss(Example e) {
        return Math.abs(e.actualValue() - e.prediction().value());
      }
    };
  }

  private static double probability(Example e, String cls) {
    double p = e.prediction().probability(cls);
    if (Double.isNaN(p)) {
      throw new IllegalStateException("the metric needs P(" + cls + ") but the prediction has "
          + e.prediction().probabilities().keySet());
    }
    return p;
  }

  private static double[] scores(List<Example> examples, String positive) {
    double[] s = new double[examples.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = probability(examples.get(i), positive);
    }
    return s;
  }

  private static int[] labels(List<Example> examples, String positive) {
    int[] y = new int[examples.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = examples.get(i).actualLabel().equals(positive) ? 1 : 0;
    }
    return y;
  }

  /** A count over a count, with a Wilson interval. */
  private abstract static class Proportion implements SliceMetric {
    private final String name;
    private final boolean higherIsBetter;
    private final boolean perRow;

    Proportion(String name, boolean higherIsBetter, boolean perRow) {
      this.name = name;
      this.higherIsBetter = higherIsBetter;
      this.perRow = perRow;
    }

    /** @return {successes, trials} */
    abstract long[] counts(List<Example> examples);

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean higherIsBetter() {
      return higherIsBetter;
    }

    @Override
    public double value(List<Example> examples) {
      long[] c = counts(examples);
      return c[1] == 0 ? Double.NaN : (double) c[0] / c[1];
    }

    @Override
    public Interval interval(List<Example> examples, double confidence, long seed) {
      long[] c = counts(examples);
      return c[1] == 0 ? null : Proportions.wilson(c[0], c[1], confidence);
    }

    @Override
    public boolean hasRowLoss() {
      return perRow;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The mean of a per-row loss, with a bootstrap interval. */
  private abstract static class Mean implements SliceMetric {
    private final String name;
    private final boolean higherIsBetter;

    Mean(String name, boolean higherIsBetter) {
      this.name = name;
      this.higherIsBetter = higherIsBetter;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean higherIsBetter() {
      return higherIsBetter;
    }

    @Override
    public double value(List<Example> examples) {
      double sum = 0;
      for (Example e : examples) {
        sum += rowLoss(e);
      }
      return sum / examples.size();
    }

    @Override
    public boolean hasRowLoss() {
      return true;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
