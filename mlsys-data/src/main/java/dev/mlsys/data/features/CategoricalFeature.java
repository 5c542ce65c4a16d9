package dev.mlsys.data.features;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A categorical input (one field, or a cross of several) encoded one-hot, as ordinal codes, or
 * by the hashing trick. Make one with {@link Feature#categorical(String)} or
 * {@link Feature#cross(String, String, String...)} and an encoding:
 *
 * <pre>{@code
 * Feature.categorical("plan").oneHot(Unseen.UNSEEN_BUCKET).minCount(5);
 * Feature.categorical("city").ordinal(Unseen.ERROR).impute(Imputation.constant("unknown"));
 * Feature.cross("plan", "region").hashed(64);
 * }</pre>
 *
 * <p>Categories are the values seen at fit time (after imputation), kept if seen at least
 * {@link #minCount(int)} times. Their order is the field's declared order for a
 * {@link dev.mlsys.api.CategoricalField}, lexicographic otherwise. A missing value without
 * imputation is a category of its own ({@code field=<missing>}), as in scikit-learn's
 * {@code OneHotEncoder}; in a cross any missing part is marked missing in the tuple.
 *
 * <p>The hashing trick writes {@code ±1} into bucket {@code |h| mod buckets} where {@code h} is
 * the signed 32-bit MurmurHash3 (seed 0) of the UTF-8 text {@code field=value} (crosses join the
 * parts with U+001F); the sign is that of {@code h} unless {@link #alternateSign(boolean)} turns
 * it off. This is scikit-learn's {@code FeatureHasher} on the same strings, so hashed columns
 * agree across languages and releases. (Weinberger et al., "Feature Hashing for Large Scale
 * Multitask Learning", ICML 2009.)
 *
 * <p>Immutable and thread-safe; every modifier returns a copy.
 */
public final class CategoricalFeature implements Feature {

  enum Encoding {
    ONE_HOT, ORDINAL, HASHED;

    String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final List<String> fields;
  private final String name;
  private final Encoding encoding;
  private final Unseen unseen;
  private final int buckets;
  private final boolean alternateSign;
  private final Imputation imputation;
  private final boolean indicator;
  private final int minCount;

  private CategoricalFeature(List<String> fields, String name, Encoding encoding, Unseen unseen, int buckets,
      boolean alternateSign, Imputation imputation, boolean indicator, int minCount) {
    this.fields = fields;
    this.name = name;
    this.encoding = encoding;
    this.unseen = unseen;
    this.buckets = buckets;
    this.alternateSign = alternateSign;
    this.imputation = imputation;
    this.indicator = indicator;
    this.minCount = minCount;
  }

  @Override
  public List<String> fields() {
    return fields;
  }

  /**
   * @param imputation most frequent or a string constant
   * @return a copy that fills a missing value before encoding
   * @throws IllegalArgumentException if the imputation is numeric, or this is a cross
   * @throws IllegalStateException if an imputation was set already
   */
  public CategoricalFeature impute(Imputation imputation) {
    Objects.requireNonNull(imputation, "imputation");
    if (!imputation.fitsCategorical()) {
      throw new IllegalArgumentException(name() + ": categorical features impute with most-frequent or a string constant"
          + " but got " + imputation);
    }
    if (fields.size() > 1) {
      throw new IllegalArgumentException(name() + ": a cross does not impute; impute "
          + "is set on single-field features");
    }
    if (this.imputation != null) {
      throw new IllegalStateException(name() + " already imputes with " + this.imputation);
    }
    return new CategoricalFeature(fields, name, encoding, unseen, buckets, alternateSign, imputation, indicator, minCount);
  }

  /**
   * @return a copy that adds a column {@code name:missing}: 1 if the raw value (in a cross: any
   *     part) was missing, else 0
   */
  public CategoricalFeature missingIndicator() {
    return new CategoricalFeature(fields, name, encoding, unseen, buckets, alternateSign, imputation, true, minCount);
  }

  /**
   * Treats values seen fewer than {@code minCount} times at fit time as unseen, so that an
   * {@link Unseen#UNSEEN_BUCKET} column is trained on rare values instead of being all zeros.
   *
   * @param minCount the least number of training occurrences that makes a category, at least 1
   * @return a copy with the threshold
   * @throws IllegalArgumentException if {@code minCount < 1}, or {@code minCount > 1} with
   *     {@link Unseen#ERROR} (training rows would be rejected), or the encoding is hashed
   */
  public CategoricalFeature minCount(int minCount) {
    if (minCount < 1) {
      throw new IllegalArgumentException(name() + ": minCount must be >= 1 but was: " + minCount);
    }
    if (encoding == Encoding.HASHED) {
      throw new IllegalArgumentException(name() + ": minCount does not apply to hashed features, which have no vocabulary");
    }
    if (minCount > 1 && unseen == Unseen.ERROR) {
      throw new IllegalArgumentException(name() + ": minCount " + minCount
          + " needs an unseen policy other than error, or rare training values would be rejected");
    }
    return new CategoricalFeature(fields, name, encoding, unseen, buckets, alternateSign, imputation, indicator, minCount);
  }

  /**
   * @param alternateSign whether a hashed value writes the sign of its hash ({@code true}, the
   *     default, keeps inner products unbiased under collisions) or always +1
   * @return a copy with the sign choice
   * @throws IllegalArgumentException if the encoding is not hashed
   */
  public CategoricalFeature alternateSign(boolean alternateSign) {
    if (encoding != Encoding.HASHED) {
      throw new IllegalArgumentException(name() + ": alternateSign applies to hashed features only");
    }
    return new CategoricalFeature(fields, name, encoding, unseen, buckets, alternateSign, imputation, indicator, minCount);
  }

  /**
   * @return the name output columns are derived from: the field, or the cross's fields joined by
   *     {@code ^}, unless {@link #named(String)}
   */
  public String name() {
    return name;
  }

  /**
   * Names the feature's output columns, so the same input can feed two features (for example
   * one-hot and hashed) without a clash of column names.
   *
   * @param name the base of the output column names
   * @return a copy with the name
   * @throws IllegalArgumentException if the name is null or blank
   */
  public CategoricalFeature named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("feature name must not be null or blank but was: "
          + (name == null ? "null" : "'" + name + "'"));
    }
    return new CategoricalFeature(fields, name, encoding, unseen, buckets, alternateSign, imputation, indicator,
        minCount);
  }

  Encoding encoding() {
    return encoding;
  }

  Unseen unseen() {
    return unseen;
  }

  int buckets() {
    return buckets;
  }

  boolean alternateSignOn() {
    return alternateSign;
  }

  Imputation imputation() {
    return imputation;
  }

  boolean indicator() {
    return indicator;
  }

  int minCountValue() {
    return minCount;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategoricalFeature f && fields.equals(f.fields) && name.equals(f.name)
        && encoding == f.encoding
        && unseen == f.unseen && buckets == f.buckets && alternateSign == f.alternateSign
        && Objects.equals(imputation, f.imputation) && indicator == f.indicator && minCount == f.minCount;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fields, name, encoding, unseen, buckets, alternateSign, imputation, indicator, minCount);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(fields.size() == 1 ? "categorical(" : "cross(")
        .append(String.join(", ", fields)).append(").").append(encoding.id()).append('(');
    sb.append(encoding == Encoding.HASHED ? String.valueOf(buckets) : unseen.id()).append(')');
    if (!name.equals(String.join("^", fields))) {
      sb.append(".named(").append(name).append(')');
    }
    if (imputation != null) {
      sb.append(".impute(").append(imputation).append(')');
    }
    if (indicator) {
      sb.append(".missingIndicator()");
    }
    if (minCount > 1) {
      sb.append(".minCount(").append(minCount).append(')');
    }
    if (encoding == Encoding.HASHED && !alternateSign) {
      sb.append(".alternateSign(false)");
    }
    return sb.toString();
  }

  /**
   * A categorical input whose encoding is still to be chosen: the step between
   * {@link Feature#categorical(String)} and a {@link CategoricalFeature}. Immutable.
   */
  public static final class Input {
    private final List<String> fields;

    Input(List<String> fields) {
      this.fields = fields;
    }

    /**
     * @param unseen what to do with values not seen at fit time; required, there is no default
     * @return a one-hot feature: one column per category
     */
    public CategoricalFeature oneHot(Unseen unseen) {
      Objects.requireNonNull(unseen, "unseen");
      return new CategoricalFeature(fields, String.join("^", fields), Encoding.ONE_HOT, unseen, 0, true, null, false, 1);
    }

    /**
     * @param unseen what to do with values not seen at fit time; required, there is no default
     * @return an ordinal feature: one column holding the category's code 0, 1, ...
     */
    public CategoricalFeature ordinal(Unseen unseen) {
      Objects.requireNonNull(unseen, "unseen");
      return new CategoricalFeature(fields, String.join("^", fields), Encoding.ORDINAL, unseen, 0, true, null, false, 1);
    }

    /**
     * @param buckets the number of hash buckets (columns), at least 1
     * @return a hashed feature; every value, seen or not, hashes to a bucket
     * @throws IllegalArgumentException if {@code buckets < 1}
     */
    public CategoricalFeature hashed(int buckets) {
      if (buckets < 1) {
        throw new IllegalArgumentException(String.join("^", fields) + ": buckets must be >= 1 but was: " + buckets);
      }
      return new CategoricalFeature(fields, String.join("^", fields), Encoding.HASHED, null, buckets, true, null, false, 1);
    }

    @Override
    public String toString() {
      return (fields.size() == 1 ? "categorical(" : "cross(") + String.join(", ", fields) + ")";
    }
  }
}
