package dev.mlsys.data.features;

import java.util.ArrayList;
import java.util.List;

/**
 * The specification of one group of output columns of a {@link FeaturePipeline}: what it reads
 * from a row and how it turns that into numbers. Specifications are immutable values; every
 * modifier returns a copy, so a specification can be kept in a {@code static final} field.
 *
 * <pre>{@code
 * Feature.numeric("age").impute(Imputation.median()).missingIndicator().standardScaled();
 * Feature.numeric("income").log1p().quantileBuckets(4, BucketEncoding.ONE_HOT);
 * Feature.categorical("plan").oneHot(Unseen.IGNORE);
 * Feature.categorical("zip").hashed(1024);
 * Feature.cross("plan", "region").hashed(64);
 * }</pre>
 */
public sealed interface Feature permits NumericFeature, CategoricalFeature {

  /** @return the input fields this feature reads, in order */
  List<String> fields();

  /**
   * @param field a numeric, boolean (1/0) or timestamp (epoch milliseconds) field
   * @return the field passed through as it is; add imputation, a log transform, scaling or
   *     bucketing with the modifiers of {@link NumericFeature}
   * @throws IllegalArgumentException if the name is null or blank
   */
  static NumericFeature numeric(String field) {
    return NumericFeature.of(field);
  }

  /**
   * @param field a field of any kind, read by its text (categorical and text values as they are,
   *     booleans as {@code true}/{@code false}, numbers as {@link Double#toString(double)})
   * @return a categorical input; choose its encoding to make a feature
   * @throws IllegalArgumentException if the name is null or blank
   */
  static CategoricalFeature.Input categorical(String field) {
    return new CategoricalFeature.Input(List.of(checkName(field)));
  }

  /**
   * A feature cross: the tuple of two or more fields' values taken as one categorical value.
   *
   * @param first the first field
   * @param second the second field
   * @param more further fields
   * @return a categorical input over the tuple; choose its encoding to make a feature
   * @throws IllegalArgumentException if a name is null, blank or repeated
   */
  static CategoricalFeature.Input cross(String first, String second, String... more) {
    List<String> fields = new ArrayList<>();
    fields.add(checkName(first));
    fields.add(checkName(second));
    for (String f : more) {
      fields.add(checkName(f));
    }
    if (fields.stream().distinct().count() != fields.size()) {
      throw new IllegalArgumentException("a cross must name distinct fields but was: " + fields);
    }
    return new CategoricalFeature.Input(List.copyOf(fields));
  }

  private static String checkName(String field) {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("field name must not be null or blank but was: "
          + (field == null ? "null" : "'" + field + "'"));
    }
    return field;
  }
}
