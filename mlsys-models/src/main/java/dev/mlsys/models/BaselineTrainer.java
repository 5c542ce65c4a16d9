package dev.mlsys.models;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Fits a {@link BaselineModel}; weights count as in scikit-learn's dummy estimators. */
final class BaselineTrainer implements ModelTrainer {
  private final BaselineStrategy strategy;
  private final String constantClass;
  private final double constantValue;
  private final long seed;

  BaselineTrainer(BaselineStrategy strategy, String constantClass, double constantValue, long seed) {
    this.strategy = strategy;
    this.constantClass = constantClass;
    this.constantValue = constantValue;
    this.seed = seed;
  }

  @Override
  public TrainedModel fit(LabeledData data) {
    boolean regressionStrategy = strategy == BaselineStrategy.MEAN || strategy == BaselineStrategy.MEDIAN
        || (strategy == BaselineStrategy.CONSTANT && constantClass == null);
    if (data.task() == Task.REGRESSION) {
      if (!regressionStrategy) {
        throw new IllegalArgumentException("baseline " + strategy + " is for classification but the data is regression");
      }
      double value = switch (strategy) {
        case MEAN -> weightedMean(data);
        case MEDIAN -> weightedMedian(data);
        default -> constantValue;
      };
      return BaselineModel.regression(strategy, data.featureNames(), value);
    }
    if (regressionStrategy) {
      throw new IllegalArgumentException("baseline " + strategy + (constantClass == null && strategy == BaselineStrategy.CONSTANT
          ? " with a numeric value" : "") + " is for regression but the data is classification");
    }
    int k = data.classes().size();
    double[] priors = new double[k];
    for (int i = 0; i < data.size(); i++) {
      priors[data.classOf(i)] += data.weightOf(i);
    }
    Outputs.normalize(priors);
    double[] distribution = switch (strategy) {
      case MOST_FREQUENT -> oneHot(k, Outputs.argmax(priors));
      case CONSTANT -> {
        int c = data.classes().indexOf(constantClass);
        if (c < 0) {
          throw new IllegalArgumentException("constant class '" + constantClass + "' is not one of the classes "
              + data.classes());
        }
        yield oneHot(k, c);
      }
      case UNIFORM -> {
        double[] u = new double[k];
        Arrays.fill(u, 1.0 / k);
        yield u;
      }
      default -> priors;
    };
    return BaselineModel.classification(strategy, data.featureNames(), data.classes(), distribution, seed);
  }

  private static double[] oneHot(int k, int c) {
    double[] out = new double[k];
    out[c] = 1.0;
    return out;
  }

  private static double weightedMean(LabeledData data) {
    double sum = 0;
    double weight = 0;
    for (int i = 0; i < data.size(); i++) {
      sum += data.weightOf(i) * data.targetOf(i);
      weight += data.weightOf(i);
    }
    return sum / weight;
  }

  /** The unweighted median averages the two middle values, as numpy does; weighted: the lower weighted median. */
  private static double weightedMedian(LabeledData data) {
    double[] y = data.targets();
    if (!data.weighted()) {
      Arrays.sort(y);
      int n = y.length;
      return n % 2 == 1 ? y[n / 2] : (y[n / 2 - 1] + y[n / 2]) / 2;
    }
    Integer[] order = new Integer[y.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(y[a], y[b]));
    double total = 0;
    for (int i = 0; i < y.length; i++) {
      total += data.weightOf(i);
    }
    double cumulative = 0;
    for (Integer i : order) {
      cumulative += data.weightOf(i);
      if (cumulative >= total / 2) {
        return y[i];
      }
    }
    return y[order[order.length - 1]];
  }

  @Override
  public String name() {
    return "baseline-" + strategy.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    if (constantClass != null) {
      p.put("constant", constantClass);
    } else if (!Double.isNaN(constantValue)) {
      p.put("constant", constantValue);
    }
    p.put("seed", seed);
    return java.util.Collections.unmodifiableMap(p);
  }

  @Override
  public ModelTrainer with(String name, Object value) {
    if ("seed".equals(name) && value instanceof Number n) {
      return withSeed(n.longValue());
    }
    throw new IllegalArgumentException("baseline " + strategy + " has no parameter '" + name + "'; its parameters are "
        + params().keySet());
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public ModelTrainer withSeed(long newSeed) {
    return new BaselineTrainer(strategy, constantClass, constantValue, newSeed);
  }
}
