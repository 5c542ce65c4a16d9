package dev.mlsys.data.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of the package's Javadoc, compiled and run. */
class FeaturesExamplesTest {
  private static final Schema SCHEMA = Schema.builder()
      .numeric("age").nullable("age").numeric("income")
      .categorical("plan", "free", "pro").categorical("region", "eu", "us")
      .label("churn", "no", "yes").build();

  @Test
  void featurePipelineClassExample() {
    List<Row> trainingRows = List.of(SCHEMA.rowOf(30, 1000, "free", "eu", "no"),
        SCHEMA.rowOf(null, 5000, "pro", "us", "yes"), SCHEMA.rowOf(50, 20000, "pro", "eu", "no"),
        SCHEMA.rowOf(41, 800, "free", "us", "no"));
    FeaturePipeline pipeline = FeaturePipeline.builder()
        .add(Feature.numeric("age").impute(Imputation.median()).missingIndicator().standardScaled())
        .add(Feature.numeric("income").log1p().quantileBuckets(4, BucketEncoding.ONE_HOT))
        .add(Feature.categorical("plan").oneHot(Unseen.IGNORE))
        .add(Feature.cross("plan", "region").hashed(64))
        .fit(trainingRows);
    Row row = SCHEMA.rowOf(35, 3000, "pro", "eu");
    double[] buffer = new double[pipeline.outputWidth()];
    pipeline.transform(row, buffer);
    FeaturePipeline same = FeaturePipeline.fromJson(pipeline.toJson());
    assertArrayEquals(buffer, same.transform(row));
    assertEquals(2 + 4 + 2 + 64, pipeline.outputWidth());
  }

  @Test
  void featureInterfaceExamples() {
    List<Feature> specs = List.of(
        Feature.numeric("age").impute(Imputation.median()).missingIndicator().standardScaled(),
        Feature.numeric("income").log1p().quantileBuckets(4, BucketEncoding.ONE_HOT),
        Feature.categorical("plan").oneHot(Unseen.IGNORE),
        Feature.categorical("region").hashed(1024),
        Feature.cross("plan", "region").hashed(64),
        Feature.categorical("plan").oneHot(Unseen.UNSEEN_BUCKET).minCount(5).named("plan_rare"),
        Feature.categorical("region").ordinal(Unseen.ERROR).impute(Imputation.constant("eu")).named("region_code"));
    assertEquals(7, specs.size());
  }
}
