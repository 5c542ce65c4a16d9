package dev.mlsys.eval.testing;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spam filters for the behavioral examples: a logistic regression on log(1 + frequency) of a few
 * spam.csv features, trained on the whole file, a copy with a deliberate bug, and a text model
 * that computes the same features from a message.
 */
public final class SpamModels {
  /** Word-frequency features (per cent of words), as in spam.csv, then two character frequencies. */
  public static final List<String> WORDS = List.of("free", "remove", "money", "your", "000", "business", "our",
      "credit", "hp", "hpl", "george", "edu", "meeting", "re", "650", "project");
  public static final List<String> COLUMNS = List.of("free", "remove", "money", "your", "num000", "business", "our",
      "credit", "hp", "hpl", "george", "edu", "meeting", "re", "num650", "project", "charDollar", "charExclamation");

  private static double[] weights;

  private SpamModels() {}

  private static synchronized double[] weights() {
    if (weights == null) {
      List<Row> rows = Datasets.spam();
      double[][] x = new double[rows.size()][];
      int[] y = new int[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        x[i] = features(rows.get(i), COLUMNS);
        y[i] = "spam".equals(rows.get(i).label()) ? 1 : 0;
      }
      weights = Logistic.fit(x, y, 1.0);
    }
    return weights;
  }

  /** @return the weight of a column in the trained model */
  public static double weight(String column) {
    return weights()[COLUMNS.indexOf(column)];
  }

  /** @return the spam filter as trained */
  public static Predictor good() {
    double[] w = weights();
    return row -> prediction(Logistic.sigmoid(Logistic.score(w, features(row, COLUMNS))));
  }

  /**
   * @return the same weights fed from the wrong columns: a feature-mapping bug that reads "free"
   *     from "hp" and "hp" from "free"
   */
  public static Predictor broken() {
    double[] w = weights();
    List<String> swapped = new java.util.ArrayList<>(COLUMNS);
    swapped.set(COLUMNS.indexOf("free"), "hp");
    swapped.set(COLUMNS.indexOf("hp"), "free");
    return row -> prediction(Logistic.sigmoid(Logistic.score(w, features(row, swapped))));
  }

  /**
   * @param lowercase whether tokens are lower-cased before matching (spam.csv's word frequencies
   *     ignore case; the broken text model forgets to)
   * @return a model over a text field "message"
   */
  public static Predictor text(boolean lowercase) {
    double[] w = weights();
    return row -> {
      String message = row.getString("message");
      String[] tokens = message.split("[^\\p{L}\\p{N}]+");
      int words = 0;
      double[] x = new double[COLUMNS.size()];
      for (String t : tokens) {
        if (t.isEmpty()) {
          continue;
        }
        words++;
        String token = lowercase ? t.toLowerCase(Locale.ROOT) : t;
        int k = WORDS.indexOf(token);
        if (k >= 0) {
          x[k]++;
        }
      }
      for (int k = 0; k < WORDS.size(); k++) {
        x[k] = Math.log1p(words == 0 ? 0 : 100 * x[k] / words);
      }
      long dollars = message.chars().filter(c -> c == '$').count();
      long bangs = message.chars().filter(c -> c == '!').count();
      int chars = Math.max(1, message.length());
      x[COLUMNS.indexOf("charDollar")] = Math.log1p(100.0 * dollars / chars);
      x[COLUMNS.indexOf("charExclamation")] = Math.log1p(100.0 * bangs / chars);
      return prediction(Logistic.sigmoid(Logistic.score(w, x)));
    };
  }

  static double[] features(Row row, List<String> columns) {
    double[] x = new double[columns.size()];
    for (int j = 0; j < x.length; j++) {
      x[j] = Math.log1p(row.getDouble(columns.get(j)));
    }
    return x;
  }

  static Prediction prediction(double p) {
    Map<String, Double> probabilities = new LinkedHashMap<>();
    probabilities.put("nonspam", 1 - p);
    probabilities.put("spam", p);
    return Prediction.of(p >= 0.5 ? "spam" : "nonspam", probabilities);
  }
}
