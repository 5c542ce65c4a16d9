package dev.mlsys.data.features;

import java.util.Locale;

/**
 * What a categorical encoder does with a value it did not see when it was fitted (or saw fewer
 * than {@link CategoricalFeature#minCount(int)} times). There is no default: every one-hot and
 * ordinal encoder names its policy, because the right answer depends on the model and the
 * serving path.
 *
 * <table>
 *   <caption>Encoding of an unseen value</caption>
 *   <tr><th>policy</th><th>one-hot</th><th>ordinal</th></tr>
 *   <tr><td>{@link #ERROR}</td><td colspan="2">{@code InvalidInputException} naming the field and
 *       value ({@code UNSEEN_CATEGORY})</td></tr>
 *   <tr><td>{@link #IGNORE}</td><td>all zeros</td><td>-1</td></tr>
 *   <tr><td>{@link #UNSEEN_BUCKET}</td><td>a 1 in an extra {@code field=<unseen>} column</td>
 *       <td>the code after the last seen value</td></tr>
 *   <tr><td>{@link #MOST_FREQUENT}</td><td colspan="2">encoded as the most frequent training
 *       value</td></tr>
 * </table>
 */
public enum Unseen {
  /** Reject the value. */
  ERROR,
  /** Encode the value as no known category. */
  IGNORE,
  /** Encode the value in a dedicated bucket, which rare training values also fill. */
  UNSEEN_BUCKET,
  /** Encode the value as the most frequent training value. */
  MOST_FREQUENT;

  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Unseen fromId(String id) {
    for (Unseen u : values()) {
      if (u.id().equals(id)) {
        return u;
      }
    }
    return null;
  }
}
