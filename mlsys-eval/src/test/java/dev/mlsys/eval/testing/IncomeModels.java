package dev.mlsys.eval.testing;

import dev.mlsys.api.CategoricalField;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Income models (P(income at or above $50,000)) for the behavioral and slice examples: logistic
 * regressions on one-hot categorical features of income.csv with education as an ordinal score.
 */
public final class IncomeModels {
  private static final List<String> ONE_HOT = List.of("AGE", "MARITAL.STATUS", "OCCUPATION", "DUAL.INCOMES",
      "HOUSEHOLDER", "HOME.TYPE");

  private static Predictor good;
  private static Predictor broken;

  private IncomeModels() {}

  /** @return a model that sees neither SEX nor ETHNIC.CLASS and scores education in its real order */
  public static synchronized Predictor good() {
    if (good == null) {
      good = train(Datasets.income(), Datasets.EDUCATION, List.of());
    }
    return good;
  }

  /**
   * @return a model with two deliberate bugs: education scored in alphabetical order (an encoder
   *     that sorted the levels) and SEX among its features
   */
  public static synchronized Predictor broken() {
    if (broken == null) {
      List<String> alphabetical = new ArrayList<>(Datasets.EDUCATION);
      alphabetical.sort(null);
      broken = train(Datasets.income(), alphabetical, List.of("SEX"));
    }
    return broken;
  }

  /** @return a model trained on the given rows only, with the real education order */
  public static Predictor trainedOn(List<Row> rows, List<String> extra) {
    return train(rows, Datasets.EDUCATION, extra);
  }

  private static Predictor train(List<Row> rows, List<String> educationOrder, List<String> extra) {
    List<String> oneHot = new ArrayList<>(ONE_HOT);
    oneHot.addAll(extra);
    CategoricalField[] fields = oneHot.stream()
        .map(n -> (CategoricalField) rows.get(0).schema().field(n).orElseThrow()).toArray(CategoricalField[]::new);
    double[][] x = new double[rows.size()][];
    int[] y = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      x[i] = features(rows.get(i), fields, educationOrder);
      y[i] = "high".equals(rows.get(i).label()) ? 1 : 0;
    }
    double[] w = Logistic.fit(x, y, 1.0);
    return row -> {
      double p = Logistic.sigmoid(Logistic.score(w, features(row, fields, educationOrder)));
      Map<String, Double> probabilities = new LinkedHashMap<>();
      probabilities.put("low", 1 - p);
      probabilities.put("high", p);
      return Prediction.of(p >= 0.5 ? "high" : "low", probabilities);
    };
  }

  private static double[] features(Row row, CategoricalField[] fields, List<String> educationOrder) {
    int size = 2;
    for (CategoricalField f : fields) {
      size += f.values().size();
    }
    double[] x = new double[size];
    String education = row.getString("EDUCATION");
    if (education == null) {
      x[1] = 1;
    } else {
      x[0] = educationOrder.indexOf(education);
    }
    int offset = 2;
    for (CategoricalField f : fields) {
      String v = row.getString(f.name());
      if (v != null) {
        x[offset + f.indexOf(v)] = 1;
      }
      offset += f.values().size();
    }
    return x;
  }
}
