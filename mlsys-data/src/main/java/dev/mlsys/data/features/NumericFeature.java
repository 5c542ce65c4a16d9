package dev.mlsys.data.features;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A numeric input turned into one value (or one column per bucket), in this order: imputation
 * of a missing value, an optional log transform, then at most one of standard scaling, min-max
 * scaling or bucketing. An optional missing indicator column (1 if the raw value was missing)
 * follows the value.
 *
 * <p>Missing values are {@code null} values and NaN. Without imputation a missing value stays
 * NaN through every step (a one-hot bucketed missing value is NaN in every bucket column).
 *
 * <p>Immutable and thread-safe; every modifier returns a copy.
 */
public final class NumericFeature implements Feature {

  enum Transform {
    NONE, LOG, LOG1P;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  enum Scaling {
    NONE, STANDARD, MIN_MAX, QUANTILE_BUCKETS, FIXED_BUCKETS;

    String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final String field;
  private final String name;
  private final Imputation imputation;
  private final boolean indicator;
  private final Transform transform;
  private final Scaling scaling;
  private final int buckets;
  private final double[] edges;
  private final BucketEncoding encoding;

  private NumericFeature(String field, String name, Imputation imputation, boolean indicator, Transform transform,
      Scaling scaling, int buckets, double[] edges, BucketEncoding encoding) {
    this.field = field;
    this.name = name;
    this.imputation = imputation;
    this.indicator = indicator;
    this.transform = transform;
    this.scaling = scaling;
    this.buckets = buckets;
    this.edges = edges;
    this.encoding = encoding;
  }

  static NumericFeature of(String field) {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("field name must not be null or blank but was: "
          + (field == null ? "null" : "'" + field + "'"));
    }
    return new NumericFeature(field, field, null, false, Transform.NONE, Scaling.NONE, 0, null, null);
  }

  @Override
  public List<String> fields() {
    return List.of(field);
  }

  /** @return the input field */
  public String field() {
    return field;
  }

  /** @return the name output columns are derived from: the field's, unless {@link #named(String)} */
  public String name() {
    return name;
  }

  /**
   * Names the feature's output columns, so the same field can feed two features (for example
   * raw and bucketed) without a clash of column names.
   *
   * @param name the base of the output column names
   * @return a copy with the name
   * @throws IllegalArgumentException if the name is null or blank
   */
  public NumericFeature named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("feature name must not be null or blank but was: "
          + (name == null ? "null" : "'" + name + "'"));
    }
    return new NumericFeature(field, name, imputation, indicator, transform, scaling, buckets, edges, encoding);
  }

  /**
   * @param imputation mean, median, most frequent or a numeric constant
   * @return a copy that fills missing values
   * @throws IllegalArgumentException if the imputation is a string constant
   * @throws IllegalStateException if an imputation was set already
   */
  public NumericFeature impute(Imputation imputation) {
    Objects.requireNonNull(imputation, "imputation");
    if (!imputation.fitsNumeric()) {
      throw new IllegalArgumentException("field '" + field + "': numeric features need a numeric imputation but got "
          + imputation);
    }
    if (this.imputation != null) {
      throw new IllegalStateException("field '" + field + "' already imputes with " + this.imputation);
    }
    return new NumericFeature(field, name, imputation, indicator, transform, scaling, buckets, edges, encoding);
  }

  /** @return a copy that adds a column {@code field:missing}: 1 if the raw value was missing, else 0 */
  public NumericFeature missingIndicator() {
    return new NumericFeature(field, name, imputation, true, transform, scaling, buckets, edges, encoding);
  }

  /**
   * The natural logarithm (computed with {@link StrictMath}, so it is identical on every JVM).
   * Values must be &gt; 0, at fit and at apply time.
   *
   * @return a copy with the log transform
   * @throws IllegalStateException if a log transform was set already
   */
  public NumericFeature log() {
    return withTransform(Transform.LOG);
  }

  /**
   * {@code log(1 + x)} (computed with {@link StrictMath}). Values must be &gt; -1.
   *
   * @return a copy with the log1p transform
   * @throws IllegalStateException if a log transform was set already
   */
  public NumericFeature log1p() {
    return withTransform(Transform.LOG1P);
  }

  /**
   * {@code (x - mean) / std} with the population standard deviation of the training values, as
   * scikit-learn's {@code StandardScaler}; a zero deviation scales by 1.
   *
   * @return a copy with standard scaling
   * @throws IllegalStateException if a scaling or bucketing was set already
   */
  public NumericFeature standardScaled() {
    return withScaling(Scaling.STANDARD, 0, null, null);
  }

  /**
   * {@code (x - min) / (max - min)} with the training minimum and maximum; a zero range scales by
   * 1. Serving values outside the training range fall outside [0, 1].
   *
   * @return a copy with min-max scaling
   * @throws IllegalStateException if a scaling or bucketing was set already
   */
  public NumericFeature minMaxScaled() {
    return withScaling(Scaling.MIN_MAX, 0, null, null);
  }

  /**
   * Buckets with edges at the training quantiles {@code 0, 1/n, ..., 1} (linear interpolation,
   * as numpy's {@code percentile}); edges closer than 1e-8 are merged, so a skewed column can
   * have fewer buckets, as in scikit-learn's {@code KBinsDiscretizer(strategy="quantile")}. A
   * value lands in bucket {@code i} when {@code edge[i] <= x < edge[i + 1]}; values below the
   * first or above the last edge go to the first or last bucket.
   *
   * @param buckets the number of buckets wanted, at least 2
   * @param encoding how the bucket is written
   * @return a copy with quantile bucketing
   * @throws IllegalArgumentException if {@code buckets < 2}
   * @throws IllegalStateException if a scaling or bucketing was set already
   */
  public NumericFeature quantileBuckets(int buckets, BucketEncoding encoding) {
    if (buckets < 2) {
      throw new IllegalArgumentException("field '" + field + "': buckets must be >= 2 but was: " + buckets);
    }
    return withScaling(Scaling.QUANTILE_BUCKETS, buckets, null, Objects.requireNonNull(encoding, "encoding"));
  }

  /**
   * Buckets with fixed inner edges: {@code k} edges make {@code k + 1} buckets,
   * {@code (-inf, e0), [e0, e1), ..., [e(k-1), +inf)}.
   *
   * @param encoding how the bucket is written
   * @param edges the inner edges, finite and strictly increasing, at least one
   * @return a copy with fixed bucketing
   * @throws IllegalArgumentException if the edges are empty, not finite or not increasing
   * @throws IllegalStateException if a scaling or bucketing was set already
   */
  public NumericFeature buckets(BucketEncoding encoding, double... edges) {
    Objects.requireNonNull(encoding, "encoding");
    if (edges == null || edges.length == 0) {
      throw new IllegalArgumentException("field '" + field + "': fixed buckets need at least one edge");
    }
    for (int i = 0; i < edges.length; i++) {
      if (!Double.isFinite(edges[i])) {
        throw new IllegalArgumentException("field '" + field + "': edge " + i + " must be finite but was: " + edges[i]);
      }
      if (i > 0 && !(edges[i] > edges[i - 1])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "field '%s': edges must be strictly increasing but edge %d (%s) <= edge %d (%s)",
            field, i, edges[i], i - 1, edges[i - 1]));
      }
    }
    double[] full = new double[edges.length + 2];
    full[0] = Double.NEGATIVE_INFINITY;
    System.arraycopy(edges, 0, full, 1, edges.length);
    full[full.length - 1] = Double.POSITIVE_INFINITY;
    return withScaling(Scaling.FIXED_BUCKETS, edges.length + 1, full, encoding);
  }

  Imputation imputation() {
    return imputation;
  }

  boolean indicator() {
    return indicator;
  }

  Transform transform() {
    return transform;
  }

  Scaling scaling() {
    return scaling;
  }

  int bucketCount() {
    return buckets;
  }

  /** The full fixed edges, with -inf and +inf at the ends; null unless fixed bucketing. */
  double[] fixedEdges() {
    return edges == null ? null : edges.clone();
  }

  BucketEncoding encoding() {
    return encoding;
  }

  private NumericFeature withTransform(Transform t) {
    if (transform != Transform.NONE) {
      throw new IllegalStateException("field '" + field + "' already has the transform " + transform.id());
    }
    return new NumericFeature(field, name, imputation, indicator, t, scaling, buckets, edges, encoding);
  }

  private NumericFeature withScaling(Scaling s, int n, double[] e, BucketEncoding enc) {
    if (scaling != Scaling.NONE) {
      throw new IllegalStateException("field '" + field + "' already has the scaling " + scaling.id()
          + "; a numeric feature has at most one scaling or bucketing");
    }
    return new NumericFeature(field, name, imputation, indicator, transform, s, n, e, enc);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumericFeature f && field.equals(f.field) && name.equals(f.name)
        && Objects.equals(imputation, f.imputation)
        && indicator == f.indicator && transform == f.transform && scaling == f.scaling && buckets == f.buckets
        && Arrays.equals(edges, f.edges) && encoding == f.encoding;
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, name, imputation, indicator, transform, scaling, buckets, Arrays.hashCode(edges), encoding);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("numeric(").append(field).append(')');
    if (!name.equals(field)) {
      sb.append(".named(").append(name).append(')');
    }
    if (imputation != null) {
      sb.append(".impute(").append(imputation).append(')');
    }
    if (indicator) {
      sb.append(".missingIndicator()");
    }
    if (transform != Transform.NONE) {
      sb.append('.').append(transform.id()).append("()");
    }
    if (scaling != Scaling.NONE) {
      sb.append('.').append(scaling.id());
      if (buckets > 0) {
        sb.append('(').append(buckets).append(", ").append(encoding.id()).append(')');
      }
    }
    return sb.toString();
  }
}
