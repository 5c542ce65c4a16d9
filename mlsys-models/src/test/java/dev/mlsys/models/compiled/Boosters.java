package dev.mlsys.models.compiled;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** xgboost4j boosters trained directly, one per objective, on float data with missing values. */
final class Boosters {
  private Boosters() {}

  static final int WIDTH = 5;
  static final List<String> FEATURES = List.of("f0", "f1", "f2", "f3", "f4");
  private static Map<String, Booster> boosters;

  /** @return objective (with a suffix for variants) to booster; trained once */
  static synchronized Map<String, Booster> all() {
    if (boosters == null) {
      boosters = new LinkedHashMap<>();
      boosters.put("binary:logistic", train("binary:logistic", 0, 8, 4, "gbtree"));
      boosters.put("multi:softprob", train("multi:softprob", 3, 6, 3, "gbtree"));
      boosters.put("multi:softmax", train("multi:softmax", 3, 4, 3, "gbtree"));
      boosters.put("reg:squarederror", train("reg:squarederror", 0, 8, 4, "gbtree"));
      boosters.put("reg:logistic", train("reg:logistic", 0, 6, 3, "gbtree"));
      boosters.put("count:poisson", train("count:poisson", 0, 6, 3, "gbtree"));
      boosters.put("reg:squarederror deep", train("reg:squarederror", 0, 3, 14, "gbtree"));
    }
    return boosters;
  }

  static Booster train(String objective, int numClass, int rounds, int depth, String booster) {
    int n = 600;
    SplittableRandom r = new SplittableRandom(objective.hashCode() + 31L * depth);
    float[] x = new float[n * WIDTH];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < WIDTH; j++) {
        x[i * WIDTH + j] = r.nextInt(10) == 0 ? Float.NaN : (float) (Math.round(r.nextDouble(-3, 3) * 16) / 16.0);
      }
      double s = nz(x[i * WIDTH]) - 0.7 * nz(x[i * WIDTH + 1]) + Math.sin(nz(x[i * WIDTH + 2])) + 0.3 * r.nextDouble();
      y[i] = switch (objective) {
        case "binary:logistic", "reg:logistic" -> s > 0 ? 1 : 0;
        case "multi:softprob", "multi:softmax" -> s < -0.7 ? 0 : s < 0.7 ? 1 : 2;
        case "count:poisson" -> (float) Math.floor(Math.exp(s / 2));
        default -> (float) s;
      };
    }
    try {
      DMatrix m = new DMatrix(x, n, WIDTH, Float.NaN);
      m.setLabel(y);
      Map<String, Object> p = new HashMap<>();
      p.put("objective", objective);
      if (numClass > 0) {
        p.put("num_class", numClass);
      }
      p.put("booster", booster);
      p.put("max_depth", depth);
      p.put("eta", 0.3);
      p.put("nthread", 1);
      p.put("seed", 3);
      p.put("verbosity", 0);
      Booster b = XGBoost.train(m, p, rounds, new HashMap<>(), null, null);
      m.dispose();
      return b;
    } catch (XGBoostError e) {
      throw new IllegalStateException(e);
    }
  }

  private static double nz(float v) {
    return Float.isNaN(v) ? 0 : v;
  }
}
