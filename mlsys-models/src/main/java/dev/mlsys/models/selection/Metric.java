package dev.mlsys.models.selection;

import java.util.Locale;

/** The metrics mlsys reports, with whether a larger value is better. */
public enum Metric {
  /** Share of correct classes. */
  ACCURACY(true),
  /** Unweighted mean of per-class F1 scores. */
  MACRO_F1(true),
  /** Mean negative log-likelihood of the true class (natural log). */
  LOG_LOSS(false),
  /** Area under the ROC curve of the second class's probability (binary only). */
  ROC_AUC(true),
  /** Root mean squared error. */
  RMSE(false),
  /** Mean absolute error. */
  MAE(false),
  /** Coefficient of determination. */
  R2(true);

  private final boolean higherIsBetter;

  Metric(boolean higherIsBetter) {
    this.higherIsBetter = higherIsBetter;
  }

  /** @return whether a larger value is better */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** @return the camel-case key used in JSON and tables, such as {@code macroF1} */
  public String key() {
    String[] parts = name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(parts[i].length() <= 3 && !parts[i].equals("f1") ? parts[i].toUpperCase(Locale.ROOT)
          : Character.toUpperCase(parts[i].charAt(0)) + parts[i].substring(1));
    }
    return sb.toString();
  }

  /**
   * @param key a key as given by {@link #key()}, or an enum name
   * @return the metric
   * @throws IllegalArgumentException for an unknown key, listing the known ones
   */
  public static Metric of(String key) {
    for (Metric m : values()) {
      if (m.key().equals(key) || m.name().equalsIgnoreCase(key)) {
        return m;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Metric m : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(m.key());
    }
    throw new IllegalArgumentException("unknown metric '" + key + "'; known metrics are " + known);
  }
}
